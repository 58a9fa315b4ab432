package org.probity.core;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Runs independent tasks 0..n-1 on the common fork-join pool and, if any fail, rethrows the
 * exception of the failed task with the lowest index, unwrapped and unchanged (the pool would
 * otherwise hand back a copy, sometimes without its message). Results never depend on the number
 * of threads: callers derive each task's randomness from its index.
 */
public final class Parallel {
  private Parallel() {
  }

  /** Runs {@code task(i)} for every i in [0, n), in parallel when {@code parallel}. */
  public static void forEach(int n, boolean parallel, IntConsumer task) {
    if (!parallel || n < 2) {
      for (int i = 0; i < n; i++) {
        task.accept(i);
      }
      return;
    }
    AtomicReferenceArray<Throwable> failures = new AtomicReferenceArray<>(n);
    IntStream.range(0, n).parallel().forEach(i -> {
      try {
        task.accept(i);
      } catch (RuntimeException | Error e) {
        failures.set(i, e);
      }
    });
    for (int i = 0; i < n; i++) {
      Throwable t = failures.get(i);
      if (t instanceof RuntimeException re) {
        throw re;
      }
      if (t instanceof Error err) {
        throw err;
      }
    }
  }
}
