package org.probity.inference.composite;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.probity.ad.Real;
import org.probity.core.Factor;
import org.probity.core.Independent;
import org.probity.core.Machine;
import org.probity.core.Prob;
import org.probity.core.Pure;
import org.probity.inference.composite.Truncation.Prefix;
import org.probity.inference.mcmc.Kernel;
import org.probity.inference.mcmc.Kernels;
import org.probity.inference.mcmc.Selection;
import org.probity.inference.mcmc.Trace;
import org.probity.inference.mcmc.Traced;
import org.probity.inference.smc.Particle;
import org.probity.inference.smc.Population;
import org.probity.inference.smc.Resampler;
import org.probity.inference.smc.Smc;
import org.probity.inference.smc.Transform;

/**
 * Resample-move SMC (Gilks and Berzuini, "Following a moving target", JRSS B 2001; monad-bayes'
 * {@code Control.Monad.Bayes.Inference.RMSMC}): SMC whose particles, after every resampling, are
 * rejuvenated by MCMC moves that leave the current partial posterior invariant.
 *
 * <p>A particle after observation t is the trace of the model's prefix up to its t-th observation
 * ({@link Truncation#prefix}). Advancing it re-runs the prefix up to observation t+1 at the
 * trace's values ({@link Traced#update}), drawing the new choices from their priors, and weights
 * it by the incremental importance weight {@code logJoint(x') - logJoint(x) - logFresh} (the
 * likelihood of observation t+1 when the structure does not change). Rejuvenation applies any
 * {@link Kernel} to the prefix trace: every MH kernel targets the trace's own program, which is
 * exactly the prefix, so it leaves the partial posterior invariant and the evidence estimate stays
 * unbiased.
 *
 * <p>The algorithm is {@link Smc#sis} with the transformation resample-then-{@link #rejuvenate},
 * a {@code Prob<Population<A>>} like every SMC variant: run it with {@link Smc#run} or enumerate
 * it on a finite model. Kernels that adapt (adaptive random walk) share their state between
 * particles and break invariance while adapting; use fixed kernels.
 */
public final class Rmsmc {
  private Rmsmc() {
  }

  /**
   * Resample-move SMC with {@code particles} particles: resampling with {@code resampler} after every
   * observation, then {@code moves} applications of {@code kernel} to every particle.
   */
  public static <A> Prob<Population<A>> rmsmc(Prob<A> model, int particles, Resampler resampler,
      Kernel<Prefix<A>> kernel, int moves) {
    return Smc.sis(Population.spawn(traced(model), particles),
        Transform.<A>resample(resampler).andThen(rejuvenate(kernel, moves)));
  }

  /**
   * The model as a sequence of traced prefixes: a program with the model's result and one factor
   * per observation of the model, whose suspensions hold the trace of the prefix run so far (the
   * particle program of resample-move SMC).
   */
  public static <A> Prob<A> traced(Prob<A> model) {
    return suspended(model, null, 0);
  }

  /**
   * The rejuvenation step: {@code moves} applications of {@code kernel} to the prefix trace of every
   * live, unfinished particle, independently (in parallel under the Sampler); weights unchanged.
   * Particles of programs other than {@link #traced} stay put.
   */
  public static <A> Transform<A> rejuvenate(Kernel<Prefix<A>> kernel, int moves) {
    Kernel<Prefix<A>> k = Kernels.repeat(moves, kernel);
    return pop -> {
      List<Prob<Particle<A>>> parts = new ArrayList<>(pop.size());
      for (Particle<A> p : pop.particles()) {
        parts.add(move(p, k));
      }
      return new Independent<Particle<A>, Population<A>>(parts,
          ps -> new Pure<>(Population.of(ps, pop.logEvidence(), pop.step())));
    };
  }

  /** The trace of the prefix a suspended particle of {@link #traced} has run, or null. */
  @SuppressWarnings("unchecked")
  public static <A> Trace<Prefix<A>> trace(Particle<A> p) {
    if (!p.done() && p.machine().node() instanceof Independent<?, ?> ind && ind.k() instanceof Resume<?> r) {
      return (Trace<Prefix<A>>) (Trace<?>) r.trace();
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static <A> Prob<Particle<A>> move(Particle<A> p, Kernel<Prefix<A>> kernel) {
    if (p.done() || !(p.machine().node() instanceof Independent<?, ?> ind) || !(ind.k() instanceof Resume<?> r0)
        || r0.trace() == null) {
      return new Pure<>(p);
    }
    Resume<A> r = (Resume<A>) r0;
    return kernel.apply(r.trace()).map(y -> y == r.trace() ? p
        : new Particle<>(new Machine(suspended(r.model(), y, r.step()), p.machine().stack()), p.logWeight(), p.suspendedAt()));
  }

  /** The particle program after observation {@code step}, holding its prefix trace in a marker node. */
  private static <A> Prob<A> suspended(Prob<A> model, Trace<Prefix<A>> trace, int step) {
    return new Independent<Object, A>(List.of(), new Resume<>(model, trace, step));
  }

  /** The next stage: extend the prefix trace to observation step+1 and weight by the increment. */
  private static <A> Prob<A> extend(Prob<A> model, Trace<Prefix<A>> previous, int step) {
    return Traced.update(Truncation.prefix(model, step + 1), previous, Map.of(), Selection.none()).flatMap(u -> {
      Trace<Prefix<A>> x = u.trace();
      double lw = x.logJoint() == Double.NEGATIVE_INFINITY ? Double.NEGATIVE_INFINITY
          : x.logJoint() - (previous == null ? 0.0 : previous.logJoint()) - u.logFresh();
      return new Factor<A>(Real.of(lw), () -> x.output().complete()
          ? new Pure<>(x.output().value())
          : suspended(model, x, step + 1));
    });
  }

  /**
   * The continuation of the marker node (an empty independent product, which costs no randomness):
   * it carries the prefix trace so that {@link #rejuvenate} can find and replace it.
   */
  private record Resume<A>(Prob<A> model, Trace<Prefix<A>> trace, int step) implements Function<List<Object>, Prob<A>> {
    @Override
    public Prob<A> apply(List<Object> ignored) {
      return extend(model, trace, step);
    }
  }
}
