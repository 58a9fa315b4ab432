package org.probity.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.probity.random.Rngs;

/**
 * The in-process runner: results in index order and the same for every thread count; a failure
 * names the task; on its own pool the first failure cancels the others, and interrupting the
 * caller cancels the tasks.
 */
class InProcessRunnerTest {
  private static final List<InProcessRunner> RUNNERS = List.of(InProcessRunner.sequential(),
      InProcessRunner.parallelRunner(), InProcessRunner.withThreads(2), InProcessRunner.withThreads(5));

  @Test
  void theResultsAreInIndexOrderAndTheSameOnEveryRunner() {
    List<Long> expected = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      expected.add(Rngs.split(42, i).nextLong());
    }
    for (InProcessRunner r : RUNNERS) {
      assertEquals(expected, r.run("draw", 42, 7, (seed, i) -> Rngs.split(seed, i).nextLong()), r.toString());
      assertEquals(List.of(), r.run("draw", 42, 0, (seed, i) -> 0L));
    }
  }

  @Test
  void aFailureNamesTheTaskAndCarriesItsException() {
    for (InProcessRunner r : RUNNERS) {
      RunTaskException e = assertThrows(RunTaskException.class, () -> r.run("replication", 1, 4, (seed, i) -> {
        if (i == 2) {
          throw new IllegalStateException("bad data");
        }
        return i;
      }));
      assertEquals(2, e.index(), r.toString());
      assertEquals("replication 2 failed: java.lang.IllegalStateException: bad data", e.getMessage());
      assertTrue(e.getCause() instanceof IllegalStateException);
    }
    assertThrows(IllegalArgumentException.class, () -> InProcessRunner.sequential().run("x", 1, -1, (s, i) -> i));
    assertThrows(IllegalArgumentException.class, () -> new InProcessRunner(-1));
    assertThrows(IllegalArgumentException.class, () -> InProcessRunner.withThreads(0));
  }

  @Test
  void onItsOwnPoolTheFirstFailureCancelsTheOthers() {
    AtomicInteger interrupted = new AtomicInteger();
    long t0 = System.nanoTime();
    RunTaskException e = assertThrows(RunTaskException.class, () -> InProcessRunner.withThreads(3).run("chain", 1, 3,
        (seed, i) -> {
          if (i == 1) {
            LockSupport.parkNanos(20_000_000);
            throw new IllegalStateException("boom");
          }
          try {
            Thread.sleep(600_000);
          } catch (InterruptedException x) {
            interrupted.incrementAndGet();
          }
          return i;
        }));
    assertEquals(1, e.index());
    assertTrue((System.nanoTime() - t0) / 1e9 < 300, "the failure waited for the other tasks");
    long wait = System.nanoTime();
    while (interrupted.get() < 2 && System.nanoTime() - wait < 20_000_000_000L) {
      LockSupport.parkNanos(1_000_000);
    }
    assertEquals(2, interrupted.get(), "the other tasks were not interrupted");
  }

  @Test
  void interruptingTheCallerCancelsTheTasks() throws Exception {
    CountDownLatch started = new CountDownLatch(2);
    AtomicInteger interrupted = new AtomicInteger();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread caller = new Thread(() -> {
      try {
        InProcessRunner.withThreads(2).run("chain", 1, 2, (seed, i) -> {
          started.countDown();
          try {
            Thread.sleep(600_000);
          } catch (InterruptedException x) {
            interrupted.incrementAndGet();
          }
          return i;
        });
      } catch (Throwable t) {
        thrown.set(t);
      }
      if (!Thread.currentThread().isInterrupted()) {
        thrown.set(new AssertionError("the interrupt status was not set again"));
      }
    });
    caller.start();
    started.await();
    caller.interrupt();
    caller.join(20_000);
    assertTrue(!caller.isAlive(), "run did not return after the interrupt");
    assertTrue(thrown.get() instanceof RunInterruptedException, String.valueOf(thrown.get()));
    long wait = System.nanoTime();
    while (interrupted.get() < 2 && System.nanoTime() - wait < 20_000_000_000L) {
      LockSupport.parkNanos(1_000_000);
    }
    assertEquals(2, interrupted.get(), "the tasks were not interrupted");
  }
}
