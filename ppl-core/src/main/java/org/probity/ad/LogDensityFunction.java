package org.probity.ad;

/**
 * A log density on R^n with its gradient: what gradient-based samplers (HMC, NUTS) and
 * optimisers call thousands of times. A model's unconstrained log density (the model's
 * {@code LogDensity} view, log-Jacobians included) implements it, and so does a hand-written
 * target in tests and benchmarks (the interface of BridgeStan's {@code log_density_gradient}).
 *
 * <p>Implementations are not required to be thread-safe: a sampler running several chains in
 * parallel asks for one copy per chain with {@link #copy()}.
 */
public interface LogDensityFunction {
  /** The number of coordinates n. */
  int dimension();

  /** log p(theta), negative infinity outside the support; never NaN. */
  double logDensity(double[] theta);

  /**
   * log p(theta), with its gradient written into {@code gradient} (length n). Where the log
   * density is negative infinity the gradient's contents are unspecified.
   */
  double logDensityAndGradient(double[] theta, double[] gradient);

  /** An independent copy for use on another thread (stateless implementations return themselves). */
  default LogDensityFunction copy() {
    return this;
  }
}
