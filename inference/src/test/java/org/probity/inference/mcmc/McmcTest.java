package org.probity.inference.mcmc;

import org.probity.trace.Selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.core.ZeroWeightException;
import org.probity.dist.Normal;
import org.probity.inference.diagnostics.Draws;
import org.probity.inference.diagnostics.StanCsv;

class McmcTest {
  static Prob<Real> shaped() {
    return sample(addr("beta", 0), normal(0, 1)).flatMap(b0 ->
        sample("theta", Normal.of(0, 1).iid(3)).flatMap(th ->
            sample("flag", bernoulli(0.5)).flatMap(f ->
                observe(normal(b0.plus(th[0]), 1.0), Real.of(0.7)).then(() -> pure(b0)))));
  }

  @Test
  void resultsDoNotDependOnTheThreadCount() {
    Kernel<Real> k = Kernels.cycle(Kernels.mh(), Kernels.adaptiveRandomWalk(Selection.names("beta"), 1.0));
    McmcConfig cfg = McmcConfig.defaults().warmup(50).samples(100).seed(11);
    McmcResult<Real> one = Mcmc.run(shaped(), k, cfg.threads(1));
    McmcResult<Real> four = Mcmc.run(shaped(), k, cfg.threads(4));
    // The choice columns, then the return value (b0) as the derived column "value".
    assertEquals(List.of("beta.1", "theta.1", "theta.2", "theta.3", "flag", "value"), one.names());
    assertArrayEquals(one.column("beta.1")[2], one.column("value")[2]);
    assertEquals(one.column("value")[3][7], one.returnValues().get(3).get(7).value());
    for (int c = 0; c < 4; c++) {
      for (int i = 0; i < 100; i++) {
        assertArrayEquals(one.draws().values()[c][i], four.draws().values()[c][i]);
      }
    }
    assertArrayEquals(one.draws().samplerStat("lp__")[2], four.draws().samplerStat("lp__")[2]);
    McmcResult<Real> other = Mcmc.run(shaped(), k, cfg.seed(12));
    assertTrue(one.draws().values()[0][99][0] != other.draws().values()[0][99][0]);
  }

  @Test
  void startsAtAValidPointOrFailsNamingTheSite() {
    Prob<Real> impossible = sample("x", normal(0, 1)).flatMap(x -> observe("y", uniform(10, 11), Real.of(0.5)).then(() -> pure(x)));
    McmcChainException e = assertThrows(McmcChainException.class,
        () -> Mcmc.run(impossible, Kernels.mh(), McmcConfig.defaults().samples(10).warmup(0).maxInitAttempts(5)));
    assertTrue(e.getCause() instanceof ZeroWeightException, String.valueOf(e.getCause()));
    assertTrue(e.getMessage().contains("observation y") && e.getMessage().contains("at initialisation"),
        e.getMessage());
    // x > 1 has prior probability 0.16: the start is found by retrying and the chain stays there.
    Prob<Real> truncated = sample("x", normal(0, 1)).flatMap(x -> condition(x.value() > 1).then(() -> pure(x)));
    McmcResult<Real> r = Mcmc.run(truncated, Kernels.mh(), McmcConfig.defaults().warmup(0).samples(200).seed(3));
    for (double[] chain : r.column("x")) {
      for (double x : chain) {
        assertTrue(x > 1, "draw " + x);
      }
    }
  }

  @Test
  void thinningAndStanCsvExport(@TempDir Path dir) throws Exception {
    McmcResult<Real> r = Mcmc.run(shaped(), Kernels.mh(), McmcConfig.defaults().chains(2).warmup(10).samples(20).thin(3).seed(1));
    assertEquals(20, r.draws().numIterations());
    for (double[] a : r.draws().samplerStat("accept_stat__")) {
      for (double v : a) {
        assertTrue(v == 0 || v == 1.0 / 3 || v == 2.0 / 3 || v == 1, "accept stat " + v);
      }
    }
    List<Path> files = r.writeStanCsv(dir, "shaped", "shaped");
    assertEquals(2, files.size());
    Draws back = StanCsv.read(files);
    assertArrayEquals(r.column("theta.2")[1], back.parameter("theta.2")[1], 1e-5);
    assertTrue(Files.readString(files.get(0)).contains("lp__"));
    String table = r.summary().toString();
    assertTrue(table.contains("theta.3") && table.contains("lp__"), table);
  }
}
