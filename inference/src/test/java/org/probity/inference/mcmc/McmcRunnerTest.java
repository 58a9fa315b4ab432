package org.probity.inference.mcmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.*;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.core.Pure;
import org.probity.progress.Progress;
import org.probity.trace.Trace;

/**
 * The chain runner's behaviour around the chains: a failing chain cancels the others and its
 * error surfaces at once naming the chain; interrupting the caller stops the chains; one progress
 * line for all chains, only for runs that last.
 */
class McmcRunnerTest {
  /** A kernel whose chain copies sleep 1 ms per step; the first copy made throws at its 30th step. */
  static final class Slow implements Kernel<Real> {
    final AtomicInteger copies = new AtomicInteger();
    final AtomicLong steps = new AtomicLong();
    final boolean failing;

    Slow(boolean failing) {
      this.failing = failing;
    }

    @Override
    public Prob<Trace<Real>> apply(Trace<Real> t) {
      return new Pure<>(t);
    }

    @Override
    public Kernel<Real> forChain() {
      int id = copies.getAndIncrement();
      return new Kernel<>() {
        int n;

        @Override
        public Prob<Trace<Real>> apply(Trace<Real> t) {
          steps.incrementAndGet();
          if (failing && id == 0) {
            if (++n == 30) {
              throw new IllegalStateException("boom at step 30");
            }
            return new Pure<>(t);
          }
          LockSupport.parkNanos(1_000_000);
          return new Pure<>(t);
        }
      };
    }
  }

  static final Prob<Real> MODEL = sample("x", normal(0, 1));

  /** Whether the counter stays put for 300 ms (the chains have stopped). */
  static boolean stopped(AtomicLong steps) {
    LockSupport.parkNanos(100_000_000);
    long a = steps.get();
    LockSupport.parkNanos(300_000_000);
    return steps.get() == a;
  }

  @Test
  void aFailingChainCancelsTheOthersAndSurfacesAtOnce() {
    Slow kernel = new Slow(true);
    long t0 = System.nanoTime();
    // The other chains would need 10^6 steps of 1 ms each (about 17 minutes).
    McmcChainException e = assertThrows(McmcChainException.class, () -> Mcmc.run(MODEL, kernel,
        McmcConfig.defaults().chains(3).threads(3).warmup(0).samples(1_000_000).progress(false)));
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertTrue(seconds < 20, "the failure surfaced after " + seconds + " s");
    assertTrue(e.getMessage().matches("MCMC chain [123] of 3 failed in sampling iteration 30: "
        + "IllegalStateException: boom at step 30"), e.getMessage());
    assertTrue(e.getCause() instanceof IllegalStateException);
    assertTrue(stopped(kernel.steps), "the other chains kept running");
  }

  @Test
  void interruptingTheCallerStopsTheChains() throws Exception {
    for (int threads : new int[] {1, 2}) {
      Slow kernel = new Slow(false);
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      Thread caller = new Thread(() -> {
        try {
          Mcmc.run(MODEL, kernel, McmcConfig.defaults().chains(2).threads(threads).warmup(0).samples(1_000_000)
              .progress(false));
        } catch (Throwable t) {
          thrown.set(t);
        }
      });
      caller.start();
      while (kernel.steps.get() < 20) {
        LockSupport.parkNanos(1_000_000);
      }
      caller.interrupt();
      caller.join(20_000);
      assertTrue(!caller.isAlive(), "Mcmc.run did not return after the interrupt");
      assertTrue(thrown.get() instanceof McmcInterruptedException, threads + " threads: " + thrown.get());
      assertTrue(stopped(kernel.steps), "the chains kept running after the interrupt");
    }
  }

  @Test
  void oneProgressLineForAllChainsOnlyAfterTheDelay() throws Exception {
    StringBuilder out = new StringBuilder();
    RunProgress p = new RunProgress("mcmc (2 chains)", 4000, true, 0, out, Progress.Mode.PLAIN);
    Thread[] chains = new Thread[2];
    for (int c = 0; c < 2; c++) {
      chains[c] = new Thread(() -> {
        for (int i = 0; i < 2000; i++) {
          p.advance();
        }
      });
      chains[c].start();
    }
    for (Thread t : chains) {
      t.join();
    }
    p.close();
    String text = out.toString();
    assertTrue(text.startsWith("mcmc (2 chains): "), text);
    assertTrue(text.contains("4,000/4,000 (100%)") && text.contains("done in"), text);
    assertTrue(!text.contains("chain 1") && !text.contains("chain 2"), text);
    StringBuilder quiet = new StringBuilder();
    RunProgress q = new RunProgress("mcmc (2 chains)", 4000, true, 60_000_000_000L, quiet, Progress.Mode.PLAIN);
    for (int i = 0; i < 4000; i++) {
      q.advance();
    }
    q.close();
    assertEquals("", quiet.toString(), "a run shorter than the delay prints nothing");
    StringBuilder off = new StringBuilder();
    RunProgress silent = new RunProgress("mcmc", 10, false, 0, off, Progress.Mode.PLAIN);
    silent.advance();
    silent.close();
    assertEquals("", off.toString());
  }
}
