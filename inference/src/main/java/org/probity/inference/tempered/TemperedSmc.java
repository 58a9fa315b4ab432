package org.probity.inference.tempered;

import java.util.ArrayList;
import java.util.List;
import org.probity.core.Defer;
import org.probity.core.Independent;
import org.probity.core.Prob;
import org.probity.core.ProbityException;
import org.probity.core.Pure;
import org.probity.core.Sample;
import org.probity.core.Weighted;
import org.probity.handlers.Handlers;
import org.probity.inference.smc.Resampler;
import org.probity.inference.tempered.Move.Moved;
import org.probity.inference.tempered.Move.ParticleMove;
import org.probity.semantics.Sampler;
import org.probity.trace.Trace;
import org.probity.trace.Traces;

/**
 * Tempered sequential Monte Carlo (an SMC sampler, Del Moral, Doucet and Jasra, JRSS B 2006;
 * Chopin and Papaspiliopoulos 2020, ch. 17) and annealed importance sampling (Neal, "Annealed
 * importance sampling", Statistics and Computing 2001) for static models, where SMC over the
 * observations has nothing to move after one big {@code observe}.
 *
 * <p>The targets are gamma_beta(x) = p(x) l(x)^beta for 0 = beta_0 &lt; beta_1 &lt; ... &lt; beta_T =
 * 1: the model with its observations and factors scaled by beta ({@link #tempered}, an ordinary
 * program). n particles are drawn from the prior (weight 1 where the likelihood is positive, else
 * 0); then at each stage t the population is
 * <ol>
 *   <li>reweighted: w_i += (beta_t - beta_{t-1}) log l(x_i) ({@link TemperedPopulation#reweight});
 *   <li>resampled when its ESS is below the threshold ({@link #resample}; never, for AIS);
 *   <li>moved: each live particle by an MCMC kernel leaving gamma_{beta_t} invariant ({@link #move}).
 * </ol>
 * The estimate of the log evidence is the log of the product of the mean weights at the
 * resampling stages and at the end. With a fixed schedule and fixed kernels it is unbiased on the
 * natural scale and the final weighted particles are properly weighted for the posterior (checked
 * exactly by enumeration in {@code proofs}); the adaptive schedule and the HMC tuning make it
 * consistent as n grows.
 *
 * <p>The algorithm is a {@code Prob<TemperedPopulation<A>>} whose randomness is sample nodes: the
 * prior draws and the moves are independent products over particles (run in parallel by the
 * Sampler on split generators, so results do not depend on the number of threads) and the
 * resampling draw is one sample of the resampler's ancestor distribution. {@link #run} runs it;
 * the Enumerator gives its exact law on finite models.
 */
public final class TemperedSmc {
  private TemperedSmc() {
  }

  /** Runs tempered SMC (or AIS) as configured. */
  public static <A> TemperedResult<A> run(Prob<A> model, TemperedConfig config) {
    Weighted<TemperedPopulation<A>> w = Sampler.run(algorithm(model, config), config.seed());
    if (w.logWeight() != 0.0) {
      throw new IllegalArgumentException("the tempered SMC program itself carries weight " + w.logWeight()
          + ": observations must be inside the model, not in the algorithm");
    }
    return TemperedResult.of(w.value());
  }

  /** Runs tempered SMC with the defaults ({@link TemperedConfig#defaults}) and the given seed. */
  public static <A> TemperedResult<A> run(Prob<A> model, long seed) {
    return run(model, TemperedConfig.defaults().seed(seed));
  }

  /** The algorithm as a program: the prior draw, then stages until beta = 1. */
  public static <A> Prob<TemperedPopulation<A>> algorithm(Prob<A> model, TemperedConfig config) {
    return start(model, config.particles()).flatMap(p -> anneal(p, config.schedule(), step(model, config),
        config.maxStages()));
  }

  /**
   * The tempered target at inverse temperature {@code beta}: the model with every observation's
   * log density and every factor's log weight multiplied by beta ({@code Handlers.scale}); the
   * model itself at beta = 1. At beta = 0 it is the prior restricted to where the likelihood is
   * positive (a zero density stays zero).
   */
  public static <A> Prob<A> tempered(Prob<A> model, double beta) {
    return beta == 1.0 ? model : Handlers.scale(model, beta);
  }

  /**
   * n particles drawn from the prior, as an independent product of {@code Traces.prior(model)};
   * a particle has log weight 0 where its likelihood is positive, negative infinity elsewhere
   * (the target at beta = 0). Stage 0 is recorded.
   */
  public static <A> Prob<TemperedPopulation<A>> start(Prob<A> model, int particles) {
    if (particles < 1) {
      throw new IllegalArgumentException("tempered SMC needs at least 1 particle, got " + particles);
    }
    List<Prob<Trace<A>>> parts = new ArrayList<>(particles);
    Prob<Trace<A>> prior = Traces.prior(model);
    for (int i = 0; i < particles; i++) {
      parts.add(prior);
    }
    return new Independent<Trace<A>, TemperedPopulation<A>>(parts, traces -> {
      double[] lw = new double[traces.size()];
      for (int i = 0; i < lw.length; i++) {
        lw[i] = traces.get(i).logLikelihood() == Double.NEGATIVE_INFINITY ? Double.NEGATIVE_INFINITY : 0.0;
      }
      return new Pure<>(TemperedPopulation.of(traces, lw, 0.0, 0.0, List.of()).started());
    });
  }

  /**
   * The stages from {@code population} until beta = 1: each asks the schedule for the next inverse
   * temperature and applies {@code step}. A population whose particles are all dead stops (its
   * evidence estimate is zero).
   *
   * @throws ProbityException if more than {@code maxStages} stages are needed
   */
  public static <A> Prob<TemperedPopulation<A>> anneal(TemperedPopulation<A> population, Schedule schedule,
      TemperingStep<A> step, int maxStages) {
    return new Defer<>(() -> {
      if (population.beta() >= 1.0 || population.dead()) {
        return new Pure<>(population);
      }
      int done = population.stages().size() - 1;
      if (done >= maxStages) {
        throw new ProbityException("tempered SMC took " + done + " stages and is at inverse temperature "
            + population.beta() + " < 1 (ESS " + population.ess() + "); raise maxStages, lower the conditional ESS"
            + " fraction of the adaptive schedule, or use more particles");
      }
      double next = schedule.next(population);
      if (!(next > population.beta() && next <= 1.0)) {
        throw new IllegalArgumentException("the schedule " + schedule + " gave the inverse temperature " + next
            + " after " + population.beta() + " (it must be in (" + population.beta() + ", 1])");
      }
      return step.apply(population, next).flatMap(q -> anneal(q, schedule, step, maxStages));
    });
  }

  /** The standard stage: reweight to the next beta, resample if the ESS is low, move every live particle. */
  public static <A> TemperingStep<A> step(Prob<A> model, TemperedConfig config) {
    return (p, next) -> resample(p.reweight(next), config.resampler(), config.resampleThreshold())
        .flatMap(q -> move(model, q, config.move(), config.moves()));
  }

  /**
   * Resampling when the ESS is below {@code threshold} times the number of particles: one sample of
   * the resampler's ancestor distribution, the population of the ancestors' copies with weight 1
   * and the mean weight pushed into the running log evidence ({@link TemperedPopulation#select}).
   * Otherwise, or when every particle is dead, the population unchanged.
   */
  public static <A> Prob<TemperedPopulation<A>> resample(TemperedPopulation<A> population, Resampler resampler,
      double threshold) {
    if (population.dead() || !(population.ess() < threshold * population.size())) {
      return new Pure<>(population);
    }
    // the resamplers read this array without copying it: it is this draw's own
    double[] w = population.relativeWeights();
    return new Sample<int[], TemperedPopulation<A>>(null, resampler.ancestors(w, population.size()),
        a -> new Pure<>(population.select(a)));
  }

  /**
   * {@code moves} applications of {@code move} to every live particle, at the population's inverse
   * temperature, as an independent product over particles; the weights are unchanged and the
   * moves' statistics are recorded in the last stage.
   */
  public static <A> Prob<TemperedPopulation<A>> move(Prob<A> model, TemperedPopulation<A> population, Move move,
      int moves) {
    if (moves <= 0 || population.dead()) {
      return new Pure<>(population);
    }
    return new Defer<>(() -> {
      ParticleMove<A> pm = move.prepare(model, population);
      int n = population.size();
      List<Prob<Moved<A>>> parts = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        Trace<A> x = population.trace(i);
        parts.add(population.dead(i) ? new Pure<>(new Moved<>(x, Double.NaN, 0)) : pm.apply(x, moves));
      }
      return new Independent<Moved<A>, TemperedPopulation<A>>(parts, ms -> {
        List<Trace<A>> traces = new ArrayList<>(n);
        double acceptance = 0;
        int counted = 0;
        int divergences = 0;
        for (int i = 0; i < n; i++) {
          Moved<A> m = ms.get(i);
          traces.add(m.trace());
          if (!population.dead(i) && !Double.isNaN(m.acceptance())) {
            acceptance += m.acceptance();
            counted++;
          }
          divergences += m.divergences();
        }
        return new Pure<>(population.moved(traces, counted == 0 ? Double.NaN : acceptance / counted, pm.stepSize(),
            divergences));
      });
    });
  }

  /**
   * The trace of {@code program} at the choices of {@code trace} (a run of the same model, perhaps
   * tempered differently): re-scored without fresh draws.
   *
   * @throws ProbityException if the program does not make exactly those choices
   */
  static <A> Trace<A> rescore(Prob<A> program, Trace<?> trace) {
    return Traces.scoreAt(program, trace.choices()).orElseThrow(() -> new ProbityException(
        "tempered SMC: the model re-run at a particle's choices " + trace.addresses()
            + " reached a choice without a value; tempering needs the same choices at every temperature"));
  }
}
