package org.probity.inference.mcmc;

/**
 * Settings of an MCMC run: number of chains (default 4), warm-up iterations (default 1000, not
 * kept; adaptive kernels adapt during them), kept draws per chain (default 1000), thinning
 * (default 1: keep every iteration; {@code thin} k runs k kernel steps per kept draw), the seed
 * (chain c uses the generator split from (seed, c)), the number of threads (0: one per chain up to
 * the number of processors; results do not depend on it), progress lines on stderr, and the
 * number of prior draws tried to find a starting trace of positive density.
 */
public record McmcConfig(int chains, int warmup, int samples, int thin, long seed, int threads, boolean progress,
    int maxInitAttempts) {
  /** Validates the settings. */
  public McmcConfig {
    if (chains < 1 || warmup < 0 || samples < 1 || thin < 1 || threads < 0 || maxInitAttempts < 1) {
      throw new IllegalArgumentException("MCMC settings need chains >= 1, warmup >= 0, samples >= 1, thin >= 1,"
          + " threads >= 0, maxInitAttempts >= 1; got " + this);
    }
  }

  /** 4 chains, 1000 warm-up, 1000 draws, no thinning, seed 0, automatic threads, no progress, 100 init attempts. */
  public static McmcConfig defaults() {
    return new McmcConfig(4, 1000, 1000, 1, 0L, 0, false, 100);
  }

  /** With this number of chains. */
  public McmcConfig chains(int n) {
    return new McmcConfig(n, warmup, samples, thin, seed, threads, progress, maxInitAttempts);
  }

  /** With this number of warm-up iterations. */
  public McmcConfig warmup(int n) {
    return new McmcConfig(chains, n, samples, thin, seed, threads, progress, maxInitAttempts);
  }

  /** With this number of kept draws per chain. */
  public McmcConfig samples(int n) {
    return new McmcConfig(chains, warmup, n, thin, seed, threads, progress, maxInitAttempts);
  }

  /** With this thinning period. */
  public McmcConfig thin(int k) {
    return new McmcConfig(chains, warmup, samples, k, seed, threads, progress, maxInitAttempts);
  }

  /** With this seed. */
  public McmcConfig seed(long s) {
    return new McmcConfig(chains, warmup, samples, thin, s, threads, progress, maxInitAttempts);
  }

  /** With this number of threads (0: automatic). */
  public McmcConfig threads(int n) {
    return new McmcConfig(chains, warmup, samples, thin, seed, n, progress, maxInitAttempts);
  }

  /** With or without progress lines on stderr. */
  public McmcConfig progress(boolean on) {
    return new McmcConfig(chains, warmup, samples, thin, seed, threads, on, maxInitAttempts);
  }

  /** With this number of prior draws tried for a valid start. */
  public McmcConfig maxInitAttempts(int n) {
    return new McmcConfig(chains, warmup, samples, thin, seed, threads, progress, n);
  }
}
