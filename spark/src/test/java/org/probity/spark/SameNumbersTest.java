package org.probity.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.inference.diagnostics.Draws;
import org.probity.inference.mcmc.HmcKernel;
import org.probity.inference.mcmc.Mcmc;
import org.probity.run.InProcessRunner;
import org.probity.run.Runner;
import org.probity.trace.Predictive;
import org.probity.testkit.laws.SimulationBasedCalibration;

/**
 * Must-have 3: the same seed gives bit-identical results with Spark local[1], local[4] and the
 * in-process runner, for every driver; and the drivers give the numbers of the one-machine calls
 * they distribute (Mcmc.run, the test kit's SBC, Predictive.posteriorFromValues).
 */
class SameNumbersTest {
  private static final long SEED = 20261202L;
  private static final ChainSettings CHAINS = ChainSettings.of(4, 60, 60, SEED);
  private static final List<Object[]> ROWS = Fixtures.rows(6, 8, 7);

  /** Every driver's output on one runner (and, for Spark, fitPerGroup's DataFrame). */
  record Outputs(Draws chains, List<RunSummary> smc, List<RunSummary> importance, Calibration.Result sbc,
      double[][] predictive, List<GroupSummary> groupsMcmc, List<GroupSummary> groupsIs) {
  }

  private static Outputs inProcess;
  private static Outputs local1;
  private static Outputs local4;

  @BeforeAll
  static void runEverywhere() {
    inProcess = outputs(InProcessRunner.parallelRunner(), null);
    for (String master : List.of("local[1]", "local[4]")) {
      SparkSession spark = LocalSpark.start(master);
      try {
        Outputs o = outputs(new SparkRunner(spark), spark);
        if (master.equals("local[1]")) {
          local1 = o;
        } else {
          local4 = o;
        }
      } finally {
        spark.stop();
      }
    }
  }

  private static Outputs outputs(Runner runner, SparkSession spark) {
    Models.NormalMean model = new Models.NormalMean(Fixtures.Y);
    Draws chains = Chains.run(runner, model, () -> HmcKernel.nuts(), CHAINS);
    List<RunSummary> smc = IndependentRuns.smc(runner, model, 100, 6, SEED, Fixtures.MU);
    List<RunSummary> is = IndependentRuns.importance(runner, model, 200, 6, SEED, Fixtures.MU);
    Calibration.Result sbc = Calibration.run(runner, new Models.NormalSbc(), 40, 9, SEED);
    double[][] pp = PosteriorPredictive.simulate(runner, model, draws(chains), 7, SEED);
    List<GroupSummary> gm;
    List<GroupSummary> gi;
    if (spark == null) {
      gm = GroupFits.fitLocal(runner, Fixtures.groups(ROWS), new Models.Intercept(), Algorithm.mcmc(2, 60, 60), SEED);
      gi = GroupFits.fitLocal(runner, Fixtures.groups(ROWS), new Models.InterceptOnly(), Algorithm.importance(300),
          SEED);
    } else {
      gm = GroupFits.collect(GroupFits.fitPerGroup(Fixtures.frame(spark, ROWS), "g", new Models.Intercept(),
          Algorithm.mcmc(2, 60, 60), SEED));
      gi = GroupFits.collect(GroupFits.fitPerGroup(Fixtures.frame(spark, ROWS), "g", new Models.InterceptOnly(),
          Algorithm.importance(300), SEED));
    }
    return new Outputs(chains, smc, is, sbc, pp, gm, gi);
  }

  /** The chains' draws of mu as posterior draws by address. */
  private static List<Map<String, Double>> draws(Draws d) {
    List<Map<String, Double>> out = new ArrayList<>();
    double[][] mu = d.parameter("mu");
    for (double[] chain : mu) {
      for (double x : chain) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("mu", x);
        out.add(m);
      }
    }
    return out;
  }

  @Test
  void chainsAreThoseOfMcmcRunOnOneMachine() {
    Draws one = Mcmc.run(new Models.NormalMean(Fixtures.Y).build(), HmcKernel.nuts(), CHAINS.config()).draws();
    assertEquals(one.parameterNames(), inProcess.chains().parameterNames());
    assertTrue(java.util.Arrays.deepEquals(one.values(), inProcess.chains().values()));
    assertTrue(java.util.Arrays.deepEquals(one.samplerStats(), inProcess.chains().samplerStats()));
  }

  @Test
  void chainsAreBitIdenticalOnSpark() {
    for (Outputs o : List.of(local1, local4)) {
      assertTrue(java.util.Arrays.deepEquals(inProcess.chains().values(), o.chains().values()));
      assertTrue(java.util.Arrays.deepEquals(inProcess.chains().samplerStats(), o.chains().samplerStats()));
    }
    assertEquals(4, local4.chains().numChains());
  }

  @Test
  void independentRunsAreBitIdenticalOnSpark() {
    for (Outputs o : List.of(local1, local4)) {
      assertRuns(inProcess.smc(), o.smc());
      assertRuns(inProcess.importance(), o.importance());
    }
    // the runs differ from one another: each has its own stream
    assertTrue(inProcess.smc().get(0).logEvidence() != inProcess.smc().get(1).logEvidence());
  }

  private static void assertRuns(List<RunSummary> a, List<RunSummary> b) {
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      assertEquals(i, b.get(i).index());
      assertEquals(a.get(i).logEvidence(), b.get(i).logEvidence(), 0.0);
      assertEquals(a.get(i).ess(), b.get(i).ess(), 0.0);
      assertArrayEquals(a.get(i).means(), b.get(i).means(), 0.0);
      assertArrayEquals(a.get(i).sds(), b.get(i).sds(), 0.0);
    }
  }

  @Test
  void sbcRanksAreThoseOfTheTestKitOnOneMachine() {
    Models.NormalSbc p = new Models.NormalSbc();
    SimulationBasedCalibration.Result kit = SimulationBasedCalibration.run(Models.simulator(p), p::posterior, 40, 9,
        SEED);
    assertArrayEquals(kit.counts().get(0), inProcess.sbc().counts());
    assertEquals(kit.chiSquare()[0], inProcess.sbc().chiSquare(), 0.0);
    for (Outputs o : List.of(local1, local4)) {
      assertArrayEquals(inProcess.sbc().counts(), o.sbc().counts());
    }
  }

  @Test
  void predictiveDrawsAreThoseOfPredictiveOnOneMachine() {
    List<Map<String, Double>> draws = draws(inProcess.chains());
    List<Map<org.probity.core.Address, Object>> byAddress = new ArrayList<>();
    for (Map<String, Double> d : draws) {
      byAddress.add(PosteriorPredictive.byAddress(new LinkedHashMap<>(d)));
    }
    double[][] one = Predictive.posteriorFromValues(new Models.NormalMean(Fixtures.Y).build(), byAddress, SEED)
        .matrix();
    assertEquals(240, one.length);
    assertTrue(java.util.Arrays.deepEquals(one, inProcess.predictive()));
    for (Outputs o : List.of(local1, local4)) {
      assertTrue(java.util.Arrays.deepEquals(one, o.predictive()));
    }
  }

  @Test
  void perGroupFitsAreBitIdenticalOnSpark() {
    assertEquals(List.of("lp__", "alpha", "sigma", "value"), inProcess.groupsMcmc().stream()
        .filter(s -> s.group().equals("g0")).map(GroupSummary::quantity).toList());
    assertEquals(6, inProcess.groupsIs().size());
    for (Outputs o : List.of(local1, local4)) {
      assertEquals(inProcess.groupsMcmc(), o.groupsMcmc());
      assertEquals(inProcess.groupsIs(), o.groupsIs());
    }
    GroupSummary g5 = inProcess.groupsMcmc().stream().filter(s -> s.group().equals("g5")
        && s.quantity().equals("alpha")).findFirst().orElseThrow();
    assertTrue(Double.isFinite(g5.rhat()) && g5.essBulk() > 0 && Double.isNaN(g5.logEvidence()));
    GroupSummary i5 = inProcess.groupsIs().get(5);
    assertTrue(Double.isFinite(i5.logEvidence()) && Double.isNaN(i5.rhat()));
  }
}
