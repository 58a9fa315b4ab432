package org.probity.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.probity.ad.LogDensityFunction;
import org.probity.bench.api.RunResult;
import org.probity.bench.api.Workload;
import org.probity.bench.data.EightSchoolsData;
import org.probity.bench.data.LogisticData;
import org.probity.bench.handcoded.EightSchoolsGradient;
import org.probity.bench.handcoded.LogisticGradient;
import org.probity.bench.probity.EightSchoolsModel;
import org.probity.bench.probity.LogisticModel;
import org.probity.bench.workloads.EightSchoolsNutsWorkload;
import org.probity.random.Rngs;
import org.probity.trace.LogDensity;

/**
 * The NUTS workloads' baselines are right: the hand-written log densities and gradients equal the
 * models' {@code LogDensity} (value and gradient at random points, relative error 1e-9), so both
 * systems sample the same target; and eight-schools-nuts's chains of both systems match the
 * quadrature reference of {@link EightSchoolsTest}.
 */
class NutsBaselinesTest {
  static void same(LogDensityFunction model, LogDensityFunction hand, double scale, long seed) {
    assertEquals(model.dimension(), hand.dimension());
    UniformRandomProvider rng = Rngs.of(seed);
    int n = model.dimension();
    for (int k = 0; k < 20; k++) {
      double[] q = new double[n];
      for (int i = 0; i < n; i++) {
        q[i] = scale * (2 * rng.nextDouble() - 1);
      }
      double[] gm = new double[n];
      double[] gh = new double[n];
      double lm = model.logDensityAndGradient(q, gm);
      double lh = hand.logDensityAndGradient(q, gh);
      assertEquals(lm, lh, 1e-9 * Math.max(1, Math.abs(lm)), "log density at point " + k);
      assertEquals(lm, hand.logDensity(q), 1e-9 * Math.max(1, Math.abs(lm)));
      for (int i = 0; i < n; i++) {
        assertEquals(gm[i], gh[i], 1e-9 * Math.max(1, Math.abs(gm[i])), "gradient " + i + " at point " + k);
      }
    }
  }

  @Test
  void handWrittenGradientsEqualTheModels() {
    LogisticData lr = LogisticData.generate(500, 3);
    same(LogDensity.of(new LogisticModel(lr).program()), new LogisticGradient(lr), 1.0, 1);
    EightSchoolsData es = EightSchoolsData.classic();
    same(LogDensity.of(new EightSchoolsModel(es).program()), new EightSchoolsGradient(es), 2.0, 2);
  }

  @Test
  void eightSchoolsNutsChainsMatchTheQuadratureReference() {
    double[] ref = EightSchoolsTest.reference();
    Workload.Instance inst = new EightSchoolsNutsWorkload().prepare("J8", null);
    for (boolean probity : new boolean[] {true, false}) {
      double[][][] chains = new double[2][][];
      for (int c = 0; c < chains.length; c++) {
        RunResult r = probity ? inst.probity(c + 1) : inst.handcoded(c + 1);
        Map<String, double[]> cs = r.chains();
        double[] mu = cs.get("mu");
        double[] tau = cs.get("tau");
        chains[c] = new double[mu.length][];
        for (int i = 0; i < mu.length; i++) {
          chains[c][i] = new double[] {mu[i], tau[i]};
        }
        assertTrue(r.extra().get("gradients") > 1000);
      }
      McmcChecks.agrees("mu", chains, 0, 0, ref[0], 0);
      McmcChecks.agrees("tau", chains, 1, 0, ref[1], 0);
    }
  }
}
