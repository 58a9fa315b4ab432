package org.probity.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.core.Address;
import org.probity.inference.mcmc.Mcmc;
import org.probity.inference.mcmc.McmcConfig;
import org.probity.inference.mcmc.McmcResult;
import org.probity.semantics.Density;

/**
 * Eight schools' two forms: the same joint density up to the Jacobian of theta = mu + tau eta
 * (so the same posterior), and NUTS on the centred form reports divergences in its warnings.
 */
class EightSchoolsFormsTest {

  @Test
  void theFormsHaveTheSameDensityUpToTheJacobian() {
    double mu = 1.3;
    double tau = 2.7;
    double[] eta = {0.1, -0.4, 1.2, 0.3, -1.1, 0.6, 0.9, -0.2};
    Real[] theta = new Real[8];
    Real[] etas = new Real[8];
    for (int j = 0; j < 8; j++) {
      etas[j] = Real.of(eta[j]);
      theta[j] = Real.of(mu + tau * eta[j]);
    }
    double nonCentred = Density.logJoint(EightSchools.model(), Map.of(Address.of("mu"), Real.of(mu),
        Address.of("tau"), Real.of(tau), Address.of("eta"), etas)).value();
    double centred = Density.logJoint(EightSchools.centred(), Map.of(Address.of("mu"), Real.of(mu),
        Address.of("tau"), Real.of(tau), Address.of("theta"), theta)).value();
    // p(theta) = p(eta) / tau^8
    assertEquals(nonCentred - 8 * Math.log(tau), centred, 1e-9);
  }

  @Test
  void theCentredFunnelGivesDivergencesAndTheWarningsSaySo() {
    McmcResult<EightSchools.Effects> r = Mcmc.run(EightSchools.centred(),
        McmcConfig.defaults().warmup(400).samples(400).seed(1).progress(false));
    assertTrue(r.divergences() > 0, r.toString());
    assertTrue(r.toString().contains("divergen"), r.toString());
  }
}
