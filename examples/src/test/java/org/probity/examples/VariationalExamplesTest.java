package org.probity.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.probity.vi.adev.Expectation;
import org.probity.vi.optim.Adam;
import org.probity.vi.optim.Optimize;
import org.probity.vi.param.ParamStore;

/** The variational-inference examples run and show what their documentation says. */
class VariationalExamplesTest {
  /**
   * ADVI against NUTS on 300 rows: both guides' means within a quarter of NUTS's posterior sd (the
   * Gaussian approximation of a near-Gaussian posterior, plus optimisation and NUTS Monte Carlo
   * error, both a few hundredths of an sd); the full-rank sds within 15% of NUTS's; the mean-field
   * sds no larger than the full-rank ones plus 5% (mean-field understates correlated posteriors).
   */
  @Test
  void logisticRegressionGuidesAgreeWithNuts() {
    VariationalLogistic.Report r = VariationalLogistic.run(300, 1, 2000, false);
    for (VariationalLogistic.Row row : r.rows()) {
      assertEquals(row.nutsMean(), row.meanFieldMean(), 0.25 * row.nutsSd(), row.toString());
      assertEquals(row.nutsMean(), row.fullRankMean(), 0.25 * row.nutsSd(), row.toString());
      assertEquals(row.nutsSd(), row.fullRankSd(), 0.15 * row.nutsSd(), row.toString());
      assertTrue(row.meanFieldSd() <= 1.05 * row.fullRankSd(), row.toString());
    }
    assertTrue(r.fullRankElbo() > r.meanFieldElbo() - 0.1, r.toString());
  }

  /**
   * Each estimator's mean gradient within 5 standard errors of the exact one (ENUM's), and the
   * variances ordered as the table shows: ENUM none, leave-one-out below the moving-average
   * baseline below plain REINFORCE, MVD below REINFORCE.
   */
  @Test
  void gradientVarianceTable() {
    int n = 4000;
    List<GradientVariance.Row> rows = GradientVariance.run(n, 3);
    double[] exact = GradientVariance.exactGradient();
    for (GradientVariance.Row row : rows) {
      for (int j = 0; j < exact.length; j++) {
        assertEquals(exact[j], row.mean()[j], 5 * Math.sqrt(row.variance()[j] / n) + 1e-12, row.estimator());
      }
    }
    double reinforce = rows.get(0).totalVariance();
    double baseline = rows.get(1).totalVariance();
    double loo = rows.get(2).totalVariance();
    double mvd = rows.get(3).totalVariance();
    assertEquals(0.0, rows.get(4).totalVariance(), 1e-20);
    assertTrue(loo < baseline && baseline < reinforce && mvd < reinforce, rows.toString());
  }

  /** The VAE's ELBO rises: the mean of the last 100 estimates exceeds that of the first 100 by more than 3 nats per image. */
  @Test
  void vaeElboRises() {
    Optimize.Result r = Vae.train(Vae.bars(300, 1), 400, 32, 1, false);
    assertTrue(r.mean(300, 400) > r.mean(0, 100) + 3, r.mean(0, 100) + " -> " + r.mean(300, 400));
  }

  /**
   * With the expressive family fitted by HVI, the bounds at those parameters are ordered HVI &lt;
   * IWHVI(5) &lt; DIWHVI(5, 5) &lt; log p(z) (quadrature), each gap more than 4 combined standard
   * errors of the 2000-estimate means.
   */
  @Test
  void hierarchicalBoundsAreOrdered() {
    ParamStore store = new ParamStore(1);
    Optimize.maximize(HierarchicalVi.objective("HVI (SIR 1)"), store, Optimize.Config.of(1000).optimizer(Adam.of(0.03))
        .samples(4).progress(false));
    double[] v = new double[3];
    double[] se = new double[3];
    String[] names = {"HVI (SIR 1)", "IWHVI (SIR 5)", "DIWHVI (5, SIR 5)"};
    for (int i = 0; i < 3; i++) {
      Expectation e = HierarchicalVi.objective(names[i]);
      HierarchicalVi.Row row = HierarchicalVi.evaluate(names[i], e, store, 2000, 1);
      v[i] = row.value();
      se[i] = row.se();
    }
    for (int i = 0; i < 2; i++) {
      assertTrue(v[i + 1] - v[i] > 4 * Math.hypot(se[i], se[i + 1]), names[i] + " " + v[i] + " vs " + names[i + 1] + " " + v[i + 1]);
    }
    assertTrue(HierarchicalVi.logEvidence() - v[2] > 4 * se[2], v[2] + " vs log p(z) " + HierarchicalVi.logEvidence());
    assertEquals(-5.326, HierarchicalVi.logEvidence(), 0.005); // checked against 2e6 prior draws: -5.3264
  }
}
