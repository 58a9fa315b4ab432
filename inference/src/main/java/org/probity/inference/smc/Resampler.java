package org.probity.inference.smc;

import org.probity.dist.Distribution;

/**
 * A resampling scheme: given the old particles' weights and the new population size, the
 * distribution of the sorted ancestor indices (see {@link ResamplingDistribution}). Being a
 * distribution, a resampling step is an ordinary {@code sample} of the outer program, drawn by the
 * Sampler and enumerated exactly by the Enumerator. All four schemes below are unbiased: the
 * expected number of copies of particle i is n times its normalised weight (Douc, Cappe and
 * Moulines, "Comparison of resampling schemes for particle filtering", 2005).
 */
@FunctionalInterface
public interface Resampler {
  /**
   * The distribution of n ancestors given non-negative, not all zero, weights. The built-in
   * schemes read the array without copying it: do not modify it while the distribution is in use.
   */
  Distribution<int[]> ancestors(double[] weights, int n);

  /** Multinomial resampling. */
  Resampler MULTINOMIAL = MultinomialResampling::new;
  /** Systematic resampling (one uniform). */
  Resampler SYSTEMATIC = SystematicResampling::new;
  /** Stratified resampling (one uniform per stratum). */
  Resampler STRATIFIED = StratifiedResampling::new;
  /** Residual resampling (deterministic copies plus multinomial on the residuals). */
  Resampler RESIDUAL = ResidualResampling::new;
}
