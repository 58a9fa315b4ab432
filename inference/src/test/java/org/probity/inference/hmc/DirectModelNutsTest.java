package org.probity.inference.hmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.probity.Probity.*;

import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.inference.diagnostics.Mcse;
import org.probity.trace.LogDensity;

/** NUTS on the log-density view of a direct-style model recovers a conjugate posterior within Monte Carlo error. */
class DirectModelNutsTest {

  @Test
  void nutsRecoversAConjugatePosterior() {
    double[] y = {1.2, 0.4, 2.1, 1.5};
    Prob<Real> p = model(m -> {
      Real a = m.sample("a", normal(0, 2));
      Real b = m.sample("b", normal(0, 1));
      m.plate("y", normal(a, Real.of(1)), y);
      m.observe("z", normal(b, Real.of(0.5)), -1.0);
      return a;
    });
    HmcResult r = Hmc.sample(LogDensity.of(p), HmcConfig.defaults().seed(12).chains(2).draws(1000));
    double[][] a = r.coordinate(0);
    double[][] b = r.coordinate(1);
    // a: precision 1/4 + 4, mean 5.2 / 4.25; b: precision 1 + 4, mean -4 / 5
    assertEquals(5.2 / 4.25, MomentChecks.mean(a), MomentChecks.Z * Mcse.mean(a));
    assertEquals(-0.8, MomentChecks.mean(b), MomentChecks.Z * Mcse.mean(b));
    assertEquals(0, r.divergences());
  }
}
