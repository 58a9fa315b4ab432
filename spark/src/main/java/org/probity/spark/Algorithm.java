package org.probity.spark;

import java.io.Serializable;

/** The inference run for each group by {@link GroupFits}: a serializable description. */
public sealed interface Algorithm extends Serializable {

  /** The default MCMC kernel ({@code Mcmc.defaultKernel}: NUTS for continuous models), several chains. */
  record Mcmc(int chains, int warmup, int samples) implements Algorithm {
  }

  /** Likelihood weighting with {@code samples} draws from the prior (reports the log evidence). */
  record Importance(int samples) implements Algorithm {
  }

  /** The bootstrap particle filter with {@code particles} particles (reports the log evidence). */
  record Smc(int particles) implements Algorithm {
  }

  /** MCMC with the default kernel. */
  static Algorithm mcmc(int chains, int warmup, int samples) {
    return new Mcmc(chains, warmup, samples);
  }

  /** Likelihood weighting. */
  static Algorithm importance(int samples) {
    return new Importance(samples);
  }

  /** The bootstrap particle filter. */
  static Algorithm smc(int particles) {
    return new Smc(particles);
  }
}
