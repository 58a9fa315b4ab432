package org.probity.inference.smc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.*;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.probity.core.Prob;
import org.probity.core.Unit;
import org.probity.core.ZeroWeightException;
import org.probity.semantics.Enumeration;
import org.probity.semantics.Enumerator;
import org.probity.semantics.Sampler;

/** The sequential representation: suspension at observations, finishing, and what SMC does around it. */
class SequentialTest {

  static Prob<Integer> threeObservations() {
    return sample(bernoulli(0.5)).flatMap(a ->
        observe(bernoulli(a ? 0.9 : 0.1), true).then(() ->
            factor(Math.log(0.5)).then(() ->
                sample(bernoulli(0.5)).flatMap(b -> observe(bernoulli(0.5), b).map(u -> (a ? 2 : 0) + (b ? 1 : 0))))));
  }

  @Test
  void advanceStopsAfterEachObservationAndWeightsTheParticle() {
    Particle<Integer> p = Sequential.start(threeObservations());
    assertFalse(Sequential.finished(p));
    // the first advance draws a and stops after the first observation: two outcomes, each with the particle's weight
    Enumeration<Particle<Integer>> e = Enumerator.enumerate(Sequential.advance(p));
    assertEquals(0.0, e.logEvidence(), 1e-12, "the particle's observation does not weight the outer program");
    assertEquals(2, e.support().size());
    double[] w = e.support().stream().mapToDouble(Particle::logWeight).sorted().toArray();
    assertArrayEquals(new double[] {Math.log(0.1), Math.log(0.9)}, w, 1e-12);
    for (Particle<Integer> q : e.support()) {
      assertFalse(q.finished());
    }
  }

  @Test
  void finishRunsToTheEndAndAFinishedParticleStaysPut() {
    Particle<Integer> p = Sampler.sample(Sequential.finish(Sequential.start(threeObservations())), 4);
    assertTrue(p.finished());
    assertSame(p, Sampler.sample(Sequential.advance(p), 5), "a finished particle stays put");
    int v = p.value();
    boolean a = v >= 2;
    assertEquals(Math.log(a ? 0.9 : 0.1) + 2 * Math.log(0.5), p.logWeight(), 1e-12);
  }

  @Test
  void aProgramWithoutObservationsFinishesInOneAdvance() {
    Particle<Integer> p = Sampler.sample(Sequential.advance(Sequential.start(sample(categorical(0.5, 0.5)))), 1);
    assertTrue(p.finished());
    assertEquals(0.0, p.logWeight());
  }

  @Test
  void independentPartsInsideAParticleSuspendAtEachObservation() {
    Prob<List<Boolean>> m = independent(3, i -> sample(bernoulli(0.5)).flatMap(x -> observe(bernoulli(x ? 0.8 : 0.3), true).map(u -> x)));
    Prob<Population<List<Boolean>>> alg = Smc.importance(m, 1);
    Population<List<Boolean>> pop = Sampler.sample(alg, 9);
    assertEquals(4, pop.step(), "three suspensions, and a fourth step after the last (particles suspend at every observation,"
        + " the last included, so SMC transforms the population after it)");
    assertTrue(pop.finished());
    // and the exact distribution through SMC equals the model's
    SmcExactTest.check(m.map(xs -> (xs.get(0) ? 1 : 0) + (xs.get(1) ? 2 : 0) + (xs.get(2) ? 4 : 0)),
        Smc.smc(m.map(xs -> (xs.get(0) ? 1 : 0) + (xs.get(1) ? 2 : 0) + (xs.get(2) ? 4 : 0)), 2, Resampler.SYSTEMATIC));
  }

  /**
   * Particles suspend after every observation, the last included (monad-bayes' Sequential), so the
   * transformation runs after the only observation of a model: peek sees the weighed particles with
   * their values; the built-in resampling leaves the final weights alone.
   */
  @Test
  void theTransformationRunsAfterTheLastObservation() {
    Prob<Integer> m = sample(categorical(0.5, 0.5)).flatMap(k -> observe(bernoulli(k == 1 ? 0.9 : 0.2), true).map(u -> k));
    java.util.List<Double> seen = new java.util.ArrayList<>();
    Population<Integer> pop = Sampler.sample(Smc.sis(Population.spawn(m, 2000), Transform.<Integer>peek(
        p -> seen.add(p.expectation(q -> q.value()))).andThen(Transform.resample(Resampler.SYSTEMATIC))), 3);
    assertEquals(1, seen.size(), "the transformation runs once, after the only observation");
    assertEquals(0.9 / 1.1, seen.get(0), 0.05, "peek sees the weighed particles' values (posterior mean 0.818)");
    java.util.Set<Double> weights = new java.util.HashSet<>();
    for (double w : pop.logWeights()) {
      weights.add(w);
    }
    assertEquals(2, weights.size(), "no resampling after the last observation: two distinct weights remain");
    assertTrue(pop.finished());
  }

  @Test
  void allZeroWeightsThrowNamingTheStepAndSite() {
    Prob<Boolean> m = sample(bernoulli(0.5)).flatMap(a -> observe("y0", bernoulli(0.5), true).then(() ->
        observe("y1", bernoulli(1.0), false).map(u -> a)));
    ZeroWeightException ex = assertThrows(ZeroWeightException.class, () -> Smc.run(m, 50, 1));
    assertTrue(ex.getMessage().contains("step 2"), ex.getMessage());
    assertTrue(ex.getMessage().contains("y1"), ex.getMessage());
    assertTrue(ex.getMessage().contains("Bernoulli"), ex.getMessage());
  }

  @Test
  void someDeadParticlesAreFine() {
    Prob<Boolean> m = sample(bernoulli(0.5)).flatMap(a -> condition(a).map(u -> a));
    SmcResult<Boolean> r = Smc.run(Smc.importance(m, 200), 3);
    assertEquals(1.0, r.expectation(a -> a ? 1 : 0), 1e-12);
    assertTrue(r.size() == 200 && r.particles().size() < 200);
    assertEquals(Math.log(r.particles().size() / 200.0), r.logEvidence(), 1e-12);
  }

  /** Particles advance in parallel; the result for a seed is the same bit for bit on 1 or 4 threads. */
  @Test
  void resultsAreBitIdenticalWhateverTheNumberOfThreads() throws Exception {
    Prob<Double> model = SsmModels.linearGaussian(SsmModels.data(40, 2), 40);
    Prob<Population<Double>> alg = Smc.smc(model, 500, Resampler.SYSTEMATIC);
    SmcResult<Double> one = new ForkJoinPool(1).submit(() -> Smc.run(alg, 77)).get();
    SmcResult<Double> four = new ForkJoinPool(4).submit(() -> Smc.run(alg, 77)).get();
    SmcResult<Double> common = Smc.run(alg, 77);
    assertEquals(Double.doubleToLongBits(one.logEvidence()), Double.doubleToLongBits(four.logEvidence()));
    assertEquals(Double.doubleToLongBits(one.logEvidence()), Double.doubleToLongBits(common.logEvidence()));
    for (int i = 0; i < one.particles().size(); i++) {
      assertEquals(one.particles().get(i), four.particles().get(i));
    }
    assertFalse(Double.doubleToLongBits(one.logEvidence()) == Double.doubleToLongBits(Smc.run(alg, 78).logEvidence()),
        "another seed gives another run");
  }

  @Test
  void resultSummariesWork() {
    Prob<Double> model = SsmModels.linearGaussian(SsmModels.data(10, 3), 10);
    SmcResult<Double> r = Smc.run(model, 300, 5);
    assertEquals(300, r.resample(300, 1).size());
    double q05 = r.quantile(x -> x, 0.05);
    double q95 = r.quantile(x -> x, 0.95);
    assertTrue(q05 < r.expectation(x -> x) && r.expectation(x -> x) < q95);
    SmcResult.Histogram h = r.histogram(x -> x, 10);
    assertEquals(1.0, java.util.Arrays.stream(h.mass()).sum(), 1e-12);
    String table = r.table(java.util.Map.of("x[T]", x -> x));
    assertTrue(table.contains("log evidence") && table.contains("x[T]"), table);
    assertTrue(r.ess() > 1 && r.ess() <= 300);
    Unit u = Unit.UNIT;
    assertEquals("()", u.toString());
  }
}
