package org.probity.inference.hmc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.probity.inference.diagnostics.Mcse;

/**
 * Checks of MCMC draws against exact moments with tolerances from the Monte Carlo standard error
 * (the diagnostics' {@link Mcse#mean}, which uses the multi-chain ESS): a mean, or a covariance
 * entry as the mean of (x_i - mu_i)(x_j - mu_j), must lie within {@link #Z} MCSEs of its exact
 * value.
 */
final class MomentChecks {
  /** Whether the long statistical suites run ({@code -Pfull} sets probity.tries to full). */
  static final boolean FULL = "full".equals(System.getProperty("probity.tries"));
  /** Tolerance in MCSEs; with at most a few hundred checks per test, a false alarm has probability below 1e-4. */
  static final double Z = 5;

  private MomentChecks() {
  }

  /** Every mean and every covariance entry (i <= j) within Z MCSEs of the exact value. */
  static void meansAndCovariances(HmcResult r, double[] mean, double[][] cov) {
    List<String> failures = new ArrayList<>();
    int n = mean.length;
    double[][][] x = new double[n][][];
    for (int i = 0; i < n; i++) {
      x[i] = r.coordinate(i);
      check(failures, "mean " + i, x[i], mean[i]);
    }
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        check(failures, "cov(" + i + ", " + j + ")", product(x[i], mean[i], x[j], mean[j]), cov[i][j]);
      }
    }
    if (!failures.isEmpty()) {
      throw new AssertionError(failures.size() + " moments off by more than " + Z + " MCSE:\n"
          + String.join("\n", failures));
    }
  }

  /** Every mean and variance (no cross terms) within Z MCSEs. */
  static void meansAndVariances(HmcResult r, double[] mean, double[] variance) {
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < mean.length; i++) {
      double[][] xi = r.coordinate(i);
      check(failures, "mean " + i, xi, mean[i]);
      check(failures, "var " + i, product(xi, mean[i], xi, mean[i]), variance[i]);
    }
    if (!failures.isEmpty()) {
      throw new AssertionError(failures.size() + " moments off by more than " + Z + " MCSE:\n"
          + String.join("\n", failures));
    }
  }

  static double[][] product(double[][] a, double ma, double[][] b, double mb) {
    double[][] z = new double[a.length][];
    for (int c = 0; c < a.length; c++) {
      z[c] = new double[a[c].length];
      for (int t = 0; t < a[c].length; t++) {
        z[c][t] = (a[c][t] - ma) * (b[c][t] - mb);
      }
    }
    return z;
  }

  static double mean(double[][] x) {
    double s = 0;
    int k = 0;
    for (double[] row : x) {
      for (double v : row) {
        s += v;
        k++;
      }
    }
    return s / k;
  }

  private static void check(List<String> failures, String what, double[][] draws, double exact) {
    double m = mean(draws);
    double mcse = Mcse.mean(draws);
    if (!(Math.abs(m - exact) <= Z * mcse)) {
      failures.add(String.format(Locale.ROOT, "%s: %.5g, exact %.5g, MCSE %.3g (%.1f MCSE)", what, m,
          exact, mcse, (m - exact) / mcse));
    }
  }
}
