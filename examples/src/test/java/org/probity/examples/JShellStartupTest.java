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
    try (JShellReplay r = new JShellReplay()) {
      r.script(Path.of("src/main/jshell/startup.jsh"));
      JShellReplay js = r;
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
      // NUTS, tempered SMC, composite and VI are imported too
      eval(js, "HmcConfig h = HmcConfig.defaults();");
      eval(js, "Class<?> t = TemperedSmc.class; Class<?> pg = ParticleGibbs.class; Class<?> sel = Selection.class;");
      eval(js, "ParamStore store = new ParamStore();");
      eval(js, "Generative<Real> g = Vi.generative(sample(\"mu\", normal(0, 1)));");
      eval(js, "Class<?> o = Optimize.class; Class<?> a = Adam.class; Class<?> est = Estimator.class;");
      // results print as tables, not object ids
      for (String v : List.of("r", "s", "e", "Sampler.run(m, 1)", "ImportanceSampling.run(m, 100, 1)", "store")) {
        String text = eval(js, v);
        assertTrue(!text.matches("(?s).*@[0-9a-f]{5,}.*"), v + " prints " + text);
      }
      assertTrue(eval(js, "s").contains("mean"), eval(js, "s"));
    }
  }

  private static String eval(JShellReplay js, String code) {
    return js.eval(code);
  }
}
