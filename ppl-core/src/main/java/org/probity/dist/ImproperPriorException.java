package org.probity.dist;

/**
 * Thrown when an improper distribution ({@link Flat}) is asked for a draw: it has no
 * normalisable density, so no sample exists. The message names the distribution and says which
 * methods need a proper prior.
 */
public class ImproperPriorException extends UnsupportedOperationException {
  private static final long serialVersionUID = 1L;

  /** The exception for a draw requested from {@code dist}. */
  public ImproperPriorException(Distribution<?> dist) {
    super(dist.name() + " is an improper prior (log density 0 on " + dist.support() + "): it cannot be sampled."
        + " Methods that draw from the prior (the Sampler, importance sampling, SMC, and MCMC that starts or"
        + " proposes from the prior) need a proper prior such as normal(0, 10); an improper prior is usable only"
        + " by methods that evaluate the log density at given values (gradient-based samplers in unconstrained"
        + " space), and only when the posterior is proper.");
  }
}
