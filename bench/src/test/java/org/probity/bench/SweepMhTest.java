package org.probity.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.probity.bench.api.RunResult;
import org.probity.bench.api.Workload;
import org.probity.bench.workloads.SweepMhWorkload;

/**
 * {@code sweep-mh} against its exact posterior: z[i] | y[i] ~ Normal(y[i] / 2, 1/2), so the
 * shrinkage sum z[i] y[i] / sum y[i]^2 has posterior mean 1/2 and standard deviation
 * sqrt(1 / (2 sum y[i]^2)), about 0.015 at N = 1000; both the incremental Probity chain and the
 * hand-written sweep must average within 0.03 of it over the kept sweeps (a chain that ignored the
 * data would sit at 0, one that ignored the prior at 1).
 */
class SweepMhTest {
  @Test
  void bothChainsShrinkByOneHalf() {
    Workload.Instance w = new SweepMhWorkload().prepare("N1000", null);
    RunResult p = w.probity(11);
    RunResult h = w.handcoded(12);
    assertEquals(0.5, p.means().get("shrinkage"), 0.03);
    assertEquals(0.5, h.means().get("shrinkage"), 0.03);
  }
}
