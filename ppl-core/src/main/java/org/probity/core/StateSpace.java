package org.probity.core;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.probity.dist.Distribution;

/**
 * A state-space model (hidden Markov model): a latent Markov chain z_0 ~ initial,
 * z_t ~ transition(t, z_{t-1}), seen through observations y_t ~ emission(t, z_t). It is the model
 * of the bootstrap particle filter (Gordon, Salmond and Smith, 1993); Gen's {@code Unfold} and
 * Pyro's {@code markov} are the same combinator.
 *
 * <p>{@link #observe} gives an ordinary program, returning the last state: its meaning, which
 * every interpreter runs, is
 * {@code sample(dist_t, z -> observe(emission(t, z), y_t, () -> next step))} at each t (site
 * {@code name[t]} when the model is named, anonymous otherwise). What the combinator adds is that
 * a program suspended between two steps is one small {@link Step} (time, state) instead of a chain
 * of closures, so sequential Monte Carlo can advance it directly and read the particle's state
 * ({@link #stateOf}) without keeping any history.
 *
 * @param <S> the latent state's type
 * @param <Y> the observations' type
 */
public final class StateSpace<S, Y> {
  /** A distribution that may depend on the time index and a state. */
  @FunctionalInterface
  public interface TimeKernel<S, D> {
    /** The distribution at time {@code t} given state {@code s}. */
    D at(int t, S s);
  }

  private final String name;
  private final Distribution<S> initial;
  private final TimeKernel<S, ? extends Distribution<S>> transition;
  private final TimeKernel<S, ? extends Distribution<Y>> emission;
  // the time-homogeneous functions themselves (null for a time-varying model), which
  // transitionAt/emissionAt hand out, so that a particle step calls the user's function directly
  // rather than through a TimeKernel wrapper
  private final Function<? super S, ? extends Distribution<S>> homogeneousTransition;
  private final Function<? super S, ? extends Distribution<Y>> homogeneousEmission;

  private StateSpace(String name, Distribution<S> initial, TimeKernel<S, ? extends Distribution<S>> transition,
      TimeKernel<S, ? extends Distribution<Y>> emission, Function<? super S, ? extends Distribution<S>> homogeneousTransition,
      Function<? super S, ? extends Distribution<Y>> homogeneousEmission) {
    if (initial == null || transition == null || emission == null) {
      throw new IllegalArgumentException("stateSpace: initial distribution, transition and emission must not be null");
    }
    this.name = name;
    this.initial = initial;
    this.transition = transition;
    this.emission = emission;
    this.homogeneousTransition = homogeneousTransition;
    this.homogeneousEmission = homogeneousEmission;
  }

  /** The time-homogeneous model: z_t ~ transition(z_{t-1}), y_t ~ emission(z_t). */
  public static <S, Y> StateSpace<S, Y> of(Distribution<S> initial, Function<? super S, ? extends Distribution<S>> transition,
      Function<? super S, ? extends Distribution<Y>> emission) {
    if (transition == null || emission == null) {
      throw new IllegalArgumentException("stateSpace: transition and emission must not be null");
    }
    return new StateSpace<S, Y>(null, initial, (t, s) -> transition.apply(s), (t, s) -> emission.apply(s), transition, emission);
  }

  /** The model whose transition and emission may depend on the time index t. */
  public static <S, Y> StateSpace<S, Y> timeVarying(Distribution<S> initial, TimeKernel<S, ? extends Distribution<S>> transition,
      TimeKernel<S, ? extends Distribution<Y>> emission) {
    return new StateSpace<S, Y>(null, initial, transition, emission, null, null);
  }

  /** The same model whose latent draws are the named sites {@code name[t]} (for traces and proposals). */
  public StateSpace<S, Y> named(String siteName) {
    if (siteName == null || siteName.isEmpty()) {
      throw new IllegalArgumentException("stateSpace: a site name must be a non-empty string, got " + siteName);
    }
    return new StateSpace<>(siteName, initial, transition, emission, homogeneousTransition, homogeneousEmission);
  }

  /** The program conditioned on the observations y_0..y_{T-1}; it returns the last state z_{T-1}. */
  @SuppressWarnings("unchecked")
  public Prob<S> observe(List<? extends Y> ys) {
    if (ys == null || ys.isEmpty()) {
      throw new IllegalArgumentException("stateSpace: at least one observation is needed, got " + ys);
    }
    return new Defer<>(new Step<>(this, ys.toArray(), 0, null));
  }

  /** The program conditioned on the observations y_0..y_{T-1}; it returns the last state z_{T-1}. */
  @SafeVarargs
  public final Prob<S> observe(Y... ys) {
    return observe(List.of(ys));
  }

  /**
   * The state of a program suspended in a state-space model: z_{t-1} when the next step is t; when
   * the program has finished, its result (the last state, unless the model's result was mapped);
   * {@code node} is the suspended program's node.
   *
   * @throws IllegalArgumentException if the node is not between two steps of a state-space model
   *     or the chain has not started
   */
  public static Object stateOf(Prob<?> node) {
    if (node instanceof Defer<?> d && d.thunk() instanceof Step<?, ?> st && st.time() > 0) {
      return st.state();
    }
    if (node instanceof Pure<?> p) {
      return p.value();
    }
    throw new IllegalArgumentException("not a program suspended between two steps of a state-space model: " + node);
  }

  /**
   * The state-space step a suspended program stands at (a node between two steps of a
   * {@link StateSpace} model), or null when the node is anything else.
   */
  public static Step<?, ?> stepOf(Prob<?> node) {
    return node instanceof Defer<?> d && d.thunk() instanceof Step<?, ?> st ? st : null;
  }

  /**
   * A state-space program between two steps: time t (the next observation's index) and the state
   * z_{t-1} (null at t = 0). As a thunk it builds step t's meaning; an interpreter that knows the
   * combinator may instead draw {@link #dist()}, weigh {@link #observation()} under
   * {@link #emission} and continue with {@link #next}, which is the same program.
   *
   * @param <S> the state's type
   * @param <Y> the observations' type
   */
  public static final class Step<S, Y> implements Supplier<Prob<S>> {
    private final StateSpace<S, Y> model;
    private final Object[] ys;
    private final int t;
    private final S state;

    Step(StateSpace<S, Y> model, Object[] ys, int t, S state) {
      this.model = model;
      this.ys = ys;
      this.t = t;
      this.state = state;
    }

    /** The time index of the next observation. */
    public int time() {
      return t;
    }

    /** The state z_{t-1} (null at t = 0). */
    public S state() {
      return state;
    }

    /** The address of this step's latent draw (null when the model is anonymous). */
    public Address address() {
      return model.name == null ? null : Address.of(model.name, t);
    }

    /** The distribution of z_t: the initial distribution at t = 0, the transition from z_{t-1} after. */
    public Distribution<S> dist() {
      return distFrom(state);
    }

    /** The distribution of z_t when z_{t-1} = {@code previous} (the initial distribution at t = 0). */
    public Distribution<S> distFrom(S previous) {
      Distribution<S> d = t == 0 ? model.initial : model.transition.at(t, previous);
      if (d == null) {
        throw new IllegalArgumentException("stateSpace: the transition returned null at t = " + t + " from state " + previous);
      }
      return d;
    }

    /**
     * {@link #distFrom} as a function for this time, to call on many particles' states: the user's
     * own transition function when the model is time-homogeneous (one call, no wrapper). It may
     * return null where the user's function does; {@link #distFrom} checks.
     */
    @SuppressWarnings("unchecked")
    public Function<? super S, ? extends Distribution<S>> transitionAt() {
      if (t == 0) {
        Distribution<S> d = model.initial;
        return s -> d;
      }
      if (model.homogeneousTransition != null) {
        return model.homogeneousTransition;
      }
      TimeKernel<S, ? extends Distribution<S>> k = model.transition;
      int time = t;
      return s -> k.at(time, s);
    }

    /** {@link #emission} as a function for this time (it may return null where the user's function does). */
    public Function<? super S, ? extends Distribution<Y>> emissionAt() {
      if (model.homogeneousEmission != null) {
        return model.homogeneousEmission;
      }
      TimeKernel<S, ? extends Distribution<Y>> k = model.emission;
      int time = t;
      return s -> k.at(time, s);
    }

    /** The same step (same model, observations and time) from state {@code s}. */
    public Step<S, Y> withState(S s) {
      return new Step<>(model, ys, t, s);
    }

    /** The next time's step from no state yet (a cursor: use {@link #withState} for a particle's step). */
    public Step<S, Y> successor() {
      if (isLast()) {
        throw new IllegalStateException("stateSpace: step " + t + " is the last of " + ys.length);
      }
      return new Step<>(model, ys, t + 1, null);
    }

    /** Whether this is the step of the last observation (its continuation returns the state). */
    public boolean isLast() {
      return t + 1 == ys.length;
    }

    /** Whether {@code other} is a step of the same model, on the same observations, at the same time. */
    public boolean sameTimeAs(Step<?, ?> other) {
      return other.model == model && other.ys == ys && other.t == t;
    }

    /** The distribution of y_t given z_t = {@code z}. */
    public Distribution<Y> emission(S z) {
      Distribution<Y> d = model.emission.at(t, z);
      if (d == null) {
        throw new IllegalArgumentException("stateSpace: the emission returned null at t = " + t + " for state " + z);
      }
      return d;
    }

    /**
     * log p(y_t | z_t) under the emission {@code e}: negative infinity where y_t is impossible,
     * an {@code InvalidWeightException} naming the observation, the distribution and y_t where it
     * is NaN or +Infinity.
     */
    public double logLikelihood(Distribution<Y> e) {
      Y y = observation();
      double l = e.logDensity(y);
      if (Double.isNaN(l) || l == Double.POSITIVE_INFINITY) {
        InvalidWeightException.check(l, "observation " + t + " of a state-space model", e, y);
      }
      return l;
    }

    /** The observation y_t. */
    @SuppressWarnings("unchecked")
    public Y observation() {
      return (Y) ys[t];
    }

    /** The program after step t with z_t = {@code z}: the next step, or the result z when t is the last. */
    public Prob<S> next(S z) {
      return t + 1 == ys.length ? new Pure<>(z) : new Defer<>(new Step<>(model, ys, t + 1, z));
    }

    /** Step t's observation of y_t given z_t = {@code z}, as a node (followed by {@link #next}). */
    public Observe<Y, S> observeNode(S z) {
      return new Observe<>(null, emission(z), observation(), () -> next(z));
    }

    /** The meaning of step t: draw z_t, observe y_t, continue. */
    @Override
    public Prob<S> get() {
      return new Sample<S, S>(address(), dist(), this::observeNode);
    }

    @Override
    public String toString() {
      return "StateSpace.Step(t=" + t + ", state=" + state + ")";
    }
  }
}
