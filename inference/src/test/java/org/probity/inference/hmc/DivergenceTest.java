package org.probity.inference.hmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Divergences and cmdstan's warnings: Neal's funnel, whose neck no single step size can resolve,
 * produces divergent transitions and a low E-BFMI; a standard normal produces none; a raised
 * adapt delta removes most of them; a too-small step size saturates the tree depth.
 */
class DivergenceTest {

  @Test
  void nealsFunnelDivergesAndAStandardNormalDoesNot() {
    HmcResult funnel = Hmc.sample(Targets.funnel(10), HmcConfig.defaults().seed(0));
    assertTrue(funnel.divergences() > 0);
    List<String> warnings = funnel.warnings();
    String divergenceLine = funnel.divergences() + " of 4000 ("
        + String.format(java.util.Locale.ROOT, "%.2f", funnel.divergences() / 40.0)
        + "%) transitions ended with a divergence.";
    assertTrue(warnings.contains(divergenceLine), warnings.toString());
    assertTrue(warnings.contains("Try increasing adapt delta closer to 1."), warnings.toString());
    assertTrue(warnings.stream().anyMatch(l -> l.startsWith("Chain 1: The E-BFMI, ")), warnings.toString());
    long flagged = funnel.transitions().stream().flatMap(List::stream).filter(Transition::divergent).count();
    assertEquals(funnel.divergences(), flagged);
    assertEquals(funnel.divergences(), (long) sum(funnel.toDraws().samplerStat("divergent__")));

    HmcResult normal = Hmc.sample(Targets.standardNormal(10), HmcConfig.defaults().seed(0));
    assertEquals(0, normal.divergences());
    assertTrue(normal.warnings().isEmpty(), normal.warnings().toString());
  }

  @Test
  void raisingAdaptDeltaRemovesMostFunnelDivergences() {
    long atDefault = 0;
    long atHigh = 0;
    for (long seed = 0; seed < 3; seed++) {
      atDefault += Hmc.sample(Targets.funnel(10), HmcConfig.defaults().seed(seed)).divergences();
      atHigh += Hmc.sample(Targets.funnel(10), HmcConfig.defaults().seed(seed).delta(0.99)).divergences();
    }
    assertTrue(atHigh * 10 < atDefault, atDefault + " divergences at 0.8, " + atHigh + " at 0.99");
  }

  @Test
  void aTooSmallStepSizeHitsTheMaximumTreeDepth() {
    // 2^5 - 1 = 31 steps of 0.01 cannot make a U-turn on a standard normal (half a period is pi).
    HmcConfig config = HmcConfig.defaults().seed(1).warmup(0).stepSize(0.01).maxDepth(5).draws(200);
    HmcResult r = Hmc.sample(Targets.standardNormal(3), config);
    assertTrue(r.transitions().stream().flatMap(List::stream).allMatch(t -> t.treeDepth() == 5
        && t.nLeapfrog() == 31));
    assertEquals(List.of(
        "800 of 800 (100.00%) transitions hit the maximum treedepth limit of 5, or 2^5 leapfrog steps.",
        "Trajectories that are prematurely terminated due to this limit will result in slow exploration.",
        "For optimal performance, increase this limit."), r.warnings().subList(0, 3));
  }

  private static double sum(double[][] x) {
    double s = 0;
    for (double[] row : x) {
      for (double v : row) {
        s += v;
      }
    }
    return s;
  }
}
