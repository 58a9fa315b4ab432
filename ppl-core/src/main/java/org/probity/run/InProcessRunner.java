package org.probity.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.probity.core.Parallel;

/**
 * The default {@link Runner}: the tasks run on this JVM. {@code threads} says how: 1, in sequence on
 * the calling thread; 0, in parallel on the common fork-join pool; k &gt; 1, on a pool of
 * min(k, n) daemon threads made for the run (what {@code Mcmc.run} uses, so that its chains get
 * whole threads and can be interrupted).
 *
 * <p>When tasks fail: in sequence or on the common pool, every task runs and the failure with the
 * lowest index is reported; on the run's own pool, the first task to fail is reported at once and
 * the others are cancelled (their threads interrupted). Either way the failure is a
 * {@link RunTaskException} naming the task and its index with the task's exception as the cause
 * (an {@link Error} is rethrown as it is). Results never depend on {@code threads}.
 *
 * @param threads 1 (sequential), 0 (common fork-join pool) or the size of the run's own pool
 */
public record InProcessRunner(int threads) implements Runner {

  /** Validates the number of threads. */
  public InProcessRunner {
    if (threads < 0) {
      throw new IllegalArgumentException("an in-process runner needs 0 (the common pool) or more threads, got "
          + threads);
    }
  }

  /** The parallel in-process runner on the common fork-join pool. */
  public static InProcessRunner parallelRunner() {
    return new InProcessRunner(0);
  }

  /** The one-thread in-process runner. */
  public static InProcessRunner sequential() {
    return new InProcessRunner(1);
  }

  /** The runner with its own pool of {@code threads} threads (1: sequential). */
  public static InProcessRunner withThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("a pool needs at least 1 thread, got " + threads);
    }
    return new InProcessRunner(threads);
  }

  @Override
  public <R> List<R> run(String what, long seed, int n, Task<R> task) {
    if (n < 0) {
      throw new IllegalArgumentException("the number of " + what + " tasks must be at least 0, got " + n);
    }
    Object[] out = new Object[n];
    if (threads <= 1 || n < 2) {
      Parallel.forEach(n, threads == 0, i -> out[i] = call(what, seed, i, task));
    } else {
      pooled(what, seed, n, task, out);
    }
    List<R> results = new ArrayList<>(n);
    for (Object o : out) {
      @SuppressWarnings("unchecked")
      R r = (R) o;
      results.add(r);
    }
    return results;
  }

  private static <R> R call(String what, long seed, int i, Task<R> task) {
    try {
      return task.run(seed, i);
    } catch (RunTaskException e) {
      throw e;
    } catch (RuntimeException e) {
      throw RunTaskException.of(what, i, e);
    }
  }

  private <R> void pooled(String what, long seed, int n, Task<R> task, Object[] out) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, n), r -> {
      Thread t = new Thread(r, "probity-" + what);
      t.setDaemon(true);
      return t;
    });
    ExecutorCompletionService<Object> done = new ExecutorCompletionService<>(pool);
    List<Future<Object>> futures = new ArrayList<>(n);
    try {
      for (int i = 0; i < n; i++) {
        int index = i;
        futures.add(done.submit(() -> {
          out[index] = call(what, seed, index, task);
          return null;
        }));
      }
      for (int k = 0; k < n; k++) {
        try {
          done.take().get();
        } catch (ExecutionException e) {
          futures.forEach(f -> f.cancel(true));
          Throwable cause = e.getCause();
          if (cause instanceof RuntimeException re) {
            throw re;
          }
          if (cause instanceof Error err) {
            throw err;
          }
          throw RunTaskException.of(what, -1, cause);
        }
      }
    } catch (InterruptedException e) {
      futures.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new RunInterruptedException(what);
    } finally {
      pool.shutdownNow();
    }
  }
}
