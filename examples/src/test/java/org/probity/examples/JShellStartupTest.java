package org.probity.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.Test;

/**
 * The startup script of {@code ./probity jshell} (src/main/jshell/startup.jsh) compiles against the
 * current API, and {@code var m = sample(normal(0, 1));} works right after it.
 */
class JShellStartupTest {

  @Test
  void startupScriptImportsTheModellingApi() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("src/main/jshell/startup.jsh"));
    try (JShell js = JShell.builder().executionEngine("local").build()) {
      String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
      for (String entry : cp.split(File.pathSeparator)) {
        js.addToClasspath(entry);
      }
      for (String line : lines) {
        if (!line.isBlank() && !line.startsWith("//")) {
          eval(js, line);
        }
      }
      eval(js, "var m = sample(normal(0, 1));");
      assertEquals("0.0", eval(js, "Sampler.run(m, 42).logWeight()"));
      double p = Double.parseDouble(eval(js, "Enumerator.enumerate(sample(bernoulli(0.3))).probability(true)"));
      assertEquals(0.3, p, 1e-12);
      assertEquals("true", eval(js, "Real.of(2).times(3).value() == 6.0"));
      // The rest of the API: data, inference entry points, diagnostics, plots, progress.
      eval(js, "java.nio.file.Path csv = java.nio.file.Files.createTempFile(\"probity\", \".csv\");");
      eval(js, "java.nio.file.Files.writeString(csv, \"g,y\\nb,1\\na,2\\n\");");
      eval(js, "Data d = Data.csv(csv);");
      eval(js, "Factor g = d.factor(\"g\");");
      assertEquals("2", eval(js, "g.codes()[0]"));
      eval(js, "McmcResult<Real> r = Mcmc.run(sample(\"mu\", normal(0, 1)), Kernels.mh(),"
          + " McmcConfig.defaults().chains(2).warmup(10).samples(20).seed(1));");
      eval(js, "java.util.List<Problem> problems = Warnings.check(r.draws());");
      eval(js, "Plot p = Plots.trace(r.draws(), \"mu\");");
      eval(js, "String json = ArvizJson.builder(r.draws()).toJson();");
      eval(js, "SmcResult<Real> s = Smc.run(sample(\"mu\", normal(0, 1)), 10, 1);");
      eval(js, "StanCsv.Algorithm a = StanCsv.Algorithm.unspecified();");
      eval(js, "Progress q = Progress.silent();");
      eval(js, "Enumeration<Boolean> e = Enumerator.enumerate(sample(bernoulli(0.5)));");
    }
  }

  private static String eval(JShell js, String code) {
    List<SnippetEvent> events = js.eval(code);
    assertTrue(!events.isEmpty(), code);
    String value = null;
    for (SnippetEvent e : events) {
      String diags = js.diagnostics(e.snippet()).map(d -> d.getMessage(null)).toList().toString();
      assertEquals(Snippet.Status.VALID, e.status(), code + ": " + diags);
      assertNull(e.exception(), code + ": " + e.exception());
      if (e.value() != null) {
        value = e.value().replace("\"", "");
      }
    }
    return value;
  }
}
