package org.probity.inference.smc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.bernoulli;
import static org.probity.Probity.categorical;
import static org.probity.Probity.observe;
import static org.probity.Probity.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.probity.core.Prob;
import org.probity.handlers.Handlers;
import org.probity.random.Rngs;
import org.probity.semantics.Sampler;

/**
 * The proof obligation of the compiled population step ({@code org.probity.core.Compiled}): the
 * Sampler's compiled path gives bit-identical populations to interpreting the step's meaning (the
 * Independent product of {@link Sequential#advance} programs). {@code Sampler.record} runs the
 * meaning (it must see every choice's address), {@code Sampler.run} the compiled path.
 */
class CompiledStepTest {

  private static final long[] SEEDS = {1, 2, 3, 42, 1234};

  @TestFactory
  Stream<DynamicTest> compiledPathEqualsMeaningBitForBit() {
    Map<String, Prob<?>> models = new java.util.LinkedHashMap<>(SmcExactTest.models());
    models.put("under effect handlers", underEffectHandlers());
    models.put("hmm", SsmModels.hmm(SsmModels.hmmData(30, 5), 30));
    models.put("linear-gaussian", SsmModels.linearGaussian(SsmModels.data(30, 6), 30));
    models.put("hmm state-space (flat)", SsmModels.hmmStateSpace(SsmModels.hmmData(30, 5), 30));
    models.put("linear-gaussian state-space (mapped: flat after a generic step)",
        SsmModels.linearGaussianStateSpace(SsmModels.data(30, 6), 30));
    Map<String, Function<Prob<Object>, Prob<Population<Object>>>> algorithms = new java.util.LinkedHashMap<>();
    Map<String, Resampler> resamplers = Map.of("multinomial", Resampler.MULTINOMIAL, "systematic", Resampler.SYSTEMATIC,
        "stratified", Resampler.STRATIFIED, "residual", Resampler.RESIDUAL);
    for (var r : resamplers.entrySet()) {
      algorithms.put("smc " + r.getKey(), m -> Smc.smc(m, 100, r.getValue()));
    }
    algorithms.put("adaptive", m -> Smc.adaptive(m, 100, Resampler.SYSTEMATIC, 0.5));
    algorithms.put("importance", m -> Smc.importance(m, 100));
    algorithms.put("2 rounds then finish", m -> Smc.rounds(Population.spawn(m, 64), Transform.resample(Resampler.STRATIFIED), 2));
    List<DynamicTest> tests = new ArrayList<>();
    for (var m : models.entrySet()) {
      for (var a : algorithms.entrySet()) {
        @SuppressWarnings("unchecked")
        Prob<Population<Object>> alg = a.getValue().apply((Prob<Object>) m.getValue());
        tests.add(DynamicTest.dynamicTest(m.getKey() + " / " + a.getKey(), () -> {
          for (long seed : SEEDS) {
            Population<Object> compiled = Sampler.run(alg, seed).value();
            Population<Object> meaning = Sampler.record(alg, Rngs.of(seed)).value();
            Population<Object> oneThread = new ForkJoinPool(1).submit(() -> Sampler.run(alg, seed).value()).get();
            assertSame(meaning, compiled, seed);
            assertSame(meaning, oneThread, seed);
          }
        }));
      }
    }
    return tests.stream();
  }

  /**
   * A particle program under effect handlers: {@code condition} makes the choice "b" an
   * observation and {@code substitute} fixes "c" (no draw, no effect left), so after each weighing
   * the compiled step must settle the particle through the handlers as the meaning does: to the
   * conditioned "b", and past the substituted "c" to the program's end.
   */
  static Prob<Integer> underEffectHandlers() {
    Prob<Integer> body = sample("a", bernoulli(0.4)).flatMap(a -> observe(bernoulli(a ? 0.8 : 0.3), true)
        .flatMap(u -> sample("b", bernoulli(0.6))).flatMap(b -> observe(bernoulli(b ? 0.7 : 0.2), false)
            .flatMap(v -> sample("c", categorical(0.5, 0.25, 0.25))).map(c -> (a ? 1 : 0) + (b ? 2 : 0) + 4 * c)));
    return Handlers.substitute(Handlers.condition(body, Map.of("b", true)), Map.of("c", 2));
  }

  /** Large enough (40 blocks) and slow enough that the compiled step splits the particles into parallel chunks. */
  @org.junit.jupiter.api.Test
  void parallelChunksGiveTheSamePopulationAsTheMeaning() throws Exception {
    double[] y = SsmModels.hmmData(6, 7);
    Prob<Integer> model = org.probity.Probity.sample(org.probity.Probity.categorical(SsmModels.INIT), x0 ->
        org.probity.Probity.observe(org.probity.Probity.normal(SsmModels.MU[x0], SsmModels.SIGMA), y[0], () ->
            org.probity.Probity.fold(1, 6, x0, (x, t) -> org.probity.Probity.sample(
                org.probity.Probity.categorical(SsmModels.TRANS[(int) slowIdentity(x)]), x1 ->
                org.probity.Probity.observe(org.probity.Probity.normal(SsmModels.MU[x1], SsmModels.SIGMA), y[t],
                    () -> org.probity.Probity.pure(x1))))));
    assertTrue(Sampler.run(Population.spawn(model, 2560).advance(), 1).value().plannedChunks() > 1,
        "the slow model's second step must run in parallel chunks");
    Prob<Population<Integer>> alg = Smc.smc(model, 2560, Resampler.SYSTEMATIC);
    for (long seed : new long[] {3, 4}) {
      @SuppressWarnings({"unchecked", "rawtypes"})
      Population<Object> compiled = (Population) Sampler.run(alg, seed).value();
      @SuppressWarnings({"unchecked", "rawtypes"})
      Population<Object> meaning = (Population) Sampler.record(alg, Rngs.of(seed)).value();
      @SuppressWarnings({"unchecked", "rawtypes"})
      Population<Object> oneThread = (Population) new ForkJoinPool(1).submit(() -> Sampler.run(alg, seed).value()).get();
      assertSame(meaning, compiled, seed);
      assertSame(meaning, oneThread, seed);
    }
  }

  /**
   * A step runs in parallel only once a timed step shows it is worth it, so these models make
   * each particle's step slow (about a microsecond of arithmetic in the transition).
   */
  static double slowIdentity(double x) {
    double s = x;
    for (int i = 0; i < 300; i++) {
      s = s * 0.999999 + 1e-9 * Math.sqrt(i);
    }
    return s == Double.MAX_VALUE ? -1 : x; // always x; the loop cannot be removed
  }

  static Prob<Integer> slowHmmStateSpace(double[] y, int steps) {
    org.probity.dist.Categorical[] trans = new org.probity.dist.Categorical[SsmModels.TRANS.length];
    org.probity.dist.Normal[] emit = new org.probity.dist.Normal[SsmModels.MU.length];
    for (int i = 0; i < trans.length; i++) {
      trans[i] = org.probity.Probity.categorical(SsmModels.TRANS[i]);
      emit[i] = org.probity.Probity.normal(SsmModels.MU[i], SsmModels.SIGMA);
    }
    return org.probity.Probity.stateSpace(org.probity.Probity.categorical(SsmModels.INIT),
        (Integer x) -> trans[(int) slowIdentity(x)], (Integer x) -> emit[x])
        .observe(org.probity.Probity.reals(java.util.Arrays.copyOf(y, steps)));
  }

  /** The flat state-space population split into parallel chunks. */
  @org.junit.jupiter.api.Test
  void parallelChunksOfAFlatPopulationGiveTheSamePopulationAsTheMeaning() throws Exception {
    Prob<Integer> model = slowHmmStateSpace(SsmModels.hmmData(6, 7), 6);
    Population<Integer> afterOne = Sampler.run(Population.spawn(model, 2560).advance(), 1).value();
    assertTrue(afterOne.isFlat() && afterOne.plannedChunks() > 1, "the slow model's second step must run in parallel chunks");
    Prob<Population<Integer>> alg = Smc.smc(model, 2560, Resampler.SYSTEMATIC);
    for (long seed : new long[] {3, 4}) {
      @SuppressWarnings({"unchecked", "rawtypes"})
      Population<Object> compiled = (Population) Sampler.run(alg, seed).value();
      @SuppressWarnings({"unchecked", "rawtypes"})
      Population<Object> meaning = (Population) Sampler.record(alg, Rngs.of(seed)).value();
      @SuppressWarnings({"unchecked", "rawtypes"})
      Population<Object> oneThread = (Population) new ForkJoinPool(1).submit(() -> Sampler.run(alg, seed).value()).get();
      assertSame(meaning, compiled, seed);
      assertSame(meaning, oneThread, seed);
    }
  }

  /** Both ways of writing the HMM draw the same values: the same seed gives the same population. */
  @org.junit.jupiter.api.Test
  void stateSpaceAndContinuationFormsGiveTheSamePopulation() {
    double[] y = SsmModels.hmmData(25, 9);
    for (long seed : SEEDS) {
      @SuppressWarnings({"unchecked", "rawtypes"})
      Population<Object> flat = (Population) Sampler.run(Smc.smc(SsmModels.hmmStateSpace(y, 25), 300, Resampler.SYSTEMATIC), seed).value();
      @SuppressWarnings({"unchecked", "rawtypes"})
      Population<Object> cps = (Population) Sampler.run(Smc.smc(SsmModels.hmm(y, 25), 300, Resampler.SYSTEMATIC), seed).value();
      assertSame(cps, flat, seed);
    }
  }

  private static void assertSame(Population<Object> expected, Population<Object> actual, long seed) {
    assertEquals(expected.size(), actual.size());
    assertEquals(expected.logEvidence(), actual.logEvidence(), 0.0, "seed " + seed);
    for (int i = 0; i < expected.size(); i++) {
      Particle<Object> e = expected.particle(i);
      Particle<Object> a = actual.particle(i);
      assertEquals(e.logWeight(), a.logWeight(), 0.0, "seed " + seed + " particle " + i);
      assertEquals(e.finished(), a.finished());
      if (e.finished()) {
        assertEquals(e.value(), a.value(), "seed " + seed + " particle " + i);
      }
    }
  }
}
