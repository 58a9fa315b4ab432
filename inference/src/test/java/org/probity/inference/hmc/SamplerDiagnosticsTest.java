package org.probity.inference.hmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.probity.random.Rngs;

/** cmdstan's E-BFMI and warning lines. */
class SamplerDiagnosticsTest {

  private static Transition t(double energy, boolean divergent, int depth) {
    return new Transition(0.5, depth, (1 << depth) - 1, divergent, energy, 0.8, -energy);
  }

  @Test
  void eBfmiIsCmdstansRatio() {
    // Differences 1, 2, 3: mean square 14/3; sample variance of 1, 2, 4, 7 is 7.
    assertEquals(2.0 / 3, SamplerDiagnostics.eBfmi(new double[] {1, 2, 4, 7}), 1e-15);
    assertTrue(Double.isNaN(SamplerDiagnostics.eBfmi(new double[] {1})));
    assertTrue(Double.isNaN(SamplerDiagnostics.eBfmi(new double[] {2, 2, 2})));
    // An AR(1) energy with coefficient 0.9 has E-BFMI 2 (1 - 0.9) = 0.2 in the limit.
    org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian g =
        org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian.of(Rngs.of(5));
    double[] e = new double[200_000];
    for (int i = 1; i < e.length; i++) {
      e[i] = 0.9 * e[i - 1] + g.sample();
    }
    assertEquals(0.2, SamplerDiagnostics.eBfmi(e), 0.01);
  }

  @Test
  void warningLinesAreCmdstans() {
    List<Transition> good = new ArrayList<>();
    List<Transition> sticky = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      // Chain 1: alternating energies (E-BFMI far above 1); chain 2: a slow ramp (E-BFMI near 0).
      good.add(t(i % 2 == 0 ? 1.0 : 3.0, i < 3, i < 10 ? 10 : 4));
      sticky.add(t(0.01 * i, false, 4));
    }
    List<String> lines = SamplerDiagnostics.warnings(List.of(good, sticky), HmcEngine.NUTS, 10);
    assertEquals(List.of(
        "10 of 200 (5.00%) transitions hit the maximum treedepth limit of 10, or 2^10 leapfrog steps.",
        "Trajectories that are prematurely terminated due to this limit will result in slow exploration.",
        "For optimal performance, increase this limit.",
        "3 of 200 (1.50%) transitions ended with a divergence.",
        "These divergent transitions indicate that HMC is not fully able to explore the posterior distribution.",
        "Try increasing adapt delta closer to 1.",
        "If this doesn't remove all divergences, try to reparameterize the model.",
        "Chain 2: The E-BFMI, 0.00, is below the nominal threshold of 0.30 which suggests that HMC"
            + " may have trouble exploring the target distribution.",
        "If possible, try to reparameterize the model."), lines);
    // Static HMC has no tree depth or divergences (as in Stan's CSV columns): only E-BFMI.
    assertEquals(2, SamplerDiagnostics.warnings(List.of(good, sticky), HmcEngine.STATIC, 10).size());
    assertTrue(SamplerDiagnostics.warnings(List.of(good), HmcEngine.NUTS, 11).size() == 4);
  }
}
