package org.probity.inference.composite;

import org.probity.inference.composite.Truncation.Prefix;
import org.probity.inference.mcmc.Kernel;
import org.probity.inference.mcmc.Kernels;
import org.probity.inference.smc.Resampler;
import org.probity.inference.smc.SmcConfig;

/**
 * The settings of resample-move SMC, monad-bayes' {@code rmsmc} arguments {@code MCMCConfig} and
 * {@code SMCConfig}: the SMC settings (particles, resampler, schedule) and the rejuvenation, a
 * {@link Kernel} on prefix traces applied {@code moves} times to every particle after each
 * resampling. The defaults are {@link SmcConfig#DEFAULTS} with one single-site MH move
 * ({@link Kernels#mh()}); change what differs:
 * {@code RmsmcConfig.<Double>defaults().withParticles(100).withMoves(2)}.
 *
 * <p>The schedule matters for exactness: with a number of steps (set it to the largest number of
 * observations of the model to rejuvenate after each) the algorithm is exact for every model; run
 * until every particle has finished, it is exact when the number of observations does not depend on
 * the random choices (a move can take a finished particle back to an unfinished prefix).
 *
 * @param smc the particles, the resampler and the schedule
 * @param kernel the rejuvenation kernel on the prefix traces
 * @param moves how many times the kernel is applied after each resampling, at least 0
 * @param <A> the model's result type
 */
public record RmsmcConfig<A>(SmcConfig smc, Kernel<Prefix<A>> kernel, int moves) {
  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException naming the setting, if the SMC settings or the kernel are
   *     missing or moves is negative
   */
  public RmsmcConfig {
    if (smc == null || kernel == null) {
      throw new IllegalArgumentException("RmsmcConfig: SMC settings and a kernel are required, got " + smc + ", " + kernel);
    }
    if (moves < 0) {
      throw new IllegalArgumentException("RmsmcConfig: moves must be at least 0, got " + moves);
    }
  }

  /** {@link SmcConfig#DEFAULTS} with one single-site MH move after each resampling. */
  public static <A> RmsmcConfig<A> defaults() {
    return new RmsmcConfig<>(SmcConfig.DEFAULTS, Kernels.mh(), 1);
  }

  /** The same settings with {@code n} particles. */
  public RmsmcConfig<A> withParticles(int n) {
    return new RmsmcConfig<>(smc.withParticles(n), kernel, moves);
  }

  /** The same settings with another resampling scheme. */
  public RmsmcConfig<A> withResampler(Resampler r) {
    return new RmsmcConfig<>(smc.withResampler(r), kernel, moves);
  }

  /** The same settings with exactly {@code k} rounds of advance, resample and moves, then every particle run to its end. */
  public RmsmcConfig<A> withSteps(int k) {
    return new RmsmcConfig<>(smc.withSteps(k), kernel, moves);
  }

  /** The same settings advancing until every particle has finished. */
  public RmsmcConfig<A> untilFinished() {
    return new RmsmcConfig<>(smc.untilFinished(), kernel, moves);
  }

  /** The same settings with another rejuvenation kernel. */
  public RmsmcConfig<A> withKernel(Kernel<Prefix<A>> k) {
    return new RmsmcConfig<>(smc, k, moves);
  }

  /** The same settings with {@code m} kernel applications after each resampling. */
  public RmsmcConfig<A> withMoves(int m) {
    return new RmsmcConfig<>(smc, kernel, m);
  }
}
