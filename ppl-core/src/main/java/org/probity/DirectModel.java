package org.probity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.probity.ad.Real;
import org.probity.core.Address;
import org.probity.core.Defer;
import org.probity.core.Factor;
import org.probity.core.FlatMap;
import org.probity.core.Observe;
import org.probity.core.Prob;
import org.probity.core.Pure;
import org.probity.core.Sample;
import org.probity.dist.Continuous;
import org.probity.dist.Deterministic;
import org.probity.dist.Distribution;

/**
 * Models in direct style: {@code model(m -> { Real mu = m.sample("mu", normal(0, 5)); ...; return mu; })}
 * reads like the model's mathematics, one line per parameter, without a lambda nested in the
 * previous one. The result is an ordinary {@code Prob}, so every interpreter runs it: the Sampler,
 * the Enumerator, SMC, MCMC kernels, the trace operations and the log-density view of HMC and
 * NUTS.
 *
 * <p><b>How.</b> By re-execution through the monad (the "thermometer continuations" of Koppel,
 * Scherer and Solar-Lezama, ICFP 2018): the body is run from its start, each
 * {@link Context#sample} returning the value chosen for it in this run so far; at the first choice
 * the run has not made yet, the body is abandoned and the choice is emitted as a sample node whose
 * continuation runs the body again with one more value. Observations, factors and deterministic
 * sites need no answer from the interpreter, so the body runs on past them and they are emitted
 * together, in order, before the next choice. A model with S choices thus runs its body S + 1
 * times per run of the program: the cost is O(S * E) for E effects, against O(E) for the same
 * model written with {@code flatMap}. That is negligible for a model with tens of parameters and a
 * vectorised likelihood ({@link Context#observe} of a {@code plate}, or a loop of observations,
 * which costs no replay); for a model with thousands of choices (a latent per data point, a long
 * time series) write the monadic form, or run the repeated part as one monadic sub-program with
 * {@link Context#run} (e.g. {@code m.run(forEach(0, n, i -> sample(...)))}), which counts as one
 * choice.
 *
 * <p><b>The body must be a function of the values it is given</b>: the same values must lead to
 * the same sites in the same order (no random numbers of its own, no state kept between runs), as
 * a program's continuations must. A replay that reaches a different site than the run it repeats
 * is an {@link IllegalStateException}. The context is valid only during the body's run.
 */
public final class DirectModel {
  private DirectModel() {
  }

  /**
   * The body of a direct-style model.
   *
   * @param <A> the model's result
   */
  @FunctionalInterface
  public interface Body<A> {
    /**
     * Runs the model once, taking its random choices from {@code m}.
     *
     * @param m the context
     * @return the model's result
     */
    A run(Context m);
  }

  /**
   * The program of a direct-style body.
   *
   * @param body the body
   * @param <A> its result
   * @return the program
   */
  public static <A> Prob<A> of(Body<A> body) {
    return new Defer<>(() -> step(body, Trail.START));
  }

  /**
   * What the run has done so far: the values of the choices (in order), the keys of every emitted
   * effect (its address, or its kind when anonymous) to check that replays repeat the run.
   */
  private record Trail(Object[] values, Object[] keys) {
    static final Trail START = new Trail(new Object[0], new Object[0]);

    Trail then(List<Object> moreKeys, Object value, boolean hasValue) {
      Object[] k = Arrays.copyOf(keys, keys.length + moreKeys.size());
      for (int i = 0; i < moreKeys.size(); i++) {
        k[keys.length + i] = moreKeys.get(i);
      }
      Object[] v = hasValue ? Arrays.copyOf(values, values.length + 1) : values;
      if (hasValue) {
        v[values.length] = value;
      }
      return new Trail(v, k);
    }
  }

  /** The kinds of anonymous effects, for the replay check. */
  private enum Kind { CHOICE, OBSERVATION, FACTOR, PROGRAM }

  /** Abandons the body at a choice the run has not made: carries the program to emit. */
  private static final class Suspend extends Error {
    private static final long serialVersionUID = 1L;
    final transient Prob<?> next;

    Suspend(Prob<?> next) {
      super(null, null, false, false);
      this.next = next;
    }
  }

  /** Runs the body with the trail's values; returns the effects it reached beyond the trail. */
  private static <A> Prob<A> step(Body<A> body, Trail trail) {
    Context m = new Context(body, trail);
    A result;
    try {
      result = body.run(m);
    } catch (Suspend s) {
      m.done = true;
      @SuppressWarnings("unchecked")
      Prob<A> next = (Prob<A>) s.next;
      return next;
    } catch (RuntimeException | Error e) {
      m.done = true;
      if (m.pending.isEmpty()) {
        throw e;
      }
      // the body ran ahead past observations the interpreter has not weighed yet: the error
      // belongs after them (a run stopped by one of them at zero weight never reaches it)
      return m.emit(new Defer<A>(() -> {
        throw e;
      }));
    }
    m.done = true;
    if (m.position < m.trail.keys.length) {
      throw m.diverged("returned");
    }
    return m.emit(new Pure<>(result));
  }

  /**
   * The operations of a direct-style body: random choices that return their value, observations,
   * factors, deterministic sites and monadic sub-programs, each in the order the body reaches them.
   */
  public static final class Context {
    private final Body<Object> body;
    private final Trail trail;
    private int position; // the index of the next effect among all effects
    private int choice; // the index of the next value-returning effect
    private final List<Pending> pending = new ArrayList<>();
    private final List<Object> pendingKeys = new ArrayList<>();
    private boolean done;

    @SuppressWarnings("unchecked")
    private Context(Body<?> body, Trail trail) {
      this.body = (Body<Object>) body;
      this.trail = trail;
    }

    /** An effect reached beyond the trail that needs no value: emitted before the next choice. */
    @FunctionalInterface
    private interface Pending {
      Prob<?> then(Supplier<Prob<?>> next);
    }

    private void live() {
      if (done) {
        throw new IllegalStateException("a direct-style model's context was used after its body returned"
            + " (keep it inside the body)");
      }
    }

    /** Whether the next effect was made before (a replay): then its key must match. */
    private boolean replaying(Object key) {
      live();
      if (position < trail.keys.length) {
        if (!trail.keys[position].equals(key)) {
          throw diverged("reached " + key);
        }
        position++;
        return true;
      }
      position++;
      return false;
    }

    private IllegalStateException diverged(String what) {
      Object expected = position < trail.keys.length ? trail.keys[position] : "the end";
      return new IllegalStateException("a direct-style model's body is not a function of its values: replaying its run,"
          + " effect " + position + " " + what + " where the run had " + expected
          + " (the body must not draw random numbers of its own nor keep state between runs)");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <A> Prob<A> emit(Prob<A> last) {
      Prob<?> p = last;
      for (int i = pending.size() - 1; i >= 0; i--) {
        Prob<?> rest = p;
        p = pending.get(i).then(() -> rest);
      }
      return (Prob<A>) p;
    }

    @SuppressWarnings("unchecked")
    private <X> X value() {
      return (X) trail.values[choice++];
    }

    /**
     * A named random choice; returns its value.
     *
     * @param name the choice's name
     * @param dist its distribution
     * @param <X> its value type
     * @return the value chosen in this run
     */
    public <X> X sample(String name, Distribution<X> dist) {
      return sample(Address.of(name), dist);
    }

    /**
     * A random choice at a hierarchical address, e.g. {@code m.sample(addr("theta", j), normal(mu, tau))}.
     *
     * @param address the choice's address
     * @param dist its distribution
     * @param <X> its value type
     * @return the value chosen in this run
     */
    public <X> X sample(Address address, Distribution<X> dist) {
      return choose(address, address, dist);
    }

    /**
     * An anonymous random choice (addressed by its position, {@code #k}).
     *
     * @param dist its distribution
     * @param <X> its value type
     * @return the value chosen in this run
     */
    public <X> X sample(Distribution<X> dist) {
      return choose(null, Kind.CHOICE, dist);
    }

    private <X> X choose(Address address, Object key, Distribution<X> dist) {
      if (replaying(key)) {
        return value();
      }
      throw suspendWith(key, rest -> new Sample<X, Object>(address, dist, x -> step(body, rest.apply(x))));
    }

    /**
     * A monadic sub-program, run in place; returns its result. Its sites are named as they would
     * be in the monadic form; it counts as one choice for the cost of replays, so a loop of many
     * choices ({@code forEach}, {@code independent}, a state-space model, a memoised function)
     * belongs here.
     *
     * @param program the sub-program
     * @param <X> its result type
     * @return its result in this run
     */
    public <X> X run(Prob<X> program) {
      if (replaying(Kind.PROGRAM)) {
        return value();
      }
      throw suspendWith(Kind.PROGRAM, rest -> new FlatMap<X, Object>(program, x -> step(body, rest.apply(x))));
    }

    /** The suspension at a new value-returning effect whose node {@code make} builds from the trail extension. */
    private Suspend suspendWith(Object key, java.util.function.Function<java.util.function.Function<Object, Trail>, Prob<?>> make) {
      List<Object> keys = new ArrayList<>(pendingKeys);
      keys.add(key);
      Trail base = trail;
      Prob<?> node = make.apply(x -> base.then(keys, x, true));
      return new Suspend(emit(node));
    }

    /**
     * Conditions on {@code value} having been drawn from {@code dist}.
     *
     * @param dist the distribution
     * @param value the observed value
     * @param <X> its type
     */
    public <X> void observe(Distribution<X> dist, X value) {
      observeAt(null, dist, value);
    }

    /**
     * Conditions on a real observation.
     *
     * @param dist the distribution
     * @param value the observed value
     */
    public void observe(Continuous dist, double value) {
      observeAt(null, dist, Real.of(value));
    }

    /**
     * A named observation.
     *
     * @param name the observation's name
     * @param dist the distribution
     * @param value the observed value
     * @param <X> its type
     */
    public <X> void observe(String name, Distribution<X> dist, X value) {
      observeAt(Address.of(name), dist, value);
    }

    /**
     * A named real observation.
     *
     * @param name the observation's name
     * @param dist the distribution
     * @param value the observed value
     */
    public void observe(String name, Continuous dist, double value) {
      observeAt(Address.of(name), dist, Real.of(value));
    }

    /**
     * An observation at a hierarchical address, e.g. {@code m.observe(addr("y", i), normal(mu, sigma), y[i])}.
     *
     * @param address the observation's address
     * @param dist the distribution
     * @param value the observed value
     * @param <X> its type
     */
    public <X> void observe(Address address, Distribution<X> dist, X value) {
      observeAt(address, dist, value);
    }

    /**
     * A real observation at a hierarchical address.
     *
     * @param address the observation's address
     * @param dist the distribution
     * @param value the observed value
     */
    public void observe(Address address, Continuous dist, double value) {
      observeAt(address, dist, Real.of(value));
    }

    /**
     * A named vectorised observation: every entry of {@code data} drawn independently from {@code dist}.
     *
     * @param name the observation's name
     * @param dist the distribution of each entry
     * @param data the observed entries
     */
    public void plate(String name, Continuous dist, double[] data) {
      observeAt(Address.of(name), org.probity.dist.Plate.iid(dist, data.length), data.clone());
    }

    /**
     * A named vectorised observation with a distribution per entry, e.g.
     * {@code m.plate("y", y, i -> normal(alpha.plus(beta.times(x[i])), sigma))}.
     *
     * @param name the observation's name
     * @param data the observed entries
     * @param dist the distribution of entry i
     */
    public void plate(String name, double[] data, java.util.function.IntFunction<? extends Continuous> dist) {
      observeAt(Address.of(name), new org.probity.dist.Plate(org.probity.dist.Product.of(data.length, dist)), data.clone());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <X> void observeAt(Address address, Distribution<X> dist, X value) {
      Object key = address != null ? address : Kind.OBSERVATION;
      if (replaying(key)) {
        return;
      }
      Observe<X, Object> check = new Observe<>(address, dist, value, () -> null); // validates now, as the monadic form would
      pendingKeys.add(key);
      pending.add(next -> new Observe(check.address(), check.dist(), check.value(), next));
    }

    /**
     * Multiplies the weight by exp(logWeight).
     *
     * @param logWeight the log weight
     */
    public void factor(double logWeight) {
      factor(Real.of(logWeight));
    }

    /**
     * Multiplies the weight by exp(logWeight), differentiably.
     *
     * @param logWeight the log weight
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void factor(Real logWeight) {
      if (replaying(Kind.FACTOR)) {
        return;
      }
      Factor<Object> check = new Factor<>(logWeight, () -> null);
      pendingKeys.add(Kind.FACTOR);
      pending.add(next -> new Factor(check.logWeight(), next));
    }

    /**
     * Hard conditioning: zero weight unless {@code holds}.
     *
     * @param holds the condition
     */
    public void condition(boolean holds) {
      factor(holds ? Real.ZERO : Real.NEGATIVE_INFINITY);
    }

    /**
     * A deterministic site (see {@link Probity#deterministic(String, Object)}): records the value; returns it.
     *
     * @param name the site's name
     * @param value the computed value
     * @param <X> its type
     * @return the value
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <X> X deterministic(String name, X value) {
      Address a = Address.of(name);
      if (replaying(a)) {
        return value;
      }
      Deterministic<X> d = Deterministic.of(value);
      pendingKeys.add(a);
      pending.add(next -> new Sample(a, d, x -> next.get()));
      return value;
    }
  }
}
