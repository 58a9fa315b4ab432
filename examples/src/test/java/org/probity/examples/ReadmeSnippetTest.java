package org.probity.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.semantics.ImportanceSampling;
import org.probity.semantics.WeightedSample;

/**
 * Keeps the README's model honest: the code between the markers below must equal the README's
 * first {@code java} block (import lines aside, which must appear among this file's imports), and
 * it must compile and run.
 */
class ReadmeSnippetTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Path SELF = Path.of("src/test/java/org/probity/examples/ReadmeSnippetTest.java");

  @Test
  void snippetRunsAndItsPosteriorIsTheConjugateOne() {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    WeightedSample<Real> posterior;
    try {
      posterior = readmeSnippet();
    } finally {
      System.setOut(old);
    }
    String out = buf.toString(StandardCharsets.UTF_8);
    assertTrue(out.startsWith("p "), out);
    double mcse = Math.sqrt(posterior.variance(Real::value) / posterior.ess());
    assertEquals(9.0 / 14, posterior.expectation(Real::value), 5 * mcse);
  }

  /** The README's code, verbatim between the markers. */
  private static WeightedSample<Real> readmeSnippet() {
    // README:begin
    // A coin of unknown bias p ~ Beta(2, 2) comes up heads 7 times in 10 flips.
    List<Boolean> flips = List.of(true, true, false, true, true, true, false, true, false, true);

    Prob<Real> coin =
        sample(beta(2, 2), p ->
        forEach(flips, flip -> observe(bernoulli(p), flip))
        .map(done -> p));

    WeightedSample<Real> posterior = ImportanceSampling.run(coin, 20_000, 42);
    System.out.println(posterior.summary("p", Real::value));
    // README:end
    return posterior;
  }

  @Test
  void readmeShowsExactlyTheTestedCode() throws Exception {
    List<String> readme = new ArrayList<>();
    List<String> imports = new ArrayList<>();
    boolean in = false;
    for (String line : Files.readAllLines(README)) {
      if (!in && line.strip().equals("```java")) {
        in = true;
      } else if (in && line.strip().equals("```")) {
        break;
      } else if (in && line.startsWith("import ")) {
        imports.add(line.strip());
      } else if (in) {
        readme.add(line);
      }
    }
    assertTrue(readme.size() > 5, "no java block in " + README.toAbsolutePath());
    List<String> self = Files.readAllLines(SELF);
    int begin = self.indexOf("    // README:begin");
    int end = self.indexOf("    // README:end");
    assertTrue(begin >= 0 && end > begin, "markers not found in " + SELF);
    List<String> tested = self.subList(begin + 1, end).stream().map(l -> l.length() >= 4 ? l.substring(4) : l.strip()).toList();
    assertEquals(String.join("\n", tested).strip(), String.join("\n", readme).strip(), "README.md and " + SELF + " differ");
    for (String imp : imports) {
      assertTrue(self.contains(imp), "README import not used here: " + imp);
    }
  }
}
