package org.probity.inference.smc;

import java.util.OptionalInt;

/**
 * The settings of sequential Monte Carlo, monad-bayes' {@code SMCConfig} (Scibior, Kammar and
 * Ghahramani, ICFP 2018; {@code Control.Monad.Bayes.Inference.SMC}): the number of particles, the
 * resampling scheme, and the schedule: either advance until every particle has finished (the
 * default), or exactly {@code steps} rounds of advance-then-transform after which every particle
 * runs to its end ({@link Smc#rounds}, monad-bayes' {@code numSteps}). Start from
 * {@link #DEFAULTS} and change what differs:
 * {@code SmcConfig.DEFAULTS.withParticles(500).withResampler(Resampler.STRATIFIED)}.
 *
 * @param particles the number of particles, at least 1
 * @param resampler the resampling scheme applied after every observation but the last
 * @param steps the number of rounds, or empty to advance until every particle has finished
 */
public record SmcConfig(int particles, Resampler resampler, OptionalInt steps) {
  /** 1000 particles, systematic resampling, until every particle has finished. */
  public static final SmcConfig DEFAULTS = new SmcConfig(1000, Resampler.SYSTEMATIC, OptionalInt.empty());

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException naming the setting, if particles is below 1, the resampler
   *     or the schedule is missing, or steps is negative
   */
  public SmcConfig {
    if (particles < 1) {
      throw new IllegalArgumentException("SmcConfig: particles must be at least 1, got " + particles);
    }
    if (resampler == null || steps == null) {
      throw new IllegalArgumentException("SmcConfig: a resampler and a schedule are required, got " + resampler + ", "
          + steps);
    }
    if (steps.isPresent() && steps.getAsInt() < 0) {
      throw new IllegalArgumentException("SmcConfig: steps must be at least 0, got " + steps.getAsInt());
    }
  }

  /**
   * The same settings with {@code n} particles.
   *
   * @param n the number of particles, at least 1
   * @return a copy with that number of particles
   */
  public SmcConfig withParticles(int n) {
    return new SmcConfig(n, resampler, steps);
  }

  /**
   * The same settings with another resampling scheme.
   *
   * @param r the resampling scheme
   * @return a copy with that resampler
   */
  public SmcConfig withResampler(Resampler r) {
    return new SmcConfig(particles, r, steps);
  }

  /**
   * The same settings with exactly {@code k} rounds, then every particle run to its end.
   *
   * @param k the number of rounds, at least 0
   * @return a copy with that number of rounds
   */
  public SmcConfig withSteps(int k) {
    return new SmcConfig(particles, resampler, OptionalInt.of(k));
  }

  /**
   * The same settings advancing until every particle has finished.
   *
   * @return a copy without a number of rounds
   */
  public SmcConfig untilFinished() {
    return new SmcConfig(particles, resampler, OptionalInt.empty());
  }
}
