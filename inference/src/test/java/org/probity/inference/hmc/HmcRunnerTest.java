package org.probity.inference.hmc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probity.ad.LogDensityFunction;
import org.probity.inference.diagnostics.ArvizJson;
import org.probity.inference.diagnostics.Draws;
import org.probity.inference.diagnostics.StanCsv;

/** The runner: reproducibility across thread counts, continuation, initialisation, conversion to Draws. */
class HmcRunnerTest {
  private static final double[] MEAN = {1.0, -2.0};
  private static final double[][] COV = {{1.0, 1.8}, {1.8, 4.0}};

  private static Targets.Gaussian target() {
    return new Targets.Gaussian(MEAN, COV);
  }

  @Test
  void resultsDoNotDependOnTheNumberOfThreads() {
    for (MetricKind kind : MetricKind.values()) {
      HmcConfig config = HmcConfig.defaults().seed(9).warmup(300).draws(300).metric(kind);
      HmcResult one = Hmc.sample(target(), config.threads(1));
      HmcResult four = Hmc.sample(target(), config.threads(4));
      HmcResult two = Hmc.sample(target(), config.threads(2));
      for (HmcResult other : List.of(four, two)) {
        for (int c = 0; c < 4; c++) {
          assertTrue(java.util.Arrays.deepEquals(one.chain(c).draws(), other.chain(c).draws()), "chain " + c);
          assertEquals(one.chain(c).transitions(), other.chain(c).transitions());
          assertEquals(one.chain(c).warmupTransitions(), other.chain(c).warmupTransitions());
          assertEquals(one.chain(c).stepSize(), other.chain(c).stepSize(), 0.0);
          assertEquals(one.chain(c).metric(), other.chain(c).metric());
        }
      }
      // Different chains, different seeds: different draws.
      assertFalse(java.util.Arrays.equals(one.chain(0).draw(0), one.chain(1).draw(0)));
      assertFalse(java.util.Arrays.equals(one.chain(0).draw(0),
          Hmc.sample(target(), config.seed(10).threads(1)).chain(0).draw(0)));
    }
  }

  @Test
  void aContinuationKeepsTheStepSizeAndMetricAndStartsAtTheLastDraw() {
    HmcConfig config = HmcConfig.defaults().seed(12).warmup(500).draws(500);
    HmcResult first = Hmc.sample(target(), config);
    HmcResult more = Hmc.resume(target(), first, MomentChecks.FULL ? 10_000 : 1_000);
    assertEquals(1, more.segment());
    assertEquals(0, more.config().warmup());
    for (int c = 0; c < 4; c++) {
      assertEquals(first.chain(c).stepSize(), more.chain(c).stepSize(), 0.0);
      assertEquals(first.chain(c).metric(), more.chain(c).metric());
      assertTrue(more.chain(c).warmupTransitions().isEmpty());
      double adapted = first.chain(c).stepSize();
      assertTrue(more.chain(c).transitions().stream().allMatch(t -> t.stepSize() == adapted));
      // Exactly the kernel of the continuation's generator, started at the last draw.
      Nuts nuts = new Nuts(target(), first.chain(c).metric(), first.chain(c).stepSize(), 10, 1000,
          Hmc.generator(12, 1, c));
      nuts.setPosition(first.chain(c).lastDraw());
      for (int i = 0; i < 5; i++) {
        assertEquals(nuts.transition(), more.chain(c).transitions().get(i));
        assertArrayEquals(nuts.position(), more.chain(c).draw(i));
      }
    }
    MomentChecks.meansAndCovariances(more, MEAN, COV);
    // Continuations use fresh random numbers, and are themselves reproducible and continuable.
    assertNotEquals(Hmc.generator(12, 0, 0).nextLong(), Hmc.generator(12, 1, 0).nextLong());
    HmcResult again = Hmc.resume(target(), first, more.numDraws());
    assertEquals(more.chain(3).transitions(), again.chain(3).transitions());
    HmcResult third = Hmc.resume(target(), more, 10);
    assertEquals(2, third.segment());
    assertNotEquals(more.chain(0).transitions().subList(0, 10), third.chain(0).transitions());
  }

  @Test
  void toDrawsUsesStansColumnNames(@TempDir java.nio.file.Path dir) throws java.io.IOException {
    HmcResult r = Hmc.sample(target(), HmcConfig.defaults().seed(3).warmup(200).draws(100).chains(2));
    Draws d = r.toDraws(List.of("mu", "sigma"));
    assertEquals(List.of("mu", "sigma"), d.parameterNames());
    assertEquals(List.of("lp__", "accept_stat__", "stepsize__", "treedepth__", "n_leapfrog__",
        "divergent__", "energy__"), d.samplerStatNames());
    assertEquals(2, d.numChains());
    assertEquals(100, d.numIterations());
    Transition t = r.chain(1).transitions().get(7);
    double[] stats = d.samplerStats()[1][7];
    assertArrayEquals(new double[] {t.logDensity(), t.acceptStat(), t.stepSize(), t.treeDepth(),
        t.nLeapfrog(), t.divergent() ? 1 : 0, t.energy()}, stats, 0.0);
    assertArrayEquals(r.chain(1).draw(7), d.values()[1][7], 0.0);
    assertEquals(-target().logDensity(r.chain(1).draw(7)), -t.logDensity(), 1e-12);
    assertEquals(List.of("theta.1", "theta.2"), r.toDraws().parameterNames());
    assertEquals(2, d.summary().rows().size());

    // The existing exports carry the sampler parameters: Stan CSV round trip, ArviZ sample_stats.
    List<java.nio.file.Path> files = StanCsv.write(d, StanCsv.Header.of("gaussian", 3,
        StanCsv.Algorithm.nuts(r.chain(0).stepSize(), 10, "diag_e", ((org.probity.inference.hmc.DiagonalMetric) r.chain(0).metric()).inverseMetric())), dir, "out");
    Draws back = StanCsv.read(files);
    assertArrayEquals(d.samplerStat("n_leapfrog__")[1], back.samplerStat("n_leapfrog__")[1], 0.0);
    assertArrayEquals(d.parameter("sigma")[0], back.parameter("sigma")[0], 0.0);
    String json = ArvizJson.builder(d).toJson();
    assertTrue(json.contains("\"sample_stats\"") && json.contains("\"diverging\"")
        && json.contains("\"tree_depth\""), json.substring(0, 200));

    HmcResult s = Hmc.sample(target(), HmcConfig.defaults().seed(3).warmup(200).draws(100).staticHmc(3.0));
    assertEquals(List.of("lp__", "accept_stat__", "stepsize__", "int_time__", "energy__"),
        s.toDraws().samplerStatNames());
    assertEquals(3.0, s.toDraws().samplerStats()[0][0][3], 0.0);
  }

  @Test
  void staticHmcWithAdaptationSamplesCorrectly() {
    HmcResult r = Hmc.sample(target(), HmcConfig.defaults().seed(5).staticHmc(3.0)
        .draws(MomentChecks.FULL ? 10_000 : 2_000));
    MomentChecks.meansAndCovariances(r, MEAN, COV);
    for (HmcChain c : r.chains()) {
      int steps = Math.max(1, (int) (3.0 / c.stepSize()));
      assertTrue(c.transitions().stream().allMatch(t -> t.nLeapfrog() == steps && t.treeDepth() == 0));
    }
  }

  @Test
  void warmupLengthsAsStanHandlesThem() {
    // No warm-up: the given step size and the identity metric.
    HmcResult none = Hmc.sample(target(), HmcConfig.defaults().seed(4).warmup(0).stepSize(0.3).draws(50));
    assertEquals(0.3, none.chain(0).stepSize(), 0.0);
    assertEquals(Metric.unit(2), none.chain(0).metric());
    // Fewer than 20 iterations: the step size adapts, the metric does not.
    HmcResult tiny = Hmc.sample(target(), HmcConfig.defaults().seed(4).warmup(15).draws(50));
    assertEquals(Metric.unit(2), tiny.chain(0).metric());
    assertNotEquals(1.0, tiny.chain(0).stepSize());
    // 100 iterations: one slow window (15%/75%/10%), so the metric is estimated once.
    HmcResult shortRun = Hmc.sample(target(), HmcConfig.defaults().seed(4).warmup(100).draws(50).saveWarmup(true));
    double[] inv = ((DiagonalMetric) shortRun.chain(0).metric()).inverseMetric();
    double[][] window = java.util.Arrays.copyOfRange(shortRun.chain(0).warmupDraws(), 15, 90);
    double mean = 0;
    for (double[] x : window) {
      mean += x[1] / window.length;
    }
    double ss = 0;
    for (double[] x : window) {
      ss += (x[1] - mean) * (x[1] - mean);
    }
    double expected = 75 / 80.0 * ss / 74 + 1e-3 * 5 / 80.0;
    assertEquals(expected, inv[1], 1e-12 * expected);
  }

  @Test
  void initialisationFollowsStansRule() {
    // Support x0 > 0 only: random points are retried until one is inside.
    LogDensityFunction halfPlane = new LogDensityFunction() {
      @Override
      public int dimension() {
        return 2;
      }

      @Override
      public double logDensity(double[] x) {
        return x[0] > 0 ? -x[0] - 0.5 * x[1] * x[1] : Double.NEGATIVE_INFINITY;
      }

      @Override
      public double logDensityAndGradient(double[] x, double[] g) {
        g[0] = -1;
        g[1] = -x[1];
        return logDensity(x);
      }
    };
    double[] q = InitialPoint.random(halfPlane, org.probity.random.Rngs.of(1), 2, 100);
    assertTrue(q[0] > 0 && q[0] < 2 && Math.abs(q[1]) < 2);

    // Nowhere finite: the log density is reported, after 100 attempts.
    LogDensityFunction nowhere = new LogDensityFunction() {
      @Override
      public int dimension() {
        return 3;
      }

      @Override
      public double logDensity(double[] x) {
        return Double.NEGATIVE_INFINITY;
      }

      @Override
      public double logDensityAndGradient(double[] x, double[] g) {
        return Double.NEGATIVE_INFINITY;
      }
    };
    InitializationException e = assertThrows(InitializationException.class,
        () -> Hmc.sample(nowhere, HmcConfig.defaults().chains(1)));
    assertEquals(InitializationException.Failure.LOG_DENSITY, e.failure());
    assertEquals(-1, e.coordinate());
    assertEquals(100, e.attempts());
    assertTrue(e.getMessage().contains("(-2.0, 2.0)") && e.getMessage().contains("-Infinity"), e.getMessage());
    for (double x : e.point()) {
      assertTrue(Math.abs(x) < 2);
    }

    // A gradient that is NaN in coordinate 2 is reported with its index.
    LogDensityFunction badGradient = new LogDensityFunction() {
      @Override
      public int dimension() {
        return 4;
      }

      @Override
      public double logDensity(double[] x) {
        return 0;
      }

      @Override
      public double logDensityAndGradient(double[] x, double[] g) {
        java.util.Arrays.fill(g, 0);
        g[2] = Double.NaN;
        return 0;
      }
    };
    e = assertThrows(InitializationException.class,
        () -> Hmc.sample(badGradient, HmcConfig.defaults().chains(2).threads(2)));
    assertEquals(InitializationException.Failure.GRADIENT, e.failure());
    assertEquals(2, e.coordinate());
    assertTrue(Double.isNaN(e.value()));
    assertTrue(e.getMessage().contains("coordinate 2 of the gradient"), e.getMessage());

    // A given initial point is checked once.
    e = assertThrows(InitializationException.class,
        () -> Hmc.sample(halfPlane, HmcConfig.defaults().chains(1), new double[][] {{-1, 0}}));
    assertEquals(1, e.attempts());
    assertArrayEquals(new double[] {-1, 0}, e.point(), 0.0);
    // And used as given.
    HmcResult r = Hmc.sample(halfPlane, HmcConfig.defaults().chains(2).warmup(0).stepSize(0.1).draws(1),
        new double[][] {{0.5, 0.5}});
    assertEquals(2, r.numChains());
  }
}
