package org.probity.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.inference.diagnostics.Summary;
import org.probity.inference.mcmc.McmcConfig;
import org.probity.inference.mcmc.McmcResult;

class LogisticRegressionTest {
  @Test
  void recoversTheCoefficientsAndConverges() {
    McmcResult<Real[]> r = LogisticRegression.run(1000, 3, McmcConfig.defaults().warmup(1000).samples(1000).seed(3));
    String[] names = {"alpha", "beta.1", "beta.2", "beta.3"};
    for (int j = 0; j < names.length; j++) {
      Summary s = r.summary().row(names[j]).orElseThrow();
      assertTrue(s.rhat() < 1.05, s.toString());
      // The posterior concentrates around the truth: within 4 posterior sd (plus 4 MCSE).
      assertTrue(Math.abs(s.mean() - LogisticRegression.TRUE[j]) < 4 * s.sd() + 4 * s.mcseMean(), s.toString());
    }
    for (double a : r.acceptanceRates()) {
      assertTrue(a > 0.1 && a < 0.45, "acceptance " + a);
    }
  }
}
