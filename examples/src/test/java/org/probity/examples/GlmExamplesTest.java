package org.probity.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.inference.diagnostics.Summary;
import org.probity.inference.mcmc.McmcConfig;
import org.probity.inference.mcmc.McmcResult;

/**
 * Poisson regression and the ordered Gaussian mixture against quadratures of their exact
 * posteriors (posterior means within 5 Monte Carlo standard errors), and the Rasch model's
 * difficulties against the values the answers were drawn with (within 4 posterior sds); NUTS with
 * 4 chains of 500 draws after 500 warm-up (300 and 300 for the Rasch model's 48 quantities).
 */
class GlmExamplesTest {
  static final McmcConfig SHORT = McmcConfig.defaults().warmup(500).samples(500).seed(1).progress(false);

  static void converged(McmcResult<?> r, double maxRhat, double minEss) {
    for (Summary s : r.summary().rows()) {
      assertTrue(s.rhat() < maxRhat && s.essBulk() > minEss, s + "\n" + r);
    }
    assertTrue(r.divergences() == 0, r.samplerWarnings().toString());
  }

  @Test
  void poissonRegression() {
    PoissonRegression.Counts d = PoissonRegression.synthetic(30, 1);
    McmcResult<Real> r = PoissonRegression.run(d, SHORT);
    converged(r, 1.01, 300);
    // quadrature on a 400 x 400 grid over [-3, 3]^2
    int g = 400;
    double[] logW = new double[g * g];
    double max = Double.NEGATIVE_INFINITY;
    for (int u = 0; u < g; u++) {
      for (int v = 0; v < g; v++) {
        double a = -3 + 6 * (u + 0.5) / g;
        double b = -3 + 6 * (v + 0.5) / g;
        double lw = -0.5 * a * a - 0.5 * b * b;
        for (int i = 0; i < d.y().length; i++) {
          double eta = a + b * d.x()[i];
          lw += d.y()[i] * eta - Math.exp(eta);
        }
        logW[u * g + v] = lw;
        max = Math.max(max, lw);
      }
    }
    double t = 0;
    double ea = 0;
    double eb = 0;
    for (int u = 0; u < g; u++) {
      for (int v = 0; v < g; v++) {
        double w = Math.exp(logW[u * g + v] - max);
        t += w;
        ea += w * (-3 + 6 * (u + 0.5) / g);
        eb += w * (-3 + 6 * (v + 0.5) / g);
      }
    }
    List<String> failures = new ArrayList<>();
    NutsExamplesTest.near(failures, r, "alpha", ea / t, Double.NaN);
    NutsExamplesTest.near(failures, r, "beta", eb / t, Double.NaN);
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  @Test
  void orderedMixture() {
    double[] y = GaussianMixture.synthetic(100, 1);
    McmcResult<Real> r = GaussianMixture.run(y, SHORT);
    converged(r, 1.01, 300);
    // quadrature over mu1 < mu2 (on [-4, 4]) and w (on (0, 1)), 90 x 90 x 60 midpoints
    int gm = 90;
    int gw = 60;
    double max = Double.NEGATIVE_INFINITY;
    double[] lw = new double[gm * gm * gw];
    for (int a = 0; a < gm; a++) {
      for (int b = 0; b < gm; b++) {
        for (int c = 0; c < gw; c++) {
          double m1 = -4 + 8 * (a + 0.5) / gm;
          double m2 = -4 + 8 * (b + 0.5) / gm;
          double w = (c + 0.5) / gw;
          double l = Double.NEGATIVE_INFINITY;
          if (m1 < m2) {
            l = -(m1 * m1 + m2 * m2) / 50 + Math.log(w * (1 - w));
            for (double v : y) {
              l += Math.log(w * Math.exp(-0.5 * (v - m1) * (v - m1)) + (1 - w) * Math.exp(-0.5 * (v - m2) * (v - m2)));
            }
          }
          lw[(a * gm + b) * gw + c] = l;
          max = Math.max(max, l);
        }
      }
    }
    double t = 0;
    double[] e = new double[3];
    for (int a = 0; a < gm; a++) {
      for (int b = 0; b < gm; b++) {
        for (int c = 0; c < gw; c++) {
          double p = Math.exp(lw[(a * gm + b) * gw + c] - max);
          t += p;
          e[0] += p * (-4 + 8 * (a + 0.5) / gm);
          e[1] += p * (-4 + 8 * (b + 0.5) / gm);
          e[2] += p * (c + 0.5) / gw;
        }
      }
    }
    List<String> failures = new ArrayList<>();
    NutsExamplesTest.near(failures, r, "mu.1", e[0] / t, Double.NaN);
    NutsExamplesTest.near(failures, r, "mu.2", e[1] / t, Double.NaN);
    NutsExamplesTest.near(failures, r, "w", e[2] / t, Double.NaN);
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  @Test
  void raschRecoversTheDifficulties() {
    boolean[][] y = ItemResponse.synthetic(40, 1);
    McmcResult<ItemResponse.Derived> r = ItemResponse.run(y, McmcConfig.defaults().warmup(300).samples(300).seed(1)
        .progress(false));
    // 50 quantities of 1,200 draws: R-hat below 1.02 for all (1.01 is the per-quantity target at 4,000 draws)
    converged(r, 1.02, 200);
    List<String> failures = new ArrayList<>();
    for (int k = 0; k < ItemResponse.DIFFICULTY.length; k++) {
      Summary s = r.summary().row("b." + (k + 1)).orElseThrow();
      if (!(Math.abs(s.mean() - ItemResponse.DIFFICULTY[k]) < 4 * s.sd())) {
        failures.add(String.format(Locale.ROOT, "b.%d: mean %.3f sd %.3f, true %.2f", k + 1, s.mean(), s.sd(),
            ItemResponse.DIFFICULTY[k]));
      }
      Summary p = r.summary().row("p." + (k + 1)).orElseThrow();
      assertTrue(p.mean() > 0 && p.mean() < 1, p.toString());
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }
}
