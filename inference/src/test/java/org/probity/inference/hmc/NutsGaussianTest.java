package org.probity.inference.hmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.probity.inference.diagnostics.Mcse;
import org.probity.inference.hmc.AdaptationWindows.Window;

/**
 * NUTS with Stan's warm-up on Gaussian targets: the draws' means and covariances match the exact
 * ones within {@link MomentChecks#Z} MCSE, and the adapted metric is the regularised estimate from
 * the last slow window, which recovers the target's scales within Monte Carlo error.
 */
class NutsGaussianTest {
  private static final int DRAWS = MomentChecks.FULL ? 10_000 : 1_000;

  private static HmcConfig config(long seed) {
    return HmcConfig.defaults().seed(seed).draws(DRAWS);
  }

  @Test
  void standardNormalIn1And100Dimensions() {
    for (int n : new int[] {1, 100}) {
      HmcResult r = Hmc.sample(Targets.standardNormal(n), config(101));
      double[] ones = new double[n];
      Arrays.fill(ones, 1);
      MomentChecks.meansAndVariances(r, new double[n], ones);
      assertEquals(0, r.divergences());
      assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    }
  }

  @Test
  void correlated2dWithDiagonalAndDenseMetrics() {
    double[] mean = {1.0, -2.0};
    double[][] cov = {{1.0, 1.8}, {1.8, 4.0}};
    for (MetricKind kind : MetricKind.values()) {
      HmcResult r = Hmc.sample(new Targets.Gaussian(mean, cov), config(202).metric(kind));
      MomentChecks.meansAndCovariances(r, mean, cov);
      assertTrue(kind == MetricKind.DENSE ? r.chain(0).metric() instanceof DenseMetric
          : r.chain(0).metric() instanceof DiagonalMetric);
    }
  }

  @Test
  void correlated10dDenseMetricLearnsTheCovarianceAndShortensTrajectories() {
    int n = 10;
    double[] sd = new double[n];
    double[] mean = new double[n];
    for (int i = 0; i < n; i++) {
      sd[i] = 0.5 + 0.5 * i;
      mean[i] = i - 4.5;
    }
    double[][] cov = Targets.ar1Covariance(sd, 0.9);
    Targets.Gaussian target = new Targets.Gaussian(mean, cov);
    double[] leapfrogs = new double[2];
    for (MetricKind kind : MetricKind.values()) {
      HmcResult r = Hmc.sample(target, config(303).metric(kind).saveWarmup(true));
      MomentChecks.meansAndCovariances(r, mean, cov);
      leapfrogs[kind.ordinal()] = r.transitions().stream().flatMap(List::stream)
          .mapToInt(Transition::nLeapfrog).average().orElseThrow();
      if (kind == MetricKind.DENSE) {
        for (int c = 0; c < r.numChains(); c++) {
          double[][] window = lastWindow(r, c);
          double[][] estimate = ((DenseMetric) r.chain(c).metric()).inverseMetric();
          double[][] expected = regularisedCovariance(window);
          for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
              assertEquals(expected[i][j], estimate[i][j], 1e-12 * sd[i] * sd[j], "chain " + c);
            }
          }
          windowCovarianceMatches(window, mean, cov, "chain " + c);
        }
      }
    }
    // A correlation of 0.9 makes the diagonal metric's trajectories much longer.
    assertTrue(leapfrogs[MetricKind.DENSE.ordinal()] < 0.5 * leapfrogs[MetricKind.DIAGONAL.ordinal()],
        Arrays.toString(leapfrogs));
  }

  @Test
  void diagonalAdaptationRecoversBadlyScaledCoordinates() {
    // Standard deviations from 0.01 to 100.
    int n = 9;
    double[] sd = new double[n];
    double[] mean = new double[n];
    double[] var = new double[n];
    for (int i = 0; i < n; i++) {
      sd[i] = Math.pow(10, -2 + 0.5 * i);
      mean[i] = 3 * sd[i];
      var[i] = sd[i] * sd[i];
    }
    HmcResult r = Hmc.sample(Targets.diagonalNormal(mean, sd), config(404).saveWarmup(true));
    MomentChecks.meansAndVariances(r, mean, var);
    double[][] diag = new double[n][n];
    for (int i = 0; i < n; i++) {
      diag[i][i] = var[i];
    }
    for (int c = 0; c < r.numChains(); c++) {
      double[][] window = lastWindow(r, c);
      double[] estimate = ((DiagonalMetric) r.chain(c).metric()).inverseMetric();
      double[][] expected = regularisedCovariance(window);
      for (int i = 0; i < n; i++) {
        assertEquals(expected[i][i], estimate[i], 1e-12 * var[i], "chain " + c + " coordinate " + i);
        // The adapted inverse metric is the variance, to within its MC error and the shrinkage.
        double shrunk = window.length / (window.length + 5.0) * var[i] + 1e-3 * 5.0 / (window.length + 5.0);
        assertEquals(shrunk, estimate[i], 0.5 * shrunk, "chain " + c + " coordinate " + i);
      }
      windowCovarianceMatches(window, mean, diag, "chain " + c);
    }
    // The adapted metric makes the badly scaled target as easy as a standard normal.
    double meanDepth = r.transitions().stream().flatMap(List::stream)
        .mapToInt(Transition::treeDepth).average().orElseThrow();
    assertTrue(meanDepth < 4, "mean tree depth " + meanDepth);
  }

  /** The warm-up draws of the last slow window of chain c. */
  private static double[][] lastWindow(HmcResult r, int c) {
    List<Window> ws = AdaptationWindows.defaults(r.config().warmup()).slowWindows();
    Window last = ws.get(ws.size() - 1);
    return Arrays.copyOfRange(r.chain(c).warmupDraws(), last.first(), last.last() + 1);
  }

  /** Stan's regularised sample covariance (n / (n + 5)) S + 1e-3 (5 / (n + 5)) I, computed plainly. */
  private static double[][] regularisedCovariance(double[][] x) {
    int m = x.length;
    int n = x[0].length;
    double[] mean = new double[n];
    for (double[] row : x) {
      for (int i = 0; i < n; i++) {
        mean[i] += row[i] / m;
      }
    }
    double[][] s = new double[n][n];
    for (double[] row : x) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          s[i][j] += (row[i] - mean[i]) * (row[j] - mean[j]) / (m - 1);
        }
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        s[i][j] = m / (m + 5.0) * s[i][j] + (i == j ? 1e-3 * 5.0 / (m + 5.0) : 0);
      }
    }
    return s;
  }

  /** Each covariance entry of one window's draws within Z MCSE (one chain) of the exact value. */
  private static void windowCovarianceMatches(double[][] window, double[] mean, double[][] cov,
      String what) {
    int n = mean.length;
    StringBuilder failures = new StringBuilder();
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        double[][] prod = new double[1][window.length];
        for (int t = 0; t < window.length; t++) {
          prod[0][t] = (window[t][i] - mean[i]) * (window[t][j] - mean[j]);
        }
        double m = MomentChecks.mean(prod);
        double mcse = Mcse.mean(prod);
        double tolerance = MomentChecks.Z * mcse + 1e-12 * Math.sqrt(cov[i][i] * cov[j][j]);
        if (!(Math.abs(m - cov[i][j]) <= tolerance)) {
          failures.append(String.format(Locale.ROOT, "%s cov(%d, %d) = %.4g, exact %.4g, MCSE %.3g%n",
              what, i, j, m, cov[i][j], mcse));
        }
      }
    }
    assertTrue(failures.length() == 0, failures.toString());
  }
}
