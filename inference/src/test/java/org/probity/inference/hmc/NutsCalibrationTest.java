package org.probity.inference.hmc;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.probity.inference.diagnostics.Mcse;

/**
 * Full profile only ({@code -Pfull}): over independent runs, the errors of NUTS's moment
 * estimates are as large as their MCSE says. On a correlated 10-D Gaussian, each of 20 seeds
 * gives 65 z-scores (10 means, 55 covariance entries) of (estimate - exact) / MCSE; if the draws
 * are unbiased and the MCSE right, they are close to standard normal: mean z^2 near 1 (within
 * 0.25; its standard error is below 0.06 for 1300 scores of which groups of 65 are correlated)
 * and at most 8 beyond 3.5 (about 1 expected, the MCSE being itself estimated; observed: mean z^2
 * 1.07, 3 beyond 3.5).
 */
class NutsCalibrationTest {

  @Test
  void momentErrorsMatchTheirMcseAcrossSeeds() {
    assumeTrue(MomentChecks.FULL, "full profile only");
    int n = 10;
    double[] sd = new double[n];
    double[] mean = new double[n];
    for (int i = 0; i < n; i++) {
      sd[i] = 1 + 0.3 * i;
      mean[i] = 0.5 * i;
    }
    double[][] cov = Targets.ar1Covariance(sd, 0.7);
    Targets.Gaussian target = new Targets.Gaussian(mean, cov);
    double sumZ2 = 0;
    int count = 0;
    int beyond = 0;
    for (long seed = 0; seed < 20; seed++) {
      HmcResult r = Hmc.sample(target, HmcConfig.defaults().seed(1000 + seed));
      double[][][] x = new double[n][][];
      for (int i = 0; i < n; i++) {
        x[i] = r.coordinate(i);
        double z = (MomentChecks.mean(x[i]) - mean[i]) / Mcse.mean(x[i]);
        sumZ2 += z * z;
        beyond += Math.abs(z) > 3.5 ? 1 : 0;
        count++;
      }
      for (int i = 0; i < n; i++) {
        for (int j = i; j < n; j++) {
          double[][] prod = MomentChecks.product(x[i], mean[i], x[j], mean[j]);
          double z = (MomentChecks.mean(prod) - cov[i][j]) / Mcse.mean(prod);
          sumZ2 += z * z;
          beyond += Math.abs(z) > 3.5 ? 1 : 0;
          count++;
        }
      }
    }
    double meanZ2 = sumZ2 / count;
    String report = String.format(Locale.ROOT, "mean z^2 %.3f over %d scores, %d beyond 3.5", meanZ2,
        count, beyond);
    assertTrue(Math.abs(meanZ2 - 1) < 0.25, report);
    assertTrue(beyond <= 8, report);
  }
}
