package org.probity.inference.smc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.probity.core.Defer;
import org.probity.core.FlatMap;
import org.probity.core.Prob;
import org.probity.core.Pure;
import org.probity.core.Weighted;
import org.probity.progress.Progress;
import org.probity.semantics.Sampler;

/**
 * Sequential Monte Carlo as short compositions of program transformations, in the style of
 * monad-bayes' {@code Control.Monad.Bayes.Inference.SMC} (Scibior, Kammar and Ghahramani,
 * "Functional programming for modular Bayesian inference", ICFP 2018): spawn a {@link Population}
 * of {@link Sequential} particles, then repeatedly advance every particle to its next observation
 * and apply a {@link Transform} (resampling, rejuvenation, user code).
 *
 * <p>Each algorithm is itself a {@code Prob<Population<A>>}: run it with the Sampler (or
 * {@link #run}) for an estimate, or with the Enumerator on a finite model for the exact
 * distribution of the algorithm's output.
 */
public final class Smc {
  private Smc() {
  }

  /**
   * Sequential importance sampling with a transformation: advance every particle to its next
   * suspension and apply {@code transform}, until every particle has finished (particles whose
   * programs have fewer observations finish early and stay put). The transformation is not
   * applied after the advance in which the last particles finish.
   *
   * @param population the initial population
   * @param transform applied to the population after each advance (e.g. resampling)
   * @param <A> the result type
   * @return the final population, as a program
   */
  public static <A> Prob<Population<A>> sis(Population<A> population, Transform<A> transform) {
    return sis(population, Population::advance, transform);
  }

  /**
   * As {@link #sis(Population, Transform)} but each step is {@code advance} (e.g. with a proposal).
   *
   * @param population the initial population
   * @param advance moves every particle to its next suspension
   * @param transform applied to the population after each advance
   * @param <A> the result type
   * @return the final population, as a program
   */
  public static <A> Prob<Population<A>> sis(Population<A> population, Transform<A> advance, Transform<A> transform) {
    return new Defer<>(() -> {
      if (population.finished()) {
        return new Pure<>(population);
      }
      return new FlatMap<Population<A>, Population<A>>(advance.apply(population),
          q -> q.finished() ? new Pure<>(q) : new FlatMap<>(transform.apply(q), r -> sis(r, advance, transform)));
    });
  }

  /**
   * monad-bayes' {@code sis} with its number of steps: {@code steps} rounds of
   * advance-then-transform, then every particle runs to its end without further transformation
   * (fewer rounds if every particle finishes before).
   *
   * @param population the initial population
   * @param transform applied to the population after each advance
   * @param steps the number of advance-then-transform rounds, at least 0
   * @param <A> the result type
   * @return the final population, as a program
   */
  public static <A> Prob<Population<A>> rounds(Population<A> population, Transform<A> transform, int steps) {
    return new Defer<>(() -> {
      if (steps <= 0 || population.finished()) {
        return population.finish();
      }
      return new FlatMap<Population<A>, Population<A>>(population.advance(),
          q -> new FlatMap<>(transform.apply(q), r -> rounds(r, transform, steps - 1)));
    });
  }

  /**
   * SMC with {@code particles} particles, resampling with {@code resampler} after every observation.
   *
   * @param model the model
   * @param particles the number of particles, at least 1
   * @param resampler the resampling scheme
   * @param <A> the result type
   * @return the algorithm, as a program whose result is the final population
   */
  public static <A> Prob<Population<A>> smc(Prob<A> model, int particles, Resampler resampler) {
    return sis(Population.spawn(model, particles), Transform.resample(resampler));
  }

  /**
   * SMC with the settings of {@code config} (monad-bayes' {@code smc SMCConfig}): its particles,
   * resampling after every observation with its resampler, until every particle has finished or
   * for its number of rounds ({@link #rounds}).
   *
   * @param model the model
   * @param config the particles, resampler and schedule
   * @param <A> the result type
   * @return the algorithm, as a program whose result is the final population
   */
  public static <A> Prob<Population<A>> smc(Prob<A> model, SmcConfig config) {
    Population<A> start = Population.spawn(model, config.particles());
    Transform<A> resample = Transform.resample(config.resampler());
    return config.steps().isPresent() ? rounds(start, resample, config.steps().getAsInt()) : sis(start, resample);
  }

  /**
   * Adaptive SMC: resamples only when the ESS falls below {@code threshold} times the number of particles.
   *
   * @param model the model
   * @param particles the number of particles, at least 1
   * @param resampler the resampling scheme
   * @param threshold the fraction of the particles below which the ESS triggers resampling, in [0, 1]
   * @param <A> the result type
   * @return the algorithm, as a program whose result is the final population
   */
  public static <A> Prob<Population<A>> adaptive(Prob<A> model, int particles, Resampler resampler, double threshold) {
    return sis(Population.spawn(model, particles), Transform.adaptive(resampler, threshold));
  }

  /**
   * SMC whose particles draw their choices at step t from {@code proposal}, resampling every step.
   *
   * @param model the model
   * @param particles the number of particles, at least 1
   * @param resampler the resampling scheme
   * @param proposal the proposal of each step's choices
   * @param <A> the result type
   * @return the algorithm, as a program whose result is the final population
   */
  public static <A> Prob<Population<A>> withProposal(Prob<A> model, int particles, Resampler resampler, Proposal proposal) {
    return sis(Population.spawn(model, particles), p -> p.advance(proposal), Transform.resample(resampler));
  }

  /**
   * Sequential importance sampling without resampling (likelihood weighting, observation by observation).
   *
   * @param model the model
   * @param particles the number of particles, at least 1
   * @param <A> the result type
   * @return the algorithm, as a program whose result is the final population
   */
  public static <A> Prob<Population<A>> importance(Prob<A> model, int particles) {
    return sis(Population.spawn(model, particles), Transform.identity());
  }

  /**
   * Runs an SMC algorithm with the Sampler (particles advance in parallel on generators split
   * from the seed, so the result is bit-identical for a seed whatever the number of threads).
   *
   * @param algorithm an SMC algorithm (e.g. {@link #smc(Prob, SmcConfig)})
   * @param seed the seed
   * @param <A> the result type
   * @return the weighted particles and the log-evidence estimate
   * @throws org.probity.core.ZeroWeightException if every particle ends with zero weight
   */
  public static <A> SmcResult<A> run(Prob<Population<A>> algorithm, long seed) {
    Weighted<Population<A>> w = Sampler.run(algorithm, seed);
    if (w.logWeight() != 0.0) {
      throw new IllegalArgumentException("the SMC program itself carries weight " + w.logWeight()
          + ": observations must be inside the model, not in the algorithm");
    }
    return SmcResult.of(w.value());
  }

  /**
   * The bootstrap particle filter: systematic resampling after every observation, with the ESS
   * of every step recorded ({@link SmcResult#problems()} warns of a collapse) and a progress line
   * on stderr if the run takes more than a second.
   *
   * @param model the model
   * @param particles the number of particles
   * @param seed the seed
   * @param <A> the result type
   * @return the result
   */
  public static <A> SmcResult<A> run(Prob<A> model, int particles, long seed) {
    return run(model, SmcConfig.DEFAULTS.withParticles(particles), seed);
  }

  /**
   * SMC with the settings of {@code config} ({@link #smc(Prob, SmcConfig)}), recording the ESS
   * (before resampling) and the log-evidence estimate of every step, with a progress line on
   * stderr if the run takes more than a second.
   *
   * @param model the model
   * @param config the particles, resampler and schedule
   * @param seed the seed
   * @param <A> the result type
   * @return the result, whose {@code toString} warns of an ESS collapse
   */
  public static <A> SmcResult<A> run(Prob<A> model, SmcConfig config, long seed) {
    return run(model, config, seed, true);
  }

  /**
   * As {@link #run(Prob, SmcConfig, long)}, with or without the progress line.
   *
   * @param model the model
   * @param config the particles, resampler and schedule
   * @param seed the seed
   * @param progress false for no progress line
   * @param <A> the result type
   * @return the result
   */
  public static <A> SmcResult<A> run(Prob<A> model, SmcConfig config, long seed, boolean progress) {
    List<Double> ess = new ArrayList<>();
    List<Double> evidence = new ArrayList<>();
    Object[] seen = {null};
    long total = config.steps().isPresent() ? config.steps().getAsInt() : 0;
    try (Progress line = Progress.forRun(String.format(Locale.ROOT, "smc (%,d particles)", config.particles()),
        total, "steps", progress)) {
      Transform<A> record = Transform.peek(p -> {
        ess.add(p.ess());
        evidence.add(p.logEvidenceEstimate());
        seen[0] = p;
        line.step();
      });
      Population<A> start = Population.spawn(model, config.particles());
      Transform<A> step = record.andThen(Transform.resample(config.resampler()));
      Prob<Population<A>> algorithm = config.steps().isPresent() ? rounds(start, step, config.steps().getAsInt())
          : sis(start, step);
      Weighted<Population<A>> w = Sampler.run(algorithm, seed);
      // The last population seen had returned (its final advance adds no weight), or the particles
      // ran on to their ends after a fixed schedule's last round (which may weigh observations).
      if (w.value() != seen[0] && (seen[0] == null || !((Population<?>) seen[0]).returned())) {
        ess.add(w.value().ess());
        evidence.add(w.value().logEvidenceEstimate());
      }
      return SmcResult.of(w.value(), unbox(ess), unbox(evidence));
    }
  }

  private static double[] unbox(List<Double> xs) {
    double[] out = new double[xs.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = xs.get(i);
    }
    return out;
  }
}
