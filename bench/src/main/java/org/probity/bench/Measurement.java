package org.probity.bench;

import org.probity.bench.api.RunResult;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.function.Supplier;

/**
 * One timed run: wall-clock seconds, process CPU seconds (Probity's SMC runs particles in
 * parallel, the baselines on one thread, so both matter), and peak heap: after a
 * {@code System.gc()} every heap pool's peak usage is reset, and after the run the pools' peaks
 * are summed (an upper bound on the heap the run needed: the pools peak at different times).
 */
public record Measurement(RunResult result, double seconds, double cpuSeconds, double peakHeapMb) {

  /** Runs {@code run} once and measures it. */
  public static Measurement of(Supplier<RunResult> run) {
    return of(k -> run.get(), 1);
  }

  /**
   * Runs {@code run.apply(k)} for k = 0..batch-1 in a row and reports the time per run and the
   * first run's result: a run of a millisecond or less is too short to time alone (JMH's
   * batching). The runs should differ (e.g. in their seeds): repeating one identical run lets
   * the branch predictor learn it, which flatters simple loops.
   */
  public static Measurement of(java.util.function.IntFunction<RunResult> run, int batch) {
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be at least 1, got " + batch);
    }
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    System.gc();
    for (MemoryPoolMXBean p : heap) {
      p.resetPeakUsage();
    }
    long cpu0 = cpuNanos();
    long t0 = System.nanoTime();
    RunResult r = run.apply(0);
    for (int i = 1; i < batch; i++) {
      run.apply(i);
    }
    long t1 = System.nanoTime();
    long cpu1 = cpuNanos();
    long peak = 0;
    for (MemoryPoolMXBean p : heap) {
      peak += p.getPeakUsage().getUsed();
    }
    return new Measurement(r, (t1 - t0) * 1e-9 / batch, cpu1 < 0 ? Double.NaN : (cpu1 - cpu0) * 1e-9 / batch,
        peak / (1024.0 * 1024.0));
  }

  private static long cpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }
}
