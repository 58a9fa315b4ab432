package org.probity.inference.composite;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.probity.ad.Real;
import org.probity.core.Defer;
import org.probity.core.Factor;
import org.probity.core.Independent;
import org.probity.core.Machine;
import org.probity.core.Prob;
import org.probity.core.Pure;
import org.probity.inference.composite.Truncation.Prefix;
import org.probity.inference.mcmc.Kernel;
import org.probity.inference.mcmc.Kernels;
import org.probity.trace.Selection;
import org.probity.trace.Trace;
import org.probity.trace.Traces;
import org.probity.trace.Update;
import org.probity.inference.smc.Particle;
import org.probity.inference.smc.Population;
import org.probity.inference.smc.Resampler;
import org.probity.inference.smc.Smc;
import org.probity.inference.smc.SmcConfig;
import org.probity.inference.smc.Transform;

/**
 * Resample-move SMC (Gilks and Berzuini, "Following a moving target", JRSS B 2001; monad-bayes'
 * {@code Control.Monad.Bayes.Inference.RMSMC}): SMC whose particles, after every resampling, are
 * rejuvenated by MCMC moves that leave the current partial posterior invariant.
 *
 * <p>A particle after observation t is the trace of the model's prefix up to its t-th observation
 * ({@link Truncation#prefix}). Advancing it re-runs the prefix up to observation t+1 at the
 * trace's values ({@link Traces#update}), drawing the new choices from their priors, and weights
 * it by the incremental importance weight {@code logJoint(x') - logJoint(x) - logFresh} (the
 * likelihood of observation t+1 when the structure does not change). Rejuvenation applies any
 * {@link Kernel} to the prefix trace: every MH kernel targets the trace's own program, which is
 * exactly the prefix, so it leaves the partial posterior invariant and the evidence estimate stays
 * unbiased.
 *
 * <p>Because programs may make a random number of observations, every live particle is moved,
 * finished ones included: after step t the target is the prefix up to observation t, in which a
 * run that ended earlier is a complete trace. So the particles' result is their trace, and
 * {@link #outputs} maps the final population to the model's results.
 *
 * <p>The algorithm is {@link Smc#sis} (or fixed rounds) with the transformation
 * resample-then-{@link #rejuvenate}, its settings an {@link RmsmcConfig},
 * a {@code Prob<Population<A>>} like every SMC variant: run it with {@link Smc#run} or enumerate
 * it on a finite model. Kernels that adapt (adaptive random walk) share their state between
 * particles and break invariance while adapting; use fixed kernels.
 */
public final class Rmsmc {
  private Rmsmc() {
  }

  /**
   * Resample-move SMC with the settings of {@code config} (monad-bayes' {@code rmsmc}): its
   * particles, resampling with its resampler after every observation, then its {@code moves}
   * applications of its kernel to every particle; for its number of steps (exactly that many
   * rounds of advance, resample and moves, then every particle runs to its end, weighted by its
   * remaining observations without moves: exact for every model) or until every particle has
   * finished (exact when the number of observations does not depend on the random choices, since a
   * move can take a finished particle back to an unfinished prefix and stopping when all have
   * finished would then skip moves depending on the particles).
   */
  public static <A> Prob<Population<A>> rmsmc(Prob<A> model, RmsmcConfig<A> config) {
    SmcConfig smc = config.smc();
    Population<Trace<Prefix<A>>> start = Population.spawn(traced(model), smc.particles());
    Transform<Trace<Prefix<A>>> transform = Transform.<Trace<Prefix<A>>>resample(smc.resampler())
        .andThen(rejuvenate(model, config.kernel(), config.moves()));
    Prob<Population<Trace<Prefix<A>>>> run = smc.steps().isPresent()
        ? fixedRounds(start, transform, smc.steps().getAsInt()) : Smc.sis(start, transform);
    return run.map(Rmsmc::outputs);
  }

  /**
   * Exactly {@code steps} rounds of advance-then-transform, then every particle runs to its end.
   * Unlike {@link Smc#rounds} it does not stop early when every particle has finished: with moves
   * a finished particle may become unfinished again, and a stop that depends on the particles
   * would skip moves on some outcomes only (biased).
   */
  private static <A> Prob<Population<A>> fixedRounds(Population<A> population, Transform<A> transform, int steps) {
    return new Defer<>(() -> steps <= 0 ? population.finish()
        : population.advance().flatMap(q -> transform.apply(q)).flatMap(r -> fixedRounds(r, transform, steps - 1)));
  }

  /**
   * The model as a sequence of traced prefixes: a program with one factor per observation of the
   * model (the incremental weights), whose suspensions hold the trace of the prefix run so far and
   * whose result is the trace of the whole run (the particle program of resample-move SMC).
   */
  public static <A> Prob<Trace<Prefix<A>>> traced(Prob<A> model) {
    return suspended(model, null, 0);
  }

  /**
   * The rejuvenation step after step t: {@code moves} applications of {@code kernel} to every live
   * particle's trace (finished ones included), each retargeted to the prefix of {@code model} up to
   * observation t, so every move leaves that partial posterior invariant; independently (in
   * parallel under the Sampler); weights unchanged. A particle moved to a complete run finishes;
   * one moved to a stopped prefix resumes from there.
   */
  public static <A> Transform<Trace<Prefix<A>>> rejuvenate(Prob<A> model, Kernel<Prefix<A>> kernel, int moves) {
    Kernel<Prefix<A>> k = Kernels.repeat(moves, kernel);
    return pop -> {
      Prob<Prefix<A>> target = Truncation.prefix(model, pop.step());
      List<Prob<Particle<Trace<Prefix<A>>>>> parts = new ArrayList<>(pop.size());
      for (Particle<Trace<Prefix<A>>> p : pop.particles()) {
        parts.add(move(p, model, target, pop.step(), k));
      }
      return new Independent<Particle<Trace<Prefix<A>>>, Population<Trace<Prefix<A>>>>(parts,
          ps -> new Pure<>(Population.of(ps, pop.logEvidence(), pop.step())));
    };
  }

  /** The trace a live particle of {@link #traced} holds (its prefix so far, or its whole run), or null. */
  @SuppressWarnings("unchecked")
  public static <A> Trace<Prefix<A>> trace(Particle<Trace<Prefix<A>>> p) {
    if (p.dead()) {
      return null;
    }
    if (p.returned()) {
      return p.value();
    }
    if (Independent.markerOf(p.node()) instanceof Resume<?> r) {
      return (Trace<Prefix<A>>) (Trace<?>) r.trace();
    }
    return null;
  }

  /** A finished population of traced particles as the population of the model's results. */
  public static <A> Population<A> outputs(Population<Trace<Prefix<A>>> pop) {
    List<Particle<A>> ps = new ArrayList<>(pop.size());
    for (Particle<Trace<Prefix<A>>> p : pop.particles()) {
      Machine m = p.dead() ? p.machine() : new Machine(new Pure<>(p.value().output().value()), null);
      ps.add(new Particle<>(m, p.logWeight(), p.suspendedAt(), false));
    }
    return Population.of(ps, pop.logEvidence(), pop.step());
  }

  private static <A> Prob<Particle<Trace<Prefix<A>>>> move(Particle<Trace<Prefix<A>>> p, Prob<A> model,
      Prob<Prefix<A>> target, int step, Kernel<Prefix<A>> kernel) {
    Trace<Prefix<A>> x = trace(p);
    if (x == null) {
      return new Pure<>(p);
    }
    Prob<Trace<Prefix<A>>> current = p.returned()
        ? Traces.update(target, x, Map.of(), Selection.none()).map(Update::trace)
        : new Pure<>(x);
    return current.flatMap(kernel::apply).map(y -> y == x ? p : new Particle<>(
        new Machine(y.output().complete() ? new Pure<>(y) : suspended(model, y, step), null), p.logWeight(), p.suspendedAt(),
        p.weighed()));
  }

  /** The particle program after observation {@code step}, holding its prefix trace in a marker node. */
  private static <A> Prob<Trace<Prefix<A>>> suspended(Prob<A> model, Trace<Prefix<A>> trace, int step) {
    return new Independent<Object, Trace<Prefix<A>>>(List.of(), new Resume<>(model, trace, step));
  }

  /** The next stage: extend the prefix trace to observation step+1 and weight by the increment. */
  private static <A> Prob<Trace<Prefix<A>>> extend(Prob<A> model, Trace<Prefix<A>> previous, int step) {
    return Traces.update(Truncation.prefix(model, step + 1), previous, Map.of(), Selection.none()).flatMap(u -> {
      Trace<Prefix<A>> x = u.trace();
      double lw = x.logJoint() == Double.NEGATIVE_INFINITY ? Double.NEGATIVE_INFINITY
          : x.logJoint() - (previous == null ? 0.0 : previous.logJoint()) - u.logFresh();
      return new Factor<Trace<Prefix<A>>>(Real.of(lw), () -> x.output().complete() ? new Pure<>(x) : suspended(model, x, step + 1));
    });
  }

  /**
   * The continuation of the marker node (an empty independent product, which costs no randomness):
   * it carries the prefix trace so that {@link #rejuvenate} can find and replace it.
   */
  private record Resume<A>(Prob<A> model, Trace<Prefix<A>> trace, int step)
      implements Function<List<Object>, Prob<Trace<Prefix<A>>>> {
    @Override
    public Prob<Trace<Prefix<A>>> apply(List<Object> ignored) {
      return extend(model, trace, step);
    }
  }
}
