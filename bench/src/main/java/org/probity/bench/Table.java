package org.probity.bench;

import java.util.List;
import java.util.Map;

/** Renders bench rows as a Markdown table (the form docs/BENCHMARKS.md keeps). */
public final class Table {
  private Table() {
  }

  /** The table: one line per (workload, size, system). */
  @SuppressWarnings("unchecked")
  public static String render(List<Map<String, Object>> rows) {
    StringBuilder sb = new StringBuilder();
    sb.append("| workload | size | system | seconds | cpu s | ratio | cpu ratio | log evidence (se) | ESS/s | peak heap MB | means (se) | max z |\n");
    sb.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|\n");
    for (Map<String, Object> r : rows) {
      StringBuilder means = new StringBuilder();
      Map<String, Double> m = (Map<String, Double>) r.get("means");
      Map<String, Double> se = (Map<String, Double>) r.get("means_se");
      for (String k : m.keySet()) {
        if (means.length() > 0) {
          means.append(", ");
        }
        means.append(String.format("%s %.4f (%.4f)", k, m.get(k), se.get(k)));
      }
      sb.append(String.format("| %s | %s | %s | %.3f | %.3f | %.2f | %.2f | %s | %s | %.0f | %s | %s |%n",
          r.get("workload"), r.get("size"), r.get("system"), (double) r.get("seconds"), (double) r.get("cpu_seconds"),
          (double) r.get("ratio_vs_handcoded"), (double) r.get("cpu_ratio_vs_handcoded"),
          r.containsKey("log_evidence") ? String.format("%.3f (%.3f)", (double) r.get("log_evidence"),
              (double) r.get("log_evidence_se")) : "",
          r.containsKey("ess_per_second") ? String.format("%.0f", (double) r.get("ess_per_second")) : "",
          (double) r.get("peak_heap_mb"), means,
          r.containsKey("max_z_vs_handcoded") ? String.format("%.2f", (double) r.get("max_z_vs_handcoded")) : ""));
    }
    return sb.toString();
  }
}
