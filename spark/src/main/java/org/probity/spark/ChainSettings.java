package org.probity.spark;

import java.io.Serializable;
import org.probity.inference.mcmc.McmcConfig;

/**
 * The settings of a distributed MCMC run (the serializable part of {@link McmcConfig}).
 *
 * @param chains the number of chains
 * @param warmup warm-up iterations per chain
 * @param samples kept draws per chain
 * @param thin keep every thin-th iteration
 * @param seed the seed: chain c runs on the generator split from (seed, c), as in {@code Mcmc.run}
 */
public record ChainSettings(int chains, int warmup, int samples, int thin, long seed) implements Serializable {

  /** Validates the settings. */
  public ChainSettings {
    if (chains < 1 || warmup < 0 || samples < 1 || thin < 1) {
      throw new IllegalArgumentException("chain settings: chains >= 1, warmup >= 0, samples >= 1, thin >= 1; got "
          + chains + ", " + warmup + ", " + samples + ", " + thin);
    }
  }

  /** {@code chains} chains of {@code warmup} + {@code samples} iterations, no thinning. */
  public static ChainSettings of(int chains, int warmup, int samples, long seed) {
    return new ChainSettings(chains, warmup, samples, 1, seed);
  }

  /** The same run as an {@link McmcConfig} for {@code Mcmc.run} on one machine. */
  public McmcConfig config() {
    return McmcConfig.defaults().chains(chains).warmup(warmup).samples(samples).thin(thin).seed(seed)
        .progress(false);
  }

  /** The one-chain, one-thread configuration that reproduces chain c of {@link #config()}. */
  McmcConfig chain(int c) {
    return McmcConfig.defaults().chains(1).warmup(warmup).samples(samples).thin(thin)
        .seed(Seeds.offset(seed, c)).threads(1).progress(false);
  }
}
