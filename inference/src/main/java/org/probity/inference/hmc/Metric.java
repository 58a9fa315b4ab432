package org.probity.inference.hmc;

import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * A Euclidean metric: the kinetic energy T(p) = p' M^-1 p / 2 of Gaussian momenta p ~ N(0, M),
 * given by its inverse M^-1 (Stan's {@code inv_metric}, an estimate of the target's covariance).
 * Immutable. Stan's {@code diag_e_metric} and {@code dense_e_metric}
 * (src/stan/mcmc/hmc/hamiltonians).
 */
public sealed interface Metric permits DiagonalMetric, DenseMetric {

  /** The dimension n. */
  int dimension();

  /** The kinetic energy p' M^-1 p / 2. */
  double kineticEnergy(double[] p);

  /** Writes the velocity dq/dt = M^-1 p (Stan's {@code dtau_dp}, the "sharp" momentum) into {@code out}. */
  void velocity(double[] p, double[] out);

  /** Draws a momentum p ~ N(0, M) into {@code p}, using n standard normal draws. */
  void sampleMomentum(NormalizedGaussianSampler normal, double[] p);

  /** The identity metric of dimension {@code n} (Stan's {@code unit_e}, its default start). */
  static DiagonalMetric unit(int n) {
    double[] ones = new double[n];
    java.util.Arrays.fill(ones, 1.0);
    return new DiagonalMetric(ones);
  }

  /** A diagonal metric given by the diagonal of M^-1 (the target's marginal variances). */
  static DiagonalMetric diagonal(double... inverseMetric) {
    return new DiagonalMetric(inverseMetric);
  }

  /** A dense metric given by M^-1 (the target's covariance), symmetric positive definite. */
  static DenseMetric dense(double[][] inverseMetric) {
    return new DenseMetric(inverseMetric);
  }
}
