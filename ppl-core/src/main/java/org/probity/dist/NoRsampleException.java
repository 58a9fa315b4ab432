package org.probity.dist;

/**
 * Thrown by {@link Distribution#rsample} on a distribution without a reparameterised sampler
 * (discrete families, mixtures with a discrete component choice, plates); the message names the
 * distribution. Gradient estimators should check {@link Distribution#hasRsample()} and fall back
 * to the score-function (REINFORCE) estimator.
 */
public class NoRsampleException extends UnsupportedOperationException {
  private static final long serialVersionUID = 1L;

  /** An exception naming {@code dist}. */
  public NoRsampleException(Distribution<?> dist) {
    super(dist.name() + " has no reparameterised sampler (rsample)"
        + (dist instanceof Discrete || dist.hasFiniteSupport() ? ": its values are discrete" : "")
        + "; use a score-function gradient estimator for this site");
  }
}
