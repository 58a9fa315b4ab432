package org.probity.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.probity.inference.mcmc.McmcConfig;
import org.probity.inference.mcmc.McmcResult;

/**
 * Radon varying intercepts: the CSV is read into a county factor, and NUTS's posterior means (4
 * chains of 500 draws after 500 warm-up, R-hat below 1.01, bulk ESS above 200) of
 * mu_a, beta, sigma_a, sigma_y and every county intercept agree with a quadrature of the exact
 * posterior within 5 Monte Carlo standard errors. Given (sigma_a, sigma_y) the model is linear
 * Gaussian in (mu_a, beta, z), so the conditional posterior and marginal likelihood are closed
 * form; a 300 x 300 midpoint grid integrates over (sigma_a, sigma_y).
 */
class RadonTest {

  @Test
  void theCsvIsReadIntoAFactor() {
    Radon.Houses h = Radon.data();
    assertEquals(44, h.logRadon().length);
    assertEquals(6, h.county().k());
    assertEquals(List.of("Aitkin", "Anoka", "Blue Earth", "Carlton", "Dakota", "Hennepin"), h.county().levels());
  }

  @Test
  void nutsAgreesWithTheQuadrature() {
    Radon.Houses h = Radon.data();
    McmcResult<Radon.Intercepts> r = Radon.run(McmcConfig.defaults().warmup(500).samples(500).seed(1).progress(false));
    for (org.probity.inference.diagnostics.Summary s : r.summary().rows()) {
      assertTrue(s.rhat() < 1.01 && s.essBulk() > 200, s + "\n" + r);
    }
    assertTrue(r.divergences() <= 5, r.samplerWarnings().toString()); // a few at most, in sigma_a's funnel
    double[] e = exact(h);
    List<String> failures = new ArrayList<>();
    NutsExamplesTest.near(failures, r, "mu_a", e[0], Double.NaN);
    NutsExamplesTest.near(failures, r, "beta", e[1], Double.NaN);
    NutsExamplesTest.near(failures, r, "sigma_a", e[2], Double.NaN);
    NutsExamplesTest.near(failures, r, "sigma_y", e[3], Double.NaN);
    for (int j = 0; j < h.county().k(); j++) {
      NutsExamplesTest.near(failures, r, "a." + (j + 1), e[4 + j], Double.NaN);
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  /** E[mu_a], E[beta], E[sigma_a], E[sigma_y], E[a_1..a_J] by quadrature over (sigma_a, sigma_y). */
  static double[] exact(Radon.Houses h) {
    int j = h.county().k();
    int d = j + 2;
    int n = h.logRadon().length;
    int[] c = h.county().zeroBasedCodes();
    double[] prior = new double[d]; // prior precisions of (mu_a, beta, z_1..z_J)
    prior[0] = 1.0 / 25;
    prior[1] = 1.0 / 4;
    for (int k = 2; k < d; k++) {
      prior[k] = 1;
    }
    int grid = 300;
    double top = 3.0;
    double[] sums = new double[4 + j];
    double total = 0;
    double maxLog = Double.NEGATIVE_INFINITY;
    double[] logW = new double[grid * grid];
    double[][] stats = new double[grid * grid][];
    for (int u = 0; u < grid; u++) {
      double sa = (u + 0.5) / grid * top;
      for (int v = 0; v < grid; v++) {
        double sy = (v + 0.5) / grid * top;
        double[][] p = new double[d][d];
        double[] b = new double[d];
        for (int k = 0; k < d; k++) {
          p[k][k] = prior[k];
        }
        double yy = 0;
        for (int i = 0; i < n; i++) {
          double[] x = new double[d];
          x[0] = 1;
          x[1] = h.floor()[i];
          x[2 + c[i]] = sa;
          double y = h.logRadon()[i];
          yy += y * y / (sy * sy);
          for (int r = 0; r < d; r++) {
            b[r] += x[r] * y / (sy * sy);
            for (int s = 0; s < d; s++) {
              p[r][s] += x[r] * x[s] / (sy * sy);
            }
          }
        }
        double[][] l = cholesky(p);
        double[] mean = solve(l, b);
        double logDetP = 0;
        for (int k = 0; k < d; k++) {
          logDetP += 2 * Math.log(l[k][k]);
        }
        double logDetPrior = 0;
        double bm = 0;
        for (int k = 0; k < d; k++) {
          logDetPrior += Math.log(prior[k]);
          bm += b[k] * mean[k];
        }
        // log p(y | sa, sy) + log HalfNormal(1) densities (constants dropped)
        double ll = -n * Math.log(sy) - 0.5 * (logDetP - logDetPrior) - 0.5 * (yy - bm);
        int g = u * grid + v;
        logW[g] = ll - 0.5 * sa * sa - 0.5 * sy * sy;
        double[] s = new double[4 + j];
        s[0] = mean[0];
        s[1] = mean[1];
        s[2] = sa;
        s[3] = sy;
        for (int k = 0; k < j; k++) {
          s[4 + k] = mean[0] + sa * mean[2 + k];
        }
        stats[g] = s;
        maxLog = Math.max(maxLog, logW[g]);
      }
    }
    for (int g = 0; g < logW.length; g++) {
      double w = Math.exp(logW[g] - maxLog);
      total += w;
      for (int k = 0; k < sums.length; k++) {
        sums[k] += w * stats[g][k];
      }
    }
    for (int k = 0; k < sums.length; k++) {
      sums[k] /= total;
    }
    return sums;
  }

  static double[][] cholesky(double[][] a) {
    int n = a.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k <= i; k++) {
        double s = a[i][k];
        for (int m = 0; m < k; m++) {
          s -= l[i][m] * l[k][m];
        }
        l[i][k] = i == k ? Math.sqrt(s) : s / l[k][k];
      }
    }
    return l;
  }

  /** Solves (L L^T) x = b. */
  static double[] solve(double[][] l, double[] b) {
    int n = b.length;
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double s = b[i];
      for (int k = 0; k < i; k++) {
        s -= l[i][k] * y[k];
      }
      y[i] = s / l[i][i];
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = y[i];
      for (int k = i + 1; k < n; k++) {
        s -= l[k][i] * x[k];
      }
      x[i] = s / l[i][i];
    }
    return x;
  }
}
