package org.probity.spark;

import java.io.Serializable;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A simulation-based calibration problem that travels (Talts et al., "Validating Bayesian
 * inference algorithms with simulation-based calibration", 2018): a parameter from the prior, data
 * given it, and the inference under test.
 *
 * @param <D> the data's type
 */
public interface SbcProblem<D> extends Serializable {
  /** theta* from the prior. */
  double prior(UniformRandomProvider rng);

  /** Data simulated from the model at theta. */
  D data(double theta, UniformRandomProvider rng);

  /** {@code count} posterior draws of theta given the data, from the inference under test. */
  double[] posterior(D data, int count, long seed);
}
