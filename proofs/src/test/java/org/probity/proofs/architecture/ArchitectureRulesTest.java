package org.probity.proofs.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The checker itself: planted upward imports and cycles in synthetic sources are caught. */
class ArchitectureRulesTest {

  private static SourceFile file(String module, String pkg, String cls, String... imports) {
    StringBuilder s = new StringBuilder("package " + pkg + ";\n\n");
    for (String i : imports) {
      s.append("import ").append(i).append(";\n");
    }
    s.append("\n/** Doc mentioning org.probity.vi.Nope, which is no dependency. */\npublic final class ").append(cls).append(" {}\n");
    return SourceFile.parse(module, module + "/" + pkg.replace('.', '/') + "/" + cls + ".java", s.toString());
  }

  /** A small tree that obeys every rule. */
  private static List<SourceFile> clean() {
    List<SourceFile> s = new ArrayList<>();
    s.add(file("ppl-core", "org.probity.ad", "Real"));
    s.add(file("ppl-core", "org.probity.random", "Rngs"));
    s.add(file("ppl-core", "org.probity.dist", "Normal", "org.probity.ad.Real", "org.probity.random.Rngs"));
    s.add(file("ppl-core", "org.probity.core", "Prob", "org.probity.dist.Normal"));
    s.add(file("ppl-core", "org.probity.semantics", "Enumeration", "org.probity.core.Prob"));
    s.add(file("ppl-core", "org.probity", "Probity", "org.probity.core.Prob", "org.probity.dist.*"));
    s.add(file("testkit", "org.probity.testkit", "Property", "org.probity.core.Prob"));
    s.add(file("inference", "org.probity.inference.smc", "Smc", "org.probity.core.Prob"));
    s.add(file("vi", "org.probity.vi", "Elbo", "org.probity.inference.smc.Smc"));
    s.add(file("examples", "org.probity.examples", "Coin", "static org.probity.Probity.*", "org.probity.vi.Elbo"));
    s.add(file("proofs", "org.probity.proofs", "Proof", "org.probity.examples.Coin"));
    s.add(file("bench", "org.probity.bench", "Bench", "org.probity.examples.Coin"));
    return s;
  }

  private static List<String> withPlanted(SourceFile planted) {
    List<SourceFile> s = clean();
    s.add(planted);
    return ArchitectureRules.check(s);
  }

  @Test
  void aCleanTreeHasNoViolations() {
    assertEquals(List.of(), ArchitectureRules.check(clean()));
  }

  @Test
  void parsingSeesImportsStaticImportsAndQualifiedNamesButNotCommentsOrStrings() {
    SourceFile f = SourceFile.parse("ppl-core", "X.java", """
        package org.probity.semantics;
        import org.probity.core.Prob;
        import static org.probity.Probity.sample;
        import org.probity.dist.*;
        // import org.probity.inference.Smc;
        /* org.probity.vi.Elbo */
        class X {
          Object o = org.probity.random.Rngs.of(1);
          String s = "org.probity.examples.Coin";
        }
        """);
    assertEquals("org.probity.semantics", f.pkg());
    assertEquals(Set.of("org.probity.core", "org.probity", "org.probity.dist", "org.probity.random"), f.uses());
  }

  @Test
  void detectsAPlantedUpwardImportBetweenModules() {
    List<String> v = withPlanted(file("ppl-core", "org.probity.core", "Bad", "org.probity.inference.smc.Smc"));
    assertTrue(v.stream().anyMatch(s -> s.contains("module ppl-core uses org.probity.inference.smc from module inference")), v.toString());
  }

  @Test
  void detectsUpwardImportsFromEveryModule() {
    Map<String, String> upward = Map.of(
        "testkit", "org.probity.inference.smc.Smc",
        "inference", "org.probity.vi.Elbo",
        "vi", "org.probity.examples.Coin",
        "examples", "org.probity.proofs.Proof",
        "bench", "org.probity.proofs.Proof",
        "proofs", "org.probity.bench.Bench");
    upward.forEach((module, target) -> {
      List<String> v = withPlanted(file(module, "org.probity.planted." + module.replace("-", ""), "Bad", target));
      assertTrue(v.stream().anyMatch(s -> s.contains("module " + module + " uses")), module + ": " + v);
    });
  }

  @Test
  void detectsAPlantedUpwardImportBetweenCorePackages() {
    List<String> v = withPlanted(file("ppl-core", "org.probity.dist", "Bad", "org.probity.core.Prob"));
    assertTrue(v.stream().anyMatch(s -> s.contains("package org.probity.dist (layer dist) uses org.probity.core (layer core)")), v.toString());
    v = withPlanted(file("ppl-core", "org.probity.ad", "Bad", "org.probity.random.Rngs"));
    assertTrue(v.stream().anyMatch(s -> s.contains("layer ad")), v.toString());
    v = withPlanted(file("ppl-core", "org.probity.core", "Bad", "static org.probity.Probity.sample"));
    assertTrue(v.stream().anyMatch(s -> s.contains("(layer core) uses org.probity (layer facade)")), v.toString());
  }

  @Test
  void detectsAnUnknownCorePackage() {
    List<String> v = withPlanted(file("ppl-core", "org.probity.util", "Helper"));
    assertTrue(v.stream().anyMatch(s -> s.contains("org.probity.util of ppl-core is in no known layer")), v.toString());
  }

  @Test
  void detectsAPackageCycleWithinAModule() {
    List<SourceFile> s = clean();
    s.add(file("inference", "org.probity.inference.mcmc", "Mh", "org.probity.inference.smc.Smc"));
    s.add(file("inference", "org.probity.inference.smc", "Rejuvenate", "org.probity.inference.mcmc.Mh"));
    List<String> v = ArchitectureRules.check(s);
    assertEquals(1, v.size(), v.toString());
    assertTrue(v.get(0).startsWith("package cycle [org.probity.inference.mcmc, org.probity.inference.smc]"), v.get(0));
  }

  @Test
  void facadeAndSemanticsUsingEachOtherIsACycle() {
    List<SourceFile> s = clean();
    s.add(file("ppl-core", "org.probity", "Probity2", "org.probity.semantics.Enumeration"));
    s.add(file("ppl-core", "org.probity.semantics", "Bad", "static org.probity.Probity.sample"));
    List<String> v = ArchitectureRules.check(s);
    assertTrue(v.stream().anyMatch(x -> x.startsWith("package cycle [org.probity, org.probity.semantics]")), v.toString());
  }

  @Test
  void tarjanFindsEveryCycleAndNoFalseOnes() {
    Map<String, Set<String>> g = Map.of(
        "a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a", "d"),
        "d", Set.of("e"), "e", Set.of(), "f", Set.of("f"), "g", Set.of("e"));
    assertEquals(List.of(Set.of("a", "b", "c"), Set.of("f")),
        Tarjan.cycles(g).stream().sorted((x, y) -> x.iterator().next().compareTo(y.iterator().next())).toList());
    assertEquals(List.of(), Tarjan.cycles(Map.of("x", Set.of("y"), "y", Set.of())));
  }

  @Test
  void nodeDispatchOutsideTheLoopIsFoundButCommentsStringsAndOtherTypesAreNot() {
    NodeDispatch.SourceText bad = new NodeDispatch.SourceText("inference/src/main/java/org/probity/inference/X.java", """
        package org.probity.inference;
        import org.probity.core.Pure;
        class X {
          // if (n instanceof Sample s) in a comment is fine
          String t = "instanceof Observe";
          boolean a(Object n) { return n instanceof org.probity.core.Factor; }
          boolean b(Object n) { return n instanceof Weighted w; }
          int c(Object n) { switch (n) { case Pure p -> { return 1; } default -> { return 0; } } }
          Object d() { return Independent.markerOf(null); }
        }
        """);
    java.util.List<String> v = NodeDispatch.violations(java.util.List.of(bad));
    assertEquals(2, v.size(), v.toString());
    assertTrue(v.get(0).contains("Factor") && v.get(1).contains("Pure"), v.toString());
    NodeDispatch.SourceText other = new NodeDispatch.SourceText("ppl-core/src/main/java/org/probity/data/Y.java", """
        package org.probity.data;
        class Y { boolean a(Object n) { return n instanceof Factor; } }
        """);
    assertEquals(java.util.List.of(), NodeDispatch.violations(java.util.List.of(other)), "another package's Factor type");
    NodeDispatch.SourceText loop = new NodeDispatch.SourceText("ppl-core/src/main/java/org/probity/core/Interpreter.java",
        "package org.probity.core; class Interpreter { boolean a(Object n) { return n instanceof Sample; } }");
    assertEquals(java.util.List.of(), NodeDispatch.violations(java.util.List.of(loop)));
  }
}
