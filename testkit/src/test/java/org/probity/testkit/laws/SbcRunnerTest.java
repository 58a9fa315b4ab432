package org.probity.testkit.laws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.probity.random.Rngs;
import org.probity.run.InProcessRunner;
import org.probity.run.RunTaskException;
import org.probity.run.Runner;

/**
 * SBC's replications are the tasks of a {@link Runner}: the same ranks on every runner, one task
 * per replication, a failing replication named by its index; and the exact conjugate posterior
 * passes while a too-narrow one fails.
 */
class SbcRunnerTest {
  /** theta ~ Normal(0, 1), y ~ Normal(theta, 1). */
  static final SimulationBasedCalibration.Simulator<Double> NORMAL = new SimulationBasedCalibration.Simulator<>() {
    @Override
    public double prior(UniformRandomProvider rng) {
      return ZigguratSampler.NormalizedGaussian.of(rng).sample();
    }

    @Override
    public Double data(double theta, UniformRandomProvider rng) {
      return theta + ZigguratSampler.NormalizedGaussian.of(rng).sample();
    }
  };

  /** Draws from Normal(y / 2, scale * sqrt(1/2)): the exact posterior when scale = 1. */
  static SimulationBasedCalibration.Posterior<Double> posterior(double scale) {
    return (y, count, seed) -> {
      var g = ZigguratSampler.NormalizedGaussian.of(Rngs.of(seed));
      double[] out = new double[count];
      for (int i = 0; i < count; i++) {
        out[i] = y / 2 + scale * Math.sqrt(0.5) * g.sample();
      }
      return out;
    };
  }

  static final class Counting implements Runner {
    final List<Integer> sizes = new ArrayList<>();

    @Override
    public <R> List<R> run(String what, long seed, int n, Task<R> task) {
      sizes.add(n);
      return InProcessRunner.sequential().run(what, seed, n, task);
    }
  }

  @Test
  void theRanksAreTheSameOnEveryRunner() {
    List<SimulationBasedCalibration.TestQuantity<Double>> q = List.of(SimulationBasedCalibration.TestQuantity.parameter());
    SimulationBasedCalibration.Result plain = SimulationBasedCalibration.run(NORMAL, posterior(1), q, 400, 9, 5);
    Counting counting = new Counting();
    for (Runner r : List.of(InProcessRunner.parallelRunner(), InProcessRunner.withThreads(3), counting)) {
      SimulationBasedCalibration.Result got = SimulationBasedCalibration.run(NORMAL, posterior(1), q, 400, 9, 5, r);
      assertArrayEquals(plain.counts().get(0), got.counts().get(0), r.toString());
    }
    assertEquals(List.of(400), counting.sizes);
    assertTrue(plain.uniform(1e-3), plain.toString());
    assertTrue(!SimulationBasedCalibration.run(NORMAL, posterior(0.5), q, 400, 9, 5).uniform(1e-3),
        "a posterior half as wide passed");
  }

  @Test
  void aFailingReplicationIsNamed() {
    SimulationBasedCalibration.Posterior<Double> bad = (y, count, seed) -> {
      throw new IllegalStateException("no draws");
    };
    RunTaskException e = assertThrows(RunTaskException.class, () -> SimulationBasedCalibration.run(NORMAL, bad,
        List.of(SimulationBasedCalibration.TestQuantity.parameter()), 3, 9, 5));
    assertEquals(0, e.index());
    assertEquals("replication", e.what());
  }
}
