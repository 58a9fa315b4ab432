package org.probity.dist;

import java.util.List;

/**
 * The double-valued log density of a mixture whose components are all {@link Normal}s, as flat
 * arrays: term k at x is {@code c[k] - h[k] (x - mu[k])^2} with {@code c[k] = log w[k] -
 * log sigma[k] - log(2 pi) / 2} and {@code h[k] = 1 / (2 sigma[k]^2)}, combined by a two-pass
 * log-sum-exp. This is the arithmetic of a hand-written Gaussian mixture likelihood: no division,
 * no call per component, no allocation per point. The parameters are read untracked, as
 * {@link Normal}'s double path reads them; {@link Mixture#logProb} stays the differentiable path.
 */
final class NormalMixtureTerms {
  private final double[] mu;
  private final double[] halfPrecision;
  private final double[] logScale;

  private NormalMixtureTerms(double[] mu, double[] halfPrecision, double[] logScale) {
    this.mu = mu;
    this.halfPrecision = halfPrecision;
    this.logScale = logScale;
  }

  /**
   * The terms of these weights and components, or null when some component is not a {@link Normal}.
   *
   * @param logWeights log w[k], one per component
   * @param components the components
   */
  static NormalMixtureTerms of(double[] logWeights, List<Continuous> components) {
    int k = components.size();
    double[] mu = new double[k];
    double[] h = new double[k];
    double[] c = new double[k];
    for (int i = 0; i < k; i++) {
      if (!(components.get(i) instanceof Normal n)) {
        return null;
      }
      double sigma = n.sigma().untrackedValue();
      mu[i] = n.mu().untrackedValue();
      h[i] = 0.5 / (sigma * sigma);
      c[i] = logWeights[i] - Math.log(sigma) - Normal.HALF_LOG_TWO_PI;
    }
    return new NormalMixtureTerms(mu, h, c);
  }

  /** The mixture's log density at x (the terms computed twice rather than stored: no allocation). */
  double logDensity(double x) {
    int k = mu.length;
    double m = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < k; i++) {
      m = Math.max(m, term(i, x));
    }
    if (m == Double.NEGATIVE_INFINITY) {
      return m;
    }
    double s = 0;
    for (int i = 0; i < k; i++) {
      s += Math.exp(term(i, x) - m);
    }
    return m + Math.log(s);
  }

  /** The sum of {@link #logDensity} over xs, in order from 0 (the same value point by point). */
  double logDensitySum(double[] xs) {
    int k = mu.length;
    double[] t = new double[k];
    double total = 0;
    for (double x : xs) {
      double m = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < k; i++) {
        t[i] = term(i, x);
        m = Math.max(m, t[i]);
      }
      if (m == Double.NEGATIVE_INFINITY) {
        total += m;
        continue;
      }
      double s = 0;
      for (int i = 0; i < k; i++) {
        s += Math.exp(t[i] - m);
      }
      total += m + Math.log(s);
    }
    return total;
  }

  private double term(int i, double x) {
    double r = x - mu[i];
    return logScale[i] - r * r * halfPrecision[i];
  }
}
