package org.probity.inference.tempered;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.bernoulli;
import static org.probity.Probity.categorical;
import static org.probity.Probity.normal;
import static org.probity.Probity.observe;
import static org.probity.Probity.pure;
import static org.probity.Probity.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.core.Address;
import org.probity.core.Prob;
import org.probity.core.ProbityException;
import org.probity.core.ZeroWeightException;
import org.probity.inference.smc.Resampler;
import org.probity.semantics.Enumeration;
import org.probity.semantics.Enumerator;
import org.probity.trace.Trace;
import org.probity.trace.Traces;

/** The pieces of tempered SMC: the schedule, the conditional ESS, exactness on a finite model, reproducibility, errors. */
class TemperedSmcTest {
  static final double[] P = {0.2, 0.5, 0.8};

  /** k ~ Categorical(0.3, 0.4, 0.3); three flips with heads probability P[k] observed as 1, 1, 0. */
  static Prob<Integer> coin() {
    return sample("k", categorical(0.3, 0.4, 0.3), (Integer k) -> observe(bernoulli(P[k]), true,
        () -> observe(bernoulli(P[k]), true, () -> observe(bernoulli(P[k]), false, () -> pure(k)))));
  }

  static TemperedConfig mh(int particles, Schedule schedule) {
    return TemperedConfig.defaults().particles(particles).schedule(schedule).move(Move.mh()).moves(1)
        .resampleThreshold(1.0);
  }

  /** E[Zhat] of the algorithm, by enumeration. */
  static double expectedEvidence(Prob<TemperedPopulation<Integer>> algorithm) {
    Enumeration<Double> e = Enumerator.enumerate(algorithm.map(p -> Math.exp(p.logEvidenceEstimate())));
    return e.expectation(z -> z);
  }

  @Test
  void theEvidenceEstimateOfAFixedScheduleIsUnbiasedByEnumeration() {
    double z = Enumerator.logEvidence(coin());
    for (Schedule s : List.of(Schedule.fixed(1.0), Schedule.fixed(0.5, 1.0), Schedule.linear(3))) {
      double mean = expectedEvidence(TemperedSmc.algorithm(coin(), mh(2, s)));
      assertEquals(Math.exp(z), mean, 1e-12, "schedule " + s);
    }
  }

  @Test
  void theAdaptiveScheduleIsConsistentButNotExactlyUnbiased() {
    // the next temperature depends on the particles, so E[Zhat] differs from Z for 2 particles:
    // what the documentation says about the adaptive schedule, shown on this model (the target
    // 0.9 n: the conditional ESS of 2 particles is at least 1, so a target of n / 2 goes straight to 1)
    double z = Math.exp(Enumerator.logEvidence(coin()));
    double mean = expectedEvidence(TemperedSmc.algorithm(coin(), mh(2, Schedule.adaptive(0.9))));
    assertTrue(Math.abs(mean - z) > 1e-6 * z, "E[Zhat] = " + mean + ", Z = " + z);
    assertTrue(Math.abs(mean - z) < 0.1 * z, "E[Zhat] = " + mean + ", Z = " + z);
  }

  // ---- the conditional ESS and the adaptive schedule ----

  /** x ~ Normal(0, 1); 0 observed from Normal(x, 0.5): log l(x) = log N(0; x, 0.5). */
  static Prob<Real> gaussian() {
    return sample("x", normal(0, 1), x -> observe(normal(x, 0.5), 0.0, () -> pure(x)));
  }

  static TemperedPopulation<Real> population(double[] xs, double[] logWeights, double beta) {
    List<Trace<Real>> ts = new ArrayList<>();
    for (double x : xs) {
      ts.add(Traces.replay(gaussian(), Map.of(Address.of("x"), Real.of(x))));
    }
    return TemperedPopulation.of(ts, logWeights, beta, 0.0, List.of());
  }

  static final double[] XS = {-2.0, -0.7, 0.1, 0.4, 1.3, 2.5};
  static final double[] LW = {0.0, -1.0, 0.5, -0.2, -3.0, 0.3};

  @Test
  void conditionalEssIsItsDefinition() {
    TemperedPopulation<Real> p = population(XS, LW, 0.2);
    double[] w = p.normalisedWeights();
    for (double delta : new double[] {0.0, 0.1, 0.5, 0.8}) {
      double s1 = 0;
      double s2 = 0;
      for (int i = 0; i < XS.length; i++) {
        double u = Math.exp(delta * p.trace(i).logLikelihood());
        s1 += w[i] * u;
        s2 += w[i] * u * u;
      }
      assertEquals(XS.length * s1 * s1 / s2, ConditionalEss.of(p, delta), 1e-9 * XS.length, "delta " + delta);
    }
    // after resampling (equal weights) it is the ESS of the incremental weights
    TemperedPopulation<Real> equal = population(XS, new double[XS.length], 0.2);
    assertEquals(equal.reweight(0.7).ess(), ConditionalEss.of(equal, 0.5), 1e-9);
  }

  @Test
  void theAdaptiveStepHitsTheTargetConditionalEss() {
    TemperedPopulation<Real> p = population(XS, LW, 0.2);
    double next = ConditionalEss.nextBeta(p, 0.9);
    assertTrue(next > 0.2 && next < 1, "next beta " + next);
    assertEquals(0.9 * XS.length, ConditionalEss.of(p, next - 0.2), 1e-9);
    for (double d = 0.0; d < 0.8; d += 0.05) {
      assertTrue(ConditionalEss.of(p, d + 0.05) <= ConditionalEss.of(p, d) + 1e-12, "CESS increases at " + d);
    }
    // a low target is met by the whole remaining increment: straight to 1
    assertEquals(1.0, ConditionalEss.nextBeta(p, 1e-3));
  }

  @Test
  void fixedSchedulesAreValidated() {
    assertArrayEquals(new double[] {0.25, 0.5, 0.75, 1.0}, ((Schedule.Fixed) Schedule.linear(4)).betas());
    assertArrayEquals(new double[] {0.5, 1.0}, ((Schedule.Fixed) Schedule.fixed(0, 0.5, 1)).betas());
    double[] g = ((Schedule.Fixed) Schedule.geometric(3, 0.01)).betas();
    assertArrayEquals(new double[] {0.01, 0.1, 1.0}, g, 1e-15);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Schedule.fixed(0.5, 0.4, 1));
    assertTrue(e.getMessage().contains("0.4"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Schedule.fixed(0.5, 0.9));
    assertTrue(e.getMessage().contains("end at 1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Schedule.adaptive(1.0));
  }

  // ---- runs ----

  @Test
  void annealedImportanceSamplingNeverResamples() {
    TemperedResult<Integer> r = TemperedSmc.run(coin(), TemperedConfig.ais(Schedule.linear(5)).particles(50)
        .move(Move.mh()).seed(3));
    assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1.0}, r.schedule(), 1e-15);
    assertTrue(r.stages().stream().noneMatch(Stage::resampled), r.stageTable());
    assertEquals(50, r.size());
  }

  @Test
  void stagesAreRecorded() {
    TemperedResult<Double> r = TemperedSmc.run(TemperedConjugateTest.NORMAL_MEAN.model(),
        TemperedConfig.defaults().particles(100).seed(5));
    double[] s = r.schedule();
    assertEquals(0.0, s[0]);
    assertEquals(1.0, s[s.length - 1]);
    for (int t = 1; t < s.length; t++) {
      Stage st = r.stages().get(t);
      assertTrue(s[t] > s[t - 1], r.stageTable());
      assertEquals(t, st.index());
      assertTrue(st.ess() > 0 && st.ess() <= 100 + 1e-9, r.stageTable());
      assertTrue(st.acceptance() >= 0 && st.acceptance() <= 1, r.stageTable());
      assertTrue(st.stepSize() > 0, r.stageTable());
      if (t < s.length - 1) {
        // the adaptive schedule keeps every intermediate stage at conditional ESS n / 2, then resamples
        assertEquals(50.0, st.ess(), 1e-6, r.stageTable());
        assertTrue(st.resampled(), r.stageTable());
      }
    }
    assertEquals(r.stages().get(s.length - 1).logEvidence(), r.logEvidence(), 1e-12);
    assertTrue(r.toString().contains("log evidence"), r.toString());
  }

  @Test
  void aCustomStageComposesThePublicPieces() {
    // the snippet of docs/inference-tempered.md: ten NUTS transitions at the last stage instead of two;
    // with the same seed, the stages before the last are those of the standard algorithm
    Prob<Double> model = TemperedConjugateTest.NORMAL_MEAN.model();
    TemperingStep<Double> step = (p, beta) -> TemperedSmc.resample(p.reweight(beta), Resampler.SYSTEMATIC, 0.75)
        .flatMap(q -> TemperedSmc.move(model, q, Move.nuts(), beta == 1.0 ? 10 : 2));
    Prob<TemperedPopulation<Double>> algorithm = TemperedSmc.start(model, 100)
        .flatMap(p -> TemperedSmc.anneal(p, Schedule.adaptive(0.5), step, 1000));
    TemperedResult<Double> custom = TemperedResult.of(org.probity.semantics.Sampler.run(algorithm, 42).value());
    TemperedResult<Double> standard = TemperedSmc.run(model, TemperedConfig.defaults().particles(100).seed(42));
    assertArrayEquals(standard.schedule(), custom.schedule(), 0.0);
    int last = custom.stageCount();
    assertEquals(standard.stages().subList(0, last), custom.stages().subList(0, last));
    assertEquals(standard.logEvidence(), custom.logEvidence(), 0.0); // moves leave the weights alone
    assertTrue(!custom.stages().get(last).equals(standard.stages().get(last)), custom.stageTable());
  }

  static <T> T withThreads(int threads, Supplier<T> run) {
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      return pool.submit(run::get).get();
    } catch (Exception e) {
      throw new AssertionError(e);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void aSeedGivesTheSameRunWhateverTheNumberOfThreads() {
    Prob<Double> model = TemperedConjugateTest.NORMAL_MEAN.model();
    for (TemperedConfig c : List.of(TemperedConfig.defaults().particles(64).seed(11),
        TemperedConfig.defaults().particles(64).seed(11).move(Move.mh()).moves(3))) {
      TemperedResult<Double> one = withThreads(1, () -> TemperedSmc.run(model, c));
      TemperedResult<Double> three = withThreads(3, () -> TemperedSmc.run(model, c));
      assertEquals(one.logEvidence(), three.logEvidence(), 0.0);
      assertArrayEquals(one.schedule(), three.schedule(), 0.0);
      assertEquals(one.population(), three.population());
    }
  }

  // ---- errors ----

  @Test
  void gradientMovesNeedContinuousChoices() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TemperedSmc.run(coin(), TemperedConfig.defaults().particles(10)));
    assertTrue(e.getMessage().contains("continuous") && e.getMessage().contains("Move.mh()"), e.getMessage());
  }

  @Test
  void impossibleDataIsAZeroWeightError() {
    Prob<Integer> impossible = sample("k", categorical(0.5, 0.5), (Integer k) -> observe(bernoulli(0.0), true,
        () -> pure(k)));
    ZeroWeightException e = assertThrows(ZeroWeightException.class,
        () -> TemperedSmc.run(impossible, mh(10, Schedule.adaptive(0.5))));
    assertTrue(e.getMessage().contains("zero weight"), e.getMessage());
  }

  @Test
  void tooManyStagesIsAnError() {
    ProbityException e = assertThrows(ProbityException.class, () -> TemperedSmc.run(
        TemperedConjugateTest.NORMAL_MEAN.model(), TemperedConfig.defaults().particles(50).maxStages(1)));
    assertTrue(e.getMessage().contains("1 stages") && e.getMessage().contains("maxStages"), e.getMessage());
  }

  @Test
  void aParticleWhoseLikelihoodIsZeroIsDeadFromTheStart() {
    // x ~ Categorical(0.5, 0.5); x = 1 is impossible: half the prior draws are dead, the rest carry Z
    Prob<Integer> half = sample("x", categorical(0.5, 0.5), (Integer x) -> observe(bernoulli(x == 0 ? 0.6 : 0.0),
        true, () -> pure(x)));
    double mean = expectedEvidence(TemperedSmc.algorithm(half, mh(2, Schedule.fixed(0.5, 1.0))));
    assertEquals(0.3, mean, 1e-12);
    TemperedResult<Integer> r = TemperedSmc.run(half, mh(100, Schedule.fixed(0.5, 1.0)).seed(2));
    assertEquals(1.0, r.expectation(x -> x == 0 ? 1.0 : 0.0), 1e-12);
    assertFalse(r.particles().isEmpty());
  }
}
