package org.probity.inference.smc;

import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.core.Address;
import org.probity.core.AddressSet;
import org.probity.core.Cont;
import org.probity.core.Defer;
import org.probity.core.Factor;
import org.probity.core.FlatMap;
import org.probity.core.Handler;
import org.probity.core.Interpreter;
import org.probity.core.Machine;
import org.probity.core.Observe;
import org.probity.core.Prob;
import org.probity.core.Pure;
import org.probity.core.Sample;
import org.probity.core.StateSpace;
import org.probity.core.Weights;
import org.probity.dist.Distribution;

/**
 * The sequential representation of a program (monad-bayes' {@code Sequential}, Scibior, Kammar
 * and Ghahramani, "Functional programming for modular Bayesian inference", ICFP 2018): a program
 * suspended at its next observation or factor, held as a {@link Particle}.
 *
 * <p>{@link #advance} is a program transformation: it turns one particle into a {@code Prob} of
 * the particle one suspension later, in which the particle's own random choices are
 * {@link Sample} nodes of the outer program (so the Sampler draws them and the Enumerator
 * enumerates them) and the particle's observation or factor multiplies the particle's weight,
 * not the outer program's. The outer sample nodes are anonymous: particles repeat each other's
 * addresses, and an outer run must not see one address twice. Both it and its compiled form
 * ({@link DirectSteps#advance}) are handlers of the one loop.
 *
 * <p>An independent product inside a particle runs as the sequence of its parts (the loop's
 * default), so each observation inside a part is a suspension of its own; the distribution of the
 * result is the same (the parts are independent), and SMC gets finer steps.
 */
public final class Sequential {
  private Sequential() {
  }

  /** The particle about to run {@code program}. */
  public static <A> Particle<A> start(Prob<A> program) {
    return Particle.start(program);
  }

  /** Whether the particle's program has run to its end. */
  public static boolean finished(Particle<?> p) {
    return p.finished();
  }

  /** Runs the particle to its next suspension, drawing its choices from their priors. */
  public static <A> Prob<Particle<A>> advance(Particle<A> p) {
    return advance(p, null, 0);
  }

  /**
   * Runs the particle to its next suspension, drawing its choices from {@code proposal} (null for
   * the priors) at SMC step {@code step}. A finished or dead particle stays put.
   */
  @SuppressWarnings("unchecked")
  public static <A> Prob<Particle<A>> advance(Particle<A> p, Proposal proposal, int step) {
    if (p.done()) {
      return new Pure<>(p);
    }
    return (Prob<Particle<A>>) (Prob<?>) Interpreter.run(p.machine(), new Advance(p.logWeight(), proposal, step));
  }

  /** Runs the particle to the end of its program, every remaining observation weighting it. */
  public static <A> Prob<Particle<A>> finish(Particle<A> p) {
    if (p.done()) {
      return new Pure<>(p);
    }
    return new FlatMap<>(advance(p), Sequential::finish);
  }

  /**
   * The compiled forms of {@link #advance(Particle)} and {@link #finish} with prior draws, for the
   * particles one thread steps with one generator: one {@link Direct} handler and one loop serve
   * them all, so a particle step allocates the particle and nothing of the interpreter's.
   */
  static final class DirectSteps {
    private final Direct direct;
    private final Interpreter.Loop<Particle<?>> loop;

    DirectSteps(UniformRandomProvider rng) {
      this.direct = new Direct(rng);
      this.loop = new Interpreter.Loop<>(direct);
    }

    /**
     * The compiled form of {@code advance(p)}: runs the particle of log weight {@code logWeight}
     * to its next suspension drawing directly from the generator, in exactly the order in which
     * the Sampler would draw the outer sample nodes of {@link #advance(Particle)}, so both give
     * the same particle.
     */
    @SuppressWarnings("unchecked")
    <A> Particle<A> advance(Particle<A> p, double logWeight) {
      if (logWeight == Double.NEGATIVE_INFINITY || p.finished()) {
        return p.withLogWeight(logWeight);
      }
      direct.reset(logWeight);
      return (Particle<A>) loop.run(p.node(), p.stack(), p.scope(), p.counter(), p.names());
    }

    /** The compiled form of {@link #finish}: advances directly until the particle is done. */
    <A> Particle<A> finish(Particle<A> p, double logWeight) {
      Particle<A> q = p.withLogWeight(logWeight);
      while (!q.done()) {
        q = advance(q, q.logWeight());
      }
      return q;
    }
  }

  /**
   * The particle just after the observation or factor at the loop's current node, of log density
   * {@code l}: its weight times the density, suspended there (weighed); a particle whose weight
   * became zero stays at the node it died at.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Particle<Object> weighed(Interpreter run, Prob<?> node, Prob<?> next, double logWeight, double l) {
    double lw = logWeight + l;
    if (lw == Double.NEGATIVE_INFINITY) {
      return new Particle<>(run.machine(), Double.NEGATIVE_INFINITY, node, false);
    }
    return new Particle<>(run.continueWith(next, SETTLE), Weights.totalAt(lw, node), null, true);
  }

  /**
   * A live particle first runs the deterministic administrative steps that follow its suspension
   * (once per ancestor rather than once per resampled copy), up to its next effect, its end, or the
   * next step of a state-space model (where the next step's draw happens: the particle stops there).
   */
  private static Machine settle(Machine m) {
    return Interpreter.run(m, SETTLE);
  }

  /** {@link #settle}'s handler: the administrative steps up to the next effect, end or state-space step. */
  private static final Handler<Machine> SETTLE = Interpreter.reducing(thunk -> thunk instanceof StateSpace.Step);

  /** The program transformation: each choice becomes an outer sample node; a weighing ends the step. */
  private static final class Advance implements Handler<Prob<?>> {
    final double logWeight;
    final Proposal proposal;
    final int step;
    Prob<?> out;

    Advance(double logWeight, Proposal proposal, int step) {
      this.logWeight = logWeight;
      this.proposal = proposal;
      this.step = step;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Prob<?> sample(Sample<?, ?> s, Interpreter run) {
      Distribution prior = s.dist();
      Distribution q = proposal == null ? null : proposal.propose(step, s.address(), prior);
      Machine after = run.resume(s);
      Function k = s.k();
      double lw = logWeight;
      if (q == null || q == prior) {
        out = new Sample<Object, Particle<Object>>(null, prior,
            x -> (Prob) Interpreter.run(after.resume((Prob<?>) k.apply(x)), new Advance(lw, proposal, step)));
        return Interpreter.STOP;
      }
      Machine before = run.machine();
      out = new Sample<Object, Particle<Object>>(null, q, x -> {
        Object where = s.address() == null ? "a proposed anonymous choice" : s.address();
        double lp = Weights.choice(prior, x, where);
        double lq = Weights.choice(q, x, where);
        if (lp == Double.NEGATIVE_INFINITY) {
          // the proposal left the prior's support: the particle dies at this choice
          return new Pure<>(new Particle<Object>(before, Double.NEGATIVE_INFINITY, s, false));
        }
        return (Prob) Interpreter.run(after.resume((Prob<?>) k.apply(x)), new Advance(lw + lp - lq, proposal, step));
      });
      return Interpreter.STOP;
    }

    @Override
    public Prob<?> observe(Observe<?, ?> o, Interpreter run) {
      double l = Weights.observe(o);
      out = new Pure<>(weighed(run, o, l == Double.NEGATIVE_INFINITY ? null : o.next().get(), logWeight, l));
      return Interpreter.STOP;
    }

    @Override
    public Prob<?> factor(Factor<?> f, Interpreter run) {
      double l = Weights.factor(f);
      out = new Pure<>(weighed(run, f, l == Double.NEGATIVE_INFINITY ? null : f.next().get(), logWeight, l));
      return Interpreter.STOP;
    }

    @Override
    public Prob<?> result(Object value, Interpreter run) {
      return new Pure<>(new Particle<>(run.resume(new Pure<>(value)), logWeight, null, false));
    }

    @Override
    public Prob<?> stopped(Interpreter run) {
      return out;
    }
  }

  /**
   * The compiled step: draws directly from the generator in the order the Sampler would. It builds
   * the particle where the step ends from the loop's fields ({@link Interpreter.Suspension}).
   */
  private static final class Direct implements Handler<Particle<?>>, Interpreter.Suspension<Particle<?>> {
    final UniformRandomProvider rng;
    double logWeight;
    // the particle where a step ended without settling (dead, or after a state-space step)
    Particle<?> out;
    // After the weighing, the same loop runs on as settle would: the administrative steps up to the
    // next effect, the end, or the next state-space step, where the particle is suspended.
    boolean settling;

    Direct(UniformRandomProvider rng) {
      this.rng = rng;
    }

    // ready for the step of a particle of log weight lw
    void reset(double lw) {
      logWeight = lw;
      settling = false;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Prob<?> sample(Sample<?, ?> s, Interpreter run) {
      return (Prob<?>) ((Function) s.k()).apply(s.dist().sample(rng));
    }

    @Override
    public UniformRandomProvider drawsFromPrior() {
      return rng;
    }

    @Override
    public Prob<?> observe(Observe<?, ?> o, Interpreter run) {
      return weigh(run, o, Weights.observe(o), o.next());
    }

    @Override
    public Prob<?> factor(Factor<?> f, Interpreter run) {
      return weigh(run, f, Weights.factor(f), f.next());
    }

    // The weighing at the loop's current node: a dead particle stops there; a live one settles on
    // to its next effect (where the loop stops before naming it), its end or a state-space step.
    private Prob<?> weigh(Interpreter run, Prob<?> node, double l, java.util.function.Supplier<? extends Prob<?>> next) {
      double lw = logWeight + l;
      if (lw == Double.NEGATIVE_INFINITY) {
        logWeight = lw;
        out = run.machine(this);
        return Interpreter.STOP;
      }
      logWeight = Weights.totalAt(lw, node);
      settling = true;
      run.stopAtNextEffect();
      return next.get();
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Prob<?> defer(Defer<?> d, Interpreter run) {
      if (d.thunk() instanceof StateSpace.Step st) {
        if (settling) {
          return Interpreter.STOP;
        }
        out = stateSpaceStep(st, run, logWeight, rng);
        return Interpreter.STOP;
      }
      return d.thunk().get();
    }

    @Override
    public Particle<?> result(Object value, Interpreter run) {
      return run.resume(new Pure<>(value), this);
    }

    @Override
    public Particle<?> stopped(Interpreter run) {
      return settling ? run.machine(this) : out;
    }

    // the particle at the loop's suspension: dead where it died, else weighed once it has settled
    @Override
    public Particle<?> at(Prob<?> node, Cont stack, Address scope, int counter, AddressSet names) {
      return new Particle<>(node, stack, scope, counter, names, logWeight,
          logWeight == Double.NEGATIVE_INFINITY ? node : null, settling);
    }
  }

  /**
   * One step of a state-space model in plain Java: draw z_t, weigh y_t, continue. It is the
   * meaning of the step ({@link StateSpace.Step#get}) run by {@link #advance}: the same draw from
   * the same generator, the same log density, the same next program, without building the step's
   * closures (the particle's state is the step record alone). The step's site is named as the
   * meaning's sample node would be.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Particle<Object> stateSpaceStep(StateSpace.Step st, Interpreter run, double logWeight,
      UniformRandomProvider rng) {
    Object z = st.dist().sample(rng);
    Machine at = run.resume(null).afterChoice(st.address());
    double l = st.logLikelihood(st.emission(z));
    if (l == Double.NEGATIVE_INFINITY) {
      Observe site = st.observeNode(z);
      return new Particle<>(at.resume(site), Double.NEGATIVE_INFINITY, site, false);
    }
    return new Particle<>(settle(at.resume(st.next(z))), Weights.total(logWeight + l, "a state-space observation"), null,
        true);
  }
}
