package org.probity.proofs.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every public method of the user-facing entry points (the facade, the data readers, the plots and
 * the inference entry points) documents each parameter with {@code @param} and a result with
 * {@code @return} (issue 13: "every public method of the facade, the data, plots and inference
 * entry points documents its parameters"). The check reads the sources; a reflection cross-check
 * makes sure the scanner sees every public method the compiled class declares.
 */
class DocTagsTest {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  /** Source path (from the repository root) and class name of each checked entry point. */
  static final List<String[]> ENTRY_POINTS = List.of(
      new String[] {"ppl-core/src/main/java/org/probity/Probity.java", "org.probity.Probity"},
      new String[] {"ppl-core/src/main/java/org/probity/data/Data.java", "org.probity.data.Data"},
      new String[] {"ppl-core/src/main/java/org/probity/data/Factor.java", "org.probity.data.Factor"},
      new String[] {"ppl-core/src/main/java/org/probity/data/StrictJson.java", "org.probity.data.StrictJson"},
      new String[] {"inference/src/main/java/org/probity/inference/plots/Plots.java", "org.probity.inference.plots.Plots"},
      new String[] {"inference/src/main/java/org/probity/inference/plots/Plot.java", "org.probity.inference.plots.Plot"},
      new String[] {"inference/src/main/java/org/probity/inference/mcmc/Mcmc.java", "org.probity.inference.mcmc.Mcmc"},
      new String[] {"inference/src/main/java/org/probity/inference/mcmc/McmcConfig.java", "org.probity.inference.mcmc.McmcConfig"},
      new String[] {"inference/src/main/java/org/probity/inference/mcmc/McmcResult.java", "org.probity.inference.mcmc.McmcResult"},
      new String[] {"inference/src/main/java/org/probity/inference/smc/Smc.java", "org.probity.inference.smc.Smc"},
      new String[] {"inference/src/main/java/org/probity/inference/smc/SmcConfig.java", "org.probity.inference.smc.SmcConfig"},
      new String[] {"inference/src/main/java/org/probity/inference/smc/SmcResult.java", "org.probity.inference.smc.SmcResult"},
      new String[] {"ppl-core/src/main/java/org/probity/semantics/ImportanceSampling.java", "org.probity.semantics.ImportanceSampling"},
      new String[] {"ppl-core/src/main/java/org/probity/semantics/WeightedSample.java", "org.probity.semantics.WeightedSample"},
      new String[] {"ppl-core/src/main/java/org/probity/semantics/Enumerator.java", "org.probity.semantics.Enumerator"},
      new String[] {"ppl-core/src/main/java/org/probity/semantics/Enumeration.java", "org.probity.semantics.Enumeration"},
      new String[] {"vi/src/main/java/org/probity/vi/Vi.java", "org.probity.vi.Vi"});

  @Test
  void everyPublicMethodOfTheEntryPointsDocumentsItsParametersAndResult() throws IOException {
    List<String> problems = new ArrayList<>();
    for (String[] entry : ENTRY_POINTS) {
      problems.addAll(DocTags.problems(entry[0], Files.readString(ROOT.resolve(entry[0]))));
    }
    assertTrue(problems.isEmpty(), problems.size() + " missing Javadoc tag(s):\n  " + String.join("\n  ", problems));
  }

  @Test
  void theScannerSeesEveryPublicMethodTheClassDeclares() throws Exception {
    for (String[] entry : ENTRY_POINTS) {
      Set<String> scanned = new TreeSet<>();
      for (DocTags.Member m : DocTags.members(Files.readString(ROOT.resolve(entry[0])))) {
        scanned.add(m.name() + "/" + m.params().size());
      }
      Class<?> type = Class.forName(entry[1]);
      Set<String> missing = new TreeSet<>();
      for (Method m : type.getDeclaredMethods()) {
        if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge() && !implicit(type, m)
            && !scanned.contains(m.getName() + "/" + m.getParameterCount())) {
          missing.add(m.getName() + "/" + m.getParameterCount());
        }
      }
      assertTrue(missing.isEmpty(), entry[0] + ": the scanner missed public method(s) " + missing);
    }
  }

  /** Record accessors and the record's equals/hashCode/toString, unless written out. */
  private static boolean implicit(Class<?> type, Method m) {
    if (!type.isRecord()) {
      return false;
    }
    for (var c : type.getRecordComponents()) {
      if (c.getName().equals(m.getName()) && m.getParameterCount() == 0) {
        return true;
      }
    }
    return Set.of("equals", "hashCode", "toString").contains(m.getName());
  }

  @Test
  void aMissingTagIsReported() {
    String source = """
        package p;
        /** A type. */
        public final class T {
          private static final java.util.function.Function<Integer, Integer> F = x -> { return x + 1; };
          /** Documented. @param a the a @param b the b @return the sum */
          public static int add(int a, java.util.Map<String, Integer> b) { return a; }
          /** Half documented. @param a the a */
          public int twice(int a, @SuppressWarnings("x") final String... names) { if (a > 0) { return 1; } return 2; }
          /** No result. @param a the a */
          public void run(int a) {}
          public static <X> void bare(X x) {}
          /** A constructor. */
          public T(int size) {}
          /** Not public. */
          int hidden(int q) { return q; }
          @Override
          public String toString() { return "T"; }
          private static final class Inner { public int inner(int z) { return z; } }
          /** Nested public. */
          public interface Api {
            /** Implicitly public. */
            double value(double at);
          }
        }
        """;
    assertEquals(List.of(
            "T.java: T.twice(a, names): no @param names",
            "T.java: T.twice(a, names): no @return",
            "T.java: T.bare(x): no Javadoc",
            "T.java: T.T(size): no @param size",
            "T.java: Api.value(at): no @param at",
            "T.java: Api.value(at): no @return"),
        DocTags.problems("T.java", source));
  }
}
