package org.probity.inference.mcmc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.run.InProcessRunner;
import org.probity.run.Runner;

/**
 * Mcmc's chains are the tasks of a {@link Runner}: the same draws on every runner as
 * {@code Mcmc.run} without one, each chain one task, and a chain's failure still surfaces as
 * {@link McmcChainException}.
 */
class McmcOnRunnerTest {
  private static final Prob<Real> MODEL = sample("mu", normal(0, 10)).flatMap(mu ->
      plate(new double[] {0.8, 1.9, 1.1}, j -> normal(mu, 1)).then(() -> pure(mu)));

  /** A runner that records its calls and runs the tasks in reverse index order. */
  static final class Recording implements Runner {
    final List<String> calls = new ArrayList<>();

    @Override
    public <R> List<R> run(String what, long seed, int n, Task<R> task) {
      calls.add(what + " x" + n + " seed " + seed);
      List<R> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        out.add(null);
      }
      for (int i = n - 1; i >= 0; i--) {
        out.set(i, task.run(seed, i));
      }
      return out;
    }
  }

  @Test
  void theChainsAreTheSameOnEveryRunner() {
    McmcConfig cfg = McmcConfig.defaults().chains(3).warmup(100).samples(100).seed(11).progress(false);
    double[][] plain = Mcmc.run(MODEL, HmcKernel.nuts(), cfg).column("mu");
    Recording recording = new Recording();
    for (Runner r : List.of(InProcessRunner.sequential(), InProcessRunner.parallelRunner(),
        InProcessRunner.withThreads(2), recording)) {
      double[][] got = Mcmc.run(MODEL, HmcKernel.nuts(), cfg, r).column("mu");
      assertEquals(3, got.length);
      for (int c = 0; c < 3; c++) {
        assertArrayEquals(plain[c], got[c], r + ": chain " + c);
      }
    }
    assertEquals(List.of("chain x3 seed 11"), recording.calls);
  }

  @Test
  void aFailingChainIsStillAnMcmcChainException() {
    Kernel<Real> failing = t -> {
      throw new IllegalStateException("no move");
    };
    for (Runner r : List.of(InProcessRunner.sequential(), InProcessRunner.parallelRunner(), new Recording())) {
      McmcChainException e = assertThrows(McmcChainException.class, () -> Mcmc.run(MODEL, failing,
          McmcConfig.defaults().chains(2).warmup(1).samples(1).progress(false), r));
      assertTrue(e.getMessage().matches("MCMC chain [12] of 2 failed in warm-up iteration 1: "
          + "IllegalStateException: no move"), r + ": " + e.getMessage());
    }
  }
}
