package org.probity.proofs.architecture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The dependency rules of docs/ARCHITECTURE.md, checked over parsed sources: (a) modules depend
 * only downwards (ppl-core <- inference <- vi <- examples <- proofs, bench; ppl-core <- testkit, a
 * test-scoped dependency of the modules above); (b) inside ppl-core,
 * each package layer uses only the layers listed for it; (c) no cycles among packages anywhere.
 * {@link #check} returns every violation as a sentence naming the file and the reference.
 */
final class ArchitectureRules {
  /** Each module and the modules it may use (besides itself). */
  static final Map<String, Set<String>> MODULES = modules();

  /** Each ppl-core package layer and the layers it may use (besides itself). */
  static final Map<String, Set<String>> CORE_LAYERS = coreLayers();

  /** The layer name of the root facade package {@code org.probity} (Probity.java). */
  static final String FACADE = "facade";

  private ArchitectureRules() {
  }

  private static Map<String, Set<String>> modules() {
    Map<String, Set<String>> m = new LinkedHashMap<>();
    m.put("ppl-core", Set.of());
    // the test kit sits on ppl-core alone, so that inference's tests (and every module's above) can use it
    m.put("testkit", Set.of("ppl-core"));
    m.put("inference", Set.of("ppl-core"));
    m.put("vi", Set.of("ppl-core", "inference"));
    m.put("examples", Set.of("ppl-core", "inference", "vi"));
    m.put("proofs", Set.of("ppl-core", "testkit", "inference", "vi", "examples"));
    m.put("bench", Set.of("ppl-core", "inference", "vi", "examples"));
    // scale-out on Apache Spark: on top, beside bench; nothing uses it
    m.put("spark", Set.of("ppl-core", "inference", "vi", "examples"));
    return m;
  }

  private static Map<String, Set<String>> coreLayers() {
    Map<String, Set<String>> m = new LinkedHashMap<>();
    m.put("ad", Set.of());
    m.put("random", Set.of());
    m.put("dist", Set.of("ad", "random"));
    m.put("bijection", Set.of("ad", "dist"));
    m.put("core", Set.of("ad", "dist", "random"));
    m.put("progress", Set.of());
    // the one run-driver interface (independent tasks of (seed, index)), below every driver
    m.put("run", Set.of("core"));
    m.put("semantics", Set.of("core", "dist", "ad", "random", "progress"));
    m.put("data", Set.of("core"));
    m.put("trace", Set.of("core", "semantics", "dist", "bijection", "ad", "random"));
    m.put("handlers", Set.of("core", "trace", "dist", "ad", "random"));
    m.put(FACADE, Set.of("ad", "random", "dist", "bijection", "core", "semantics", "trace", "handlers", "data",
        "progress", "run"));
    return m;
  }

  /**
   * The ppl-core layer of a package: {@code org.probity} is the facade, {@code org.probity.X} and
   * its sub-packages are layer X; null if it is none of the known layers.
   */
  static String coreLayer(String pkg) {
    if (pkg.equals("org.probity")) {
      return FACADE;
    }
    if (!pkg.startsWith("org.probity.")) {
      return null;
    }
    String rest = pkg.substring("org.probity.".length());
    int dot = rest.indexOf('.');
    String first = dot < 0 ? rest : rest.substring(0, dot);
    return CORE_LAYERS.containsKey(first) && !first.equals(FACADE) ? first : null;
  }

  /** Every violation of rules (a), (b) and (c) in the given sources. */
  static List<String> check(List<SourceFile> sources) {
    List<String> violations = new ArrayList<>();
    Map<String, Set<String>> modulesOfPackage = new TreeMap<>();
    for (SourceFile f : sources) {
      if (!MODULES.containsKey(f.module())) {
        violations.add(f.path() + ": unknown module '" + f.module() + "' (add it to ArchitectureRules.MODULES)");
      }
      modulesOfPackage.computeIfAbsent(f.pkg(), k -> new TreeSet<>()).add(f.module());
    }
    Map<String, Set<String>> packageGraph = new TreeMap<>();
    for (SourceFile f : sources) {
      packageGraph.computeIfAbsent(f.pkg(), k -> new TreeSet<>());
      for (String used : f.uses()) {
        Set<String> targetModules = modulesOfPackage.get(used);
        if (targetModules == null) {
          continue; // not a package of ours (javac would reject it anyway)
        }
        packageGraph.get(f.pkg()).add(used);
        // (a) module layering
        Set<String> allowed = MODULES.getOrDefault(f.module(), Set.of());
        for (String tm : targetModules) {
          if (!tm.equals(f.module()) && !allowed.contains(tm)) {
            violations.add(f.path() + ": module " + f.module() + " uses " + used + " from module " + tm
                + " (" + f.module() + " may use only " + new TreeSet<>(allowed) + ")");
          }
        }
        // (b) package layering inside ppl-core
        if (f.module().equals("ppl-core") && targetModules.contains("ppl-core")) {
          String from = coreLayer(f.pkg());
          String to = coreLayer(used);
          if (to != null && from != null && !from.equals(to) && !CORE_LAYERS.get(from).contains(to)) {
            violations.add(f.path() + ": package " + f.pkg() + " (layer " + from + ") uses " + used + " (layer " + to
                + "); layer " + from + " may use only " + new TreeSet<>(CORE_LAYERS.get(from)));
          }
        }
      }
      if (f.module().equals("ppl-core") && coreLayer(f.pkg()) == null) {
        violations.add(f.path() + ": package " + f.pkg() + " of ppl-core is in no known layer"
            + " (add it to ArchitectureRules.CORE_LAYERS and docs/ARCHITECTURE.md)");
      }
    }
    // (c) no cycles among packages
    for (Set<String> cycle : Tarjan.cycles(packageGraph)) {
      StringBuilder edges = new StringBuilder();
      for (String p : cycle) {
        for (String q : packageGraph.get(p)) {
          if (cycle.contains(q)) {
            edges.append(edges.length() == 0 ? "" : ", ").append(p).append(" -> ").append(q);
          }
        }
      }
      violations.add("package cycle " + cycle + ": " + edges);
    }
    return violations;
  }
}
