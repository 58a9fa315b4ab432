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
import org.probity.inference.diagnostics.Summary;
import org.probity.inference.mcmc.Kernel;
import org.probity.inference.mcmc.Kernels;
import org.probity.inference.mcmc.Mcmc;
import org.probity.inference.mcmc.McmcConfig;
import org.probity.inference.mcmc.McmcResult;
import org.probity.semantics.ImportanceSampling;
import org.probity.semantics.WeightedSample;
import org.probity.trace.Selection;

/**
 * Keeps the README's models honest: the code between each pair of markers below must equal the
 * README's {@code java} block of that rank (import lines aside, which must appear among this file's
 * imports), and it must compile, run and give the known answer.
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

  /** The README's second snippet, verbatim between the markers: a model with eight parameters in direct style. */
  private static McmcResult<Real> readmeSnippet2() {
    // README2:begin
    // Blood pressure of 30 patients against six measurements, all z-scored: a linear regression
    // bp_i ~ Normal(alpha + b_age age_i + ... + b_sleep sleep_i, sigma) with eight parameters.
    double[] age      = {1.30, 0.56, 0.76, 1.32, 0.22, 0.97, 0.55, 0.27, -0.36, -0.19, 0.45, 0.01, -1.74, -0.43, -1.00,
                          -0.71, 0.20, 0.31, -0.94, 0.38, -3.15, -0.70, 0.52, 0.14, -0.73, 0.45, 1.10, -1.46, 1.46, 0.42};
    double[] bmi      = {-0.32, -1.15, -0.57, 2.11, -0.61, -2.08, 0.96, 0.61, 0.17, 0.34, -1.29, -0.05, -0.30, 0.74, 1.18,
                          -0.13, -1.44, -1.66, -0.41, 0.68, 1.55, -0.64, 0.37, 0.42, 1.45, 0.39, -0.45, -0.90, -0.05, 1.06};
    double[] dose     = {-0.03, -0.22, -0.45, 1.40, 0.13, 0.88, 0.86, 0.17, -0.88, -0.76, -2.08, 1.03, 0.50, -0.17, -0.09,
                          0.40, 1.10, 0.09, 0.22, -1.64, 0.61, -2.67, 0.34, 0.15, -0.87, 0.98, 0.65, 0.31, 1.48, -1.41};
    double[] sodium   = {0.26, -0.23, 0.39, 1.19, 0.30, -2.20, -1.40, -1.41, 1.61, -1.61, 0.68, 0.50, 0.14, 0.22, -0.42,
                          -0.82, -0.24, 1.01, -0.22, -0.01, 1.74, -1.40, -0.57, 0.62, -0.08, 1.36, 1.05, -0.91, 0.89, -0.43};
    double[] activity = {-0.16, 0.16, 0.12, 0.40, -1.36, -0.12, -2.23, 0.18, -1.61, -0.11, -1.28, 1.41, 1.00, 0.46, 0.05,
                          0.26, -1.71, 1.39, 0.03, -1.03, -0.19, 1.05, 0.34, 0.71, -1.61, 0.23, 0.91, 1.04, 0.25, 1.43};
    double[] sleep    = {-0.45, -0.40, -0.56, 0.98, -0.44, 1.32, -1.70, 2.64, -1.02, 1.70, -0.69, 0.93, -0.12, 0.43, -0.47,
                          -0.06, 1.65, 1.16, 0.18, -1.49, -0.71, -0.61, -0.26, -0.59, 0.34, -1.03, 0.65, -0.34, -0.48, -0.58};
    double[] bp       = {0.70, -0.56, 0.29, 0.47, 0.34, -0.67, 0.58, -0.16, 1.13, 0.64, 0.49, -1.02, -0.87, -0.02, 0.01,
                          -1.12, -0.40, 0.62, -0.40, 1.86, -0.51, 0.50, -0.11, 0.27, 1.66, 0.16, -0.94, -1.20, -0.04, 0.70};

    Prob<Real> regression = model(m -> {
        Real alpha    = m.sample("alpha", normal(0, 1));
        Real bAge     = m.sample("b_age", normal(0, 1));
        Real bBmi     = m.sample("b_bmi", normal(0, 1));
        Real bDose    = m.sample("b_dose", normal(0, 1));
        Real bSodium  = m.sample("b_sodium", normal(0, 1));
        Real bActive  = m.sample("b_activity", normal(0, 1));
        Real bSleep   = m.sample("b_sleep", normal(0, 1));
        Real sigma    = m.sample("sigma", halfNormal(1));
        m.plate("bp", bp, i -> normal(alpha.plus(bAge.times(age[i])).plus(bBmi.times(bmi[i]))
            .plus(bDose.times(dose[i])).plus(bSodium.times(sodium[i]))
            .plus(bActive.times(activity[i])).plus(bSleep.times(sleep[i])), sigma));
        return sigma;
    });

    List<Kernel<Real>> walks = new ArrayList<>(); // one adaptive random walk per parameter, in turn
    for (String name : List.of("alpha", "b_age", "b_bmi", "b_dose", "b_sodium", "b_activity", "b_sleep", "sigma")) {
        walks.add(Kernels.adaptiveRandomWalk(Selection.names(name), 0.1));
    }
    McmcResult<Real> fit = Mcmc.run(regression, Kernels.cycle(walks), McmcConfig.defaults().seed(1));
    System.out.println(fit.summary());
    // README2:end
    return fit;
  }

  @Test
  void manyParameterSnippetFindsTheExactPosteriorMeans() {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    McmcResult<Real> fit;
    try {
      fit = readmeSnippet2();
    } finally {
      System.setOut(old);
    }
    String out = buf.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("b_activity"), out);
    double[] exact = ExactRegression.posteriorMeans();
    String[] names = {"alpha", "b_age", "b_bmi", "b_dose", "b_sodium", "b_activity", "b_sleep", "sigma"};
    for (int j = 0; j < names.length; j++) {
      Summary s = fit.summary().row(names[j]).orElseThrow();
      assertTrue(s.rhat() < 1.05, names[j] + " R-hat " + s.rhat());
      assertEquals(exact[j], s.mean(), 5 * s.mcseMean(), names[j] + " (exact posterior mean by quadrature over sigma)");
    }
  }

  @Test
  void readmeShowsExactlyTheTestedCode() throws Exception {
    List<List<String>> blocks = new ArrayList<>();
    List<String> imports = new ArrayList<>();
    List<String> block = null;
    for (String line : Files.readAllLines(README)) {
      if (block == null && line.strip().equals("```java")) {
        block = new ArrayList<>();
      } else if (block != null && line.strip().equals("```")) {
        blocks.add(block);
        block = null;
      } else if (block != null && line.startsWith("import ")) {
        imports.add(line.strip());
      } else if (block != null) {
        block.add(line);
      }
    }
    assertEquals(2, blocks.size(), "java blocks in " + README.toAbsolutePath());
    List<String> self = Files.readAllLines(SELF);
    String[] markers = {"README", "README2"};
    for (int b = 0; b < markers.length; b++) {
      int begin = self.indexOf("    // " + markers[b] + ":begin");
      int end = self.indexOf("    // " + markers[b] + ":end");
      assertTrue(begin >= 0 && end > begin, markers[b] + " markers not found in " + SELF);
      List<String> tested = self.subList(begin + 1, end).stream().map(l -> l.length() >= 4 ? l.substring(4) : l.strip()).toList();
      assertEquals(String.join("\n", tested).strip(), String.join("\n", blocks.get(b)).strip(),
          "java block " + (b + 1) + " of README.md and " + SELF + " differ");
    }
    for (String imp : imports) {
      assertTrue(self.contains(imp), "README import not used here: " + imp);
    }
  }
}
