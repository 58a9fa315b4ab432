package org.probity.inference.hmc;

import java.util.Arrays;
import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.Trigamma;
import org.junit.jupiter.api.Test;
import org.probity.ad.LogDensityFunction;

/**
 * NUTS on a skewed, non-Gaussian target with known moments: y = log x for x ~ Gamma(alpha, 1),
 * independently in 5 coordinates with different shapes. The density of y is
 * exp(alpha y - e^y) / Gamma(alpha), with E[y] = digamma(alpha) and Var[y] = trigamma(alpha).
 */
class NutsNonGaussianTest {

  private static LogDensityFunction logGamma(double[] alpha) {
    int n = alpha.length;
    return new LogDensityFunction() {
      @Override
      public int dimension() {
        return n;
      }

      @Override
      public double logDensity(double[] y) {
        return logDensityAndGradient(y, new double[n]);
      }

      @Override
      public double logDensityAndGradient(double[] y, double[] g) {
        double lp = 0;
        for (int i = 0; i < n; i++) {
          double ey = Math.exp(y[i]);
          lp += alpha[i] * y[i] - ey;
          g[i] = alpha[i] - ey;
        }
        return lp;
      }
    };
  }

  @Test
  void logGammaMomentsWithinMcse() {
    double[] alpha = {0.5, 1, 2, 5, 20};
    double[] mean = Arrays.stream(alpha).map(Digamma::value).toArray();
    double[] var = Arrays.stream(alpha).map(Trigamma::value).toArray();
    HmcResult r = Hmc.sample(logGamma(alpha),
        HmcConfig.defaults().seed(505).draws(MomentChecks.FULL ? 10_000 : 1_000));
    MomentChecks.meansAndVariances(r, mean, var);
  }
}
