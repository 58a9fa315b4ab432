package org.probity.inference.hmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.probity.inference.diagnostics.Mcse;
import org.probity.random.Rngs;

/** Dual averaging of the step size (Stan's stepsize_adaptation). */
class DualAveragingTest {

  @Test
  void firstStepsFollowStansRecurrences() {
    DualAveraging da = new DualAveraging(0.8, 0.05, 0.75, 10, Math.log(10));
    // t = 1, a = 1: H = (0.8 - 1) / 11, x = mu - H sqrt(1) / 0.05, xbar = x.
    double h1 = -0.2 / 11;
    double x1 = Math.log(10) - h1 / 0.05;
    assertEquals(Math.exp(x1), da.learnStepSize(1.3), 1e-12); // capped at 1
    assertEquals(Math.exp(x1), da.finalStepSize(), 1e-12);
    // t = 2, a = 0.5: H = (1 - 1/12) H1 + (0.8 - 0.5) / 12, xbar = (1 - 2^-0.75) x1 + 2^-0.75 x2.
    double h2 = (1 - 1.0 / 12) * h1 + 0.3 / 12;
    double x2 = Math.log(10) - h2 * Math.sqrt(2) / 0.05;
    assertEquals(Math.exp(x2), da.learnStepSize(0.5), 1e-12);
    double w = Math.pow(2, -0.75);
    assertEquals(Math.exp((1 - w) * x1 + w * x2), da.finalStepSize(), 1e-12);
    da.restart();
    assertEquals(1.0, da.finalStepSize(), 0.0);
  }

  @Test
  void convergesToTheTargetWithNoiselessFeedback() {
    // Acceptance a(eps) = exp(-eps^2 / 2): the fixed point has a = delta.
    for (double delta : new double[] {0.6, 0.8, 0.95}) {
      DualAveraging da = new DualAveraging(delta, 0.05, 0.75, 10, Math.log(10));
      double eps = 1;
      for (int t = 0; t < 20_000; t++) {
        eps = da.learnStepSize(Math.exp(-eps * eps / 2));
      }
      double last = da.finalStepSize();
      assertEquals(delta, Math.exp(-last * last / 2), 1e-3, "delta " + delta);
      assertEquals(Math.sqrt(-2 * Math.log(delta)), last, 1e-2);
    }
  }

  @Test
  void nutsReachesTheTargetAcceptanceOnAGaussian() {
    // Step size adapted alone (unit metric) for 2000 transitions on a 10-D standard normal; then
    // the mean accept_stat at the final step size is delta, up to its MCSE plus 0.01 for the
    // finite adaptation (observed: within 0.008 over seeds 0-2 and delta 0.6-0.95).
    double previous = Double.POSITIVE_INFINITY;
    int draws = MomentChecks.FULL ? 20_000 : 4_000;
    for (double delta : new double[] {0.6, 0.8, 0.95}) {
      Nuts nuts = new Nuts(Targets.standardNormal(10), 1.0, Rngs.of(17));
      nuts.setPosition(new double[10]);
      nuts.initStepSize();
      DualAveraging da = new DualAveraging(delta, 0.05, 0.75, 10, Math.log(10 * nuts.stepSize()));
      for (int t = 0; t < 2_000; t++) {
        nuts.setStepSize(da.learnStepSize(nuts.transition().acceptStat()));
      }
      nuts.setStepSize(da.finalStepSize());
      double[][] accept = new double[1][draws];
      for (int t = 0; t < draws; t++) {
        accept[0][t] = nuts.transition().acceptStat();
      }
      double mean = MomentChecks.mean(accept);
      double mcse = Mcse.mean(accept);
      assertEquals(delta, mean, MomentChecks.Z * mcse + 0.01, "delta " + delta + ", MCSE " + mcse);
      assertTrue(nuts.stepSize() < previous, "step size must shrink as delta grows");
      previous = nuts.stepSize();
    }
  }

  @Test
  void rejectsInvalidSettings() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new DualAveraging(1.0, 0.05, 0.75, 10, 0));
    assertTrue(e.getMessage().contains("1.0"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new DualAveraging(0.8, 0, 0.75, 10, 0));
  }
}
