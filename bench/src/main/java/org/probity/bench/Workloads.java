package org.probity.bench;

import org.probity.bench.api.Workload;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.probity.bench.workloads.EightSchoolsNutsWorkload;
import org.probity.bench.workloads.EightSchoolsWorkload;
import org.probity.bench.workloads.HmmSmcWorkload;
import org.probity.bench.workloads.LogDensityWorkload;
import org.probity.bench.workloads.LogisticMhWorkload;
import org.probity.bench.workloads.LogisticNutsWorkload;
import org.probity.bench.workloads.SweepMhWorkload;
import org.probity.bench.workloads.MixtureMhWorkload;
import org.probity.bench.workloads.VaeWorkload;
import org.probity.bench.workloads.ViLogisticWorkload;

/** The registry of workloads by name, in the order they run. */
public final class Workloads {
  private Workloads() {
  }

  /** Every workload, by name. */
  public static Map<String, Workload> all() {
    Map<String, Workload> m = new LinkedHashMap<>();
    for (Workload w : List.of(new HmmSmcWorkload(), new HmmSmcWorkload(true), new LogisticMhWorkload(), new MixtureMhWorkload(),
        new EightSchoolsWorkload(), new SweepMhWorkload(), new LogDensityWorkload(), new LogisticNutsWorkload(), new EightSchoolsNutsWorkload(),
        new ViLogisticWorkload(), new VaeWorkload())) {
      m.put(w.name(), w);
    }
    return m;
  }
}
