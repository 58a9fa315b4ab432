package org.probity.inference.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Stan CSV that Probity writes, read by R ({@code read.csv} with {@code #} comments, as
 * CmdStan's files are read) and summarised by the {@code posterior} package: the same columns,
 * draws and diagnostics (rank-normalised R-hat, bulk and tail ESS) as Probity computes. Runs only
 * where {@code Rscript} with {@code posterior} is installed (Debian: {@code r-cran-posterior});
 * skipped otherwise, saying so.
 */
class StanCsvPosteriorRTest {

  private static final String SCRIPT = """
      files <- commandArgs(trailingOnly = TRUE)
      chains <- lapply(seq_along(files), function(i) {
        d <- utils::read.csv(files[i], comment.char = "#", check.names = FALSE)
        d$.chain <- i
        d$.iteration <- seq_len(nrow(d))
        d
      })
      draws <- posterior::as_draws_df(do.call(rbind, chains))
      cat("niterations", posterior::niterations(draws), "\\n")
      cat("nchains", posterior::nchains(draws), "\\n")
      s <- posterior::summarise_draws(draws, "mean", "rhat", "ess_bulk", "ess_tail")
      for (i in seq_len(nrow(s))) {
        cat(s$variable[i], sprintf("%.17g", s$mean[i]), sprintf("%.17g", s$rhat[i]),
            sprintf("%.17g", s$ess_bulk[i]), sprintf("%.17g", s$ess_tail[i]), "\\n")
      }
      """;

  private static boolean rWithPosterior() {
    try {
      Process p = new ProcessBuilder("Rscript", "-e",
          "quit(status = if (requireNamespace('posterior', quietly = TRUE)) 0 else 3)")
          .redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Test
  void posteriorReadsTheCsvAndAgreesOnTheDiagnostics(@TempDir Path dir) throws Exception {
    assumeTrue(rWithPosterior(), "Rscript with the posterior package is not installed; the Stan"
        + " CSV was not checked against R (install r-cran-posterior to run this test)");
    double[][] ar1 = ReferenceData.draws("ar1_09");
    double[][] iid = ReferenceData.draws("iid_normal");
    int chains = ar1.length;
    int n = ar1[0].length;
    double[][][] values = new double[chains][n][2];
    double[][][] stats = new double[chains][n][2];
    for (int c = 0; c < chains; c++) {
      for (int i = 0; i < n; i++) {
        values[c][i] = new double[] {ar1[c][i], iid[c][i]};
        stats[c][i] = new double[] {-0.5 * ar1[c][i] * ar1[c][i], 1 / (1 + Math.exp(-iid[c][i]))};
      }
    }
    Draws draws = new Draws(List.of("mu", "theta.1"), values, List.of("lp__", "accept_stat__"),
        stats);
    List<Path> files = StanCsv.write(draws, StanCsv.Header.of("ar1", 7,
        StanCsv.Algorithm.named("random_walk_metropolis", Map.of())), dir, "ar1");
    Path script = dir.resolve("check.R");
    Files.writeString(script, SCRIPT);
    List<String> command = new ArrayList<>(List.of("Rscript", script.toString()));
    files.forEach(f -> command.add(f.toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "Rscript did not finish");
    assertEquals(0, p.exitValue(), out);

    Map<String, double[]> rows = new HashMap<>();
    for (String line : out.lines().toList()) {
      String[] f = line.trim().split("\\s+");
      if (f.length == 2 || f.length == 5) {
        double[] v = new double[f.length - 1];
        for (int k = 1; k < f.length; k++) {
          v[k - 1] = f[k].equals("NA") ? Double.NaN : Double.parseDouble(f[k]);
        }
        rows.put(f[0], v);
      }
    }
    assertEquals(n, rows.get("niterations")[0], out);
    assertEquals(chains, rows.get("nchains")[0], out);
    for (String name : List.of("lp__", "accept_stat__", "mu", "theta.1")) {
      double[][] x = name.endsWith("__") ? draws.samplerStat(name) : draws.parameter(name);
      double[] r = rows.get(name);
      assertTrue(r != null, name + " missing from R's summary:\n" + out);
      Summary s = Summary.of(name, x);
      assertTrue(!Double.isNaN(r[1] + r[2] + r[3]), name + ": R gave NA\n" + out);
      assertEquals(s.mean(), r[0], 1e-12 * Math.max(1, Math.abs(s.mean())), name + " mean");
      assertEquals(s.rhat(), r[1], 1e-8, name + " rhat");
      assertEquals(s.essBulk(), r[2], 1e-6 * s.essBulk(), name + " ess_bulk");
      assertEquals(s.essTail(), r[3], 1e-6 * s.essTail(), name + " ess_tail");
    }
  }
}
