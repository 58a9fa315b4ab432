package org.probity.bench;

import org.probity.bench.api.RunResult;
import org.probity.bench.api.Workload;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.probity.inference.diagnostics.EffectiveSampleSize;

/**
 * The harness: for each workload and size, warm-up runs of both systems (at least
 * {@code warmup} rounds and at least {@link #MIN_WARMUP_SECONDS} of running, so that a
 * millisecond workload still reaches compiled code), then {@code repeats} interleaved timed runs
 * (probity, handcoded, probity, ...) in the same JVM, repeat r using seed {@code seed + r} for
 * both systems. A run shorter than {@link #MIN_BATCH_SECONDS} is timed in a batch of identical
 * runs (the same for both systems), and the time per run is reported. Each system's row has the median time, the median ESS per
 * second, the largest peak heap, the median process CPU seconds (on a shared machine the wall
 * time of a single-threaded run includes time the process was not scheduled; Probity's SMC uses
 * several threads, so compare both), and the mean and standard error over repeats of the log evidence
 * and of the parameter means; the Probity row also has the ratio of median times and the largest
 * |difference| / combined standard error between the two systems' estimates.
 */
public final class Bench {
  /** The least time spent warming up both systems on one workload size. */
  static final double MIN_WARMUP_SECONDS = 1.0;
  /** The least time of one timed batch of runs. */
  static final double MIN_BATCH_SECONDS = 0.05;

  private Bench() {
  }

  /** The command-line options. */
  public record Options(List<String> workloads, Path dataDir, boolean json, int repeats, int warmup,
      List<String> sizes, boolean quick, long seed) {
  }

  /** Runs everything selected, writing progress to {@code log}; returns one row per (workload, size, system). */
  public static List<Map<String, Object>> run(Options o, PrintStream log, java.util.function.Consumer<Map<String, Object>> onRow) {
    Map<String, Workload> all = Workloads.all();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String name : o.workloads().isEmpty() ? List.copyOf(all.keySet()) : o.workloads()) {
      Workload w = all.get(name);
      if (w == null) {
        throw new IllegalArgumentException("unknown workload '" + name + "'; known: " + String.join(", ", all.keySet()));
      }
      for (String size : w.sizes(o.quick())) {
        if (!o.sizes().isEmpty() && o.sizes().stream().noneMatch(size::contains)) {
          continue;
        }
        log.printf("bench: %s %s: preparing%n", name, size);
        Workload.Instance inst = w.prepare(size, o.dataDir());
        long warmStart = System.nanoTime();
        double shortest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < o.warmup() || (System.nanoTime() - warmStart) * 1e-9 < MIN_WARMUP_SECONDS; i++) {
          long s = o.seed() - 1 - i;
          if (i < o.warmup()) {
            log.printf("bench: %s %s: warm-up %d/%d%n", name, size, i + 1, o.warmup());
          }
          long t0 = System.nanoTime();
          inst.probity(s);
          long t1 = System.nanoTime();
          inst.handcoded(s);
          long t2 = System.nanoTime();
          shortest = Math.min((t1 - t0) * 1e-9, (t2 - t1) * 1e-9);
        }
        int batch = (int) Math.max(1, Math.ceil(MIN_BATCH_SECONDS / Math.max(shortest, 1e-6)));
        if (batch > 1) {
          log.printf("bench: %s %s: timing batches of %d runs%n", name, size, batch);
        }
        List<Measurement> p = new ArrayList<>();
        List<Measurement> h = new ArrayList<>();
        for (int r = 0; r < o.repeats(); r++) {
          long s = o.seed() + r;
          // run k of a batch uses seed s + k * 7919 (7919 > repeats: no two timed runs share a seed)
          p.add(Measurement.of(k -> inst.probity(s + 7919L * k), batch));
          h.add(Measurement.of(k -> inst.handcoded(s + 7919L * k), batch));
          log.printf("bench: %s %s: repeat %d/%d probity %.3fs handcoded %.3fs%n", name, size, r + 1, o.repeats(),
              p.get(r).seconds(), h.get(r).seconds());
        }
        Map<String, Object> hr = row(w, size, "handcoded", h);
        Map<String, Object> pr = row(w, size, "probity", p);
        pr.put("ratio_vs_handcoded", (double) pr.get("seconds") / (double) hr.get("seconds"));
        hr.put("ratio_vs_handcoded", 1.0);
        pr.put("cpu_ratio_vs_handcoded", (double) pr.get("cpu_seconds") / (double) hr.get("cpu_seconds"));
        hr.put("cpu_ratio_vs_handcoded", 1.0);
        pr.put("max_z_vs_handcoded", maxZ(pr, hr));
        pr.put("batch", batch);
        hr.put("batch", batch);
        for (Map<String, Object> row : List.of(pr, hr)) {
          rows.add(row);
          onRow.accept(row);
        }
      }
    }
    return rows;
  }

  @SuppressWarnings("unchecked")
  private static double maxZ(Map<String, Object> a, Map<String, Object> b) {
    double z = 0;
    if (a.containsKey("log_evidence")) {
      z = Math.max(z, zScore((double) a.get("log_evidence"), (double) a.get("log_evidence_se"),
          (double) b.get("log_evidence"), (double) b.get("log_evidence_se")));
    }
    Map<String, Double> ma = (Map<String, Double>) a.get("means");
    Map<String, Double> sa = (Map<String, Double>) a.get("means_se");
    Map<String, Double> mb = (Map<String, Double>) b.get("means");
    Map<String, Double> sb = (Map<String, Double>) b.get("means_se");
    for (String k : ma.keySet()) {
      z = Math.max(z, zScore(ma.get(k), sa.get(k), mb.get(k), sb.get(k)));
    }
    return z;
  }

  private static double zScore(double a, double sa, double b, double sb) {
    double se = Math.sqrt(sa * sa + sb * sb);
    return se > 0 ? Math.abs(a - b) / se : (a == b ? 0 : Double.POSITIVE_INFINITY);
  }

  private static Map<String, Object> row(Workload w, String size, String system, List<Measurement> ms) {
    int n = ms.size();
    double[] secs = new double[n];
    double[] cpu = new double[n];
    double[] essPs = new double[n];
    double[] ess = new double[n];
    double[] logZ = new double[n];
    double peak = 0;
    for (int i = 0; i < n; i++) {
      Measurement m = ms.get(i);
      secs[i] = m.seconds();
      cpu[i] = m.cpuSeconds();
      logZ[i] = m.result().logEvidence();
      peak = Math.max(peak, m.peakHeapMb());
      ess[i] = minEss(m.result());
      essPs[i] = ess[i] / m.seconds();
    }
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("workload", w.name());
    row.put("algorithm", w.algorithm());
    row.put("size", size);
    row.put("system", system);
    row.put("repeats", n);
    row.put("seconds", Stats.median(secs));
    row.put("cpu_seconds", Stats.median(cpu));
    if (!Double.isNaN(logZ[0])) {
      row.put("log_evidence", Stats.mean(logZ));
      row.put("log_evidence_se", Stats.standardError(logZ));
    }
    if (!Double.isNaN(ess[0])) {
      row.put("ess", Stats.median(ess));
      row.put("ess_per_second", Stats.median(essPs));
    }
    row.put("peak_heap_mb", peak);
    row.put("jvm_gc", String.join("+", java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
        .map(java.lang.management.GarbageCollectorMXBean::getName).toList()));
    Map<String, Double> means = new LinkedHashMap<>();
    Map<String, Double> ses = new LinkedHashMap<>();
    for (String k : ms.get(0).result().means().keySet()) {
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        v[i] = ms.get(i).result().means().get(k);
      }
      means.put(k, Stats.mean(v));
      ses.put(k, Stats.standardError(v));
    }
    row.put("means", means);
    row.put("means_se", ses);
    Map<String, Double> extra = new LinkedHashMap<>();
    for (String k : ms.get(0).result().extra().keySet()) {
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        v[i] = ms.get(i).result().extra().get(k);
      }
      extra.put(k, Stats.mean(v));
    }
    row.put("extra", extra);
    if (ms.get(0).result().extra().containsKey("gradients")) {
      // gradient evaluations per run: their rate, and (for samplers) the ESS they buy
      double[] rate = new double[n];
      double[] essPerGradient = new double[n];
      for (int i = 0; i < n; i++) {
        double g = ms.get(i).result().extra().get("gradients");
        rate[i] = g / secs[i];
        essPerGradient[i] = ess[i] / g;
      }
      row.put("gradients_per_second", Stats.median(rate));
      if (!Double.isNaN(ess[0])) {
        row.put("ess_per_gradient", Stats.median(essPerGradient));
      }
    }
    return row;
  }

  /** The smallest bulk ESS over the recorded chains (NaN when there are none). */
  static double minEss(RunResult r) {
    double m = Double.NaN;
    for (double[] c : r.chains().values()) {
      double e = EffectiveSampleSize.essBulk(new double[][] {c});
      m = Double.isNaN(m) ? e : Math.min(m, e);
    }
    return m;
  }
}
