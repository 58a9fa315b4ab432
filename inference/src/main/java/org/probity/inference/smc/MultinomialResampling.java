package org.probity.inference.smc;

import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Multinomial resampling: n independent draws of an ancestor with probability proportional to
 * its weight (Gordon, Salmond and Smith, 1993). The value is the sorted ancestor array, whose
 * probability is the multinomial mass of its offspring counts. Sampling generates the n uniforms
 * already sorted, from normalised cumulative sums of n + 1 exponential spacings, and merges
 * them with the cumulative weights: O(n + K), no sort and no binary search.
 */
public final class MultinomialResampling extends ResamplingDistribution {

  /** n ancestors drawn from the (unnormalised, non-negative) weights. */
  public MultinomialResampling(double[] weights, int n) {
    super(weights, n);
  }

  @Override
  public int[] sample(UniformRandomProvider rng) {
    return ancestorsOf(sortedUniforms(rng, n));
  }

  /** n sorted U(0,1) draws in O(n): partial sums of n + 1 exponentials over their total. */
  static double[] sortedUniforms(UniformRandomProvider rng, int n) {
    ZigguratSampler.Exponential exp = ZigguratSampler.Exponential.of(rng);
    double[] u = new double[n];
    double s = 0;
    for (int j = 0; j < n; j++) {
      s += exp.sample();
      u[j] = s;
    }
    s += exp.sample();
    for (int j = 0; j < n; j++) {
      u[j] /= s;
    }
    return u;
  }

  @Override
  public double logDensity(int[] a) {
    int[] c = counts(a);
    return c == null ? Double.NEGATIVE_INFINITY : multinomialLogPmf(c, p());
  }

  @Override
  protected Map<List<Integer>, Double> computeSupport() {
    Map<List<Integer>, Double> m = newSupport();
    multisets(p(), n, new int[k()], m);
    return m;
  }
}
