package org.probity.inference.mcmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.core.Prob;

/**
 * The classic eight schools (Rubin 1981) with NUTS's defaults ({@code Mcmc.run(model, seed)}): the
 * centred parameterisation (theta_j ~ N(mu, tau)) has a funnel that NUTS cannot explore near
 * tau = 0, and it must say so (divergences, cmdstan's warning); the non-centred one
 * (theta_j = mu + tau eta_j) has none. Fixed seeds.
 */
class EightSchoolsNutsTest {
  static final double[] Y = {28, 8, -3, 7, -1, 1, 18, 12};
  static final double[] SIGMA = {15, 10, 16, 11, 9, 11, 10, 18};

  static Prob<Real> centred() {
    return sample("mu", normal(0, 5)).flatMap(mu -> sample("tau", halfCauchy(5)).flatMap(tau ->
        sample("theta", normal(mu, tau).vector(8)).flatMap(theta ->
            plate(Y, j -> normal(theta[j], SIGMA[j])).then(() -> pure(tau)))));
  }

  static Prob<Real> nonCentred() {
    return sample("mu", normal(0, 5)).flatMap(mu -> sample("tau", halfCauchy(5)).flatMap(tau ->
        sample("eta", normal(0, 1).vector(8)).flatMap(eta ->
            plate(Y, j -> normal(mu.plus(tau.times(eta[j])), SIGMA[j])).then(() -> pure(tau)))));
  }

  @Test
  void theCentredModelDivergesAndSaysSo() {
    McmcResult<Real> r = Mcmc.run(centred(), McmcConfig.defaults().seed(8).progress(false));
    assertTrue(r.divergences() > 0, "no divergences");
    List<String> w = r.samplerWarnings();
    assertTrue(w.stream().anyMatch(l -> l.contains("transitions ended with a divergence")), w.toString());
    assertTrue(r.toString().contains("Try increasing adapt delta closer to 1."), r.toString());
    double divergent = 0;
    for (double[] c : r.draws().samplerStat("divergent__")) {
      for (double d : c) {
        divergent += d;
      }
    }
    assertEquals(r.divergences(), (long) divergent);
  }

  @Test
  void theNonCentredModelDoesNot() {
    McmcResult<Real> r = Mcmc.run(nonCentred(), McmcConfig.defaults().seed(8).progress(false));
    assertEquals(0, r.divergences(), r.samplerWarnings().toString());
    assertTrue(r.samplerWarnings().isEmpty(), r.samplerWarnings().toString());
  }
}
