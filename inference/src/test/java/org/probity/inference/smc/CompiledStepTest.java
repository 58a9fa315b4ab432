package org.probity.inference.smc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.probity.core.Prob;
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
    algorithms.put("sis 2 steps then finish", m -> Smc.sis(Population.spawn(m, 64), Transform.resample(Resampler.STRATIFIED), 2));
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

  /** Large enough that the compiled step splits the particles into parallel chunks. */
  @org.junit.jupiter.api.Test
  void parallelChunksGiveTheSamePopulationAsTheMeaning() throws Exception {
    Prob<Integer> model = SsmModels.hmm(SsmModels.hmmData(10, 7), 10);
    Prob<Population<Integer>> alg = Smc.smc(model, 5000, Resampler.SYSTEMATIC);
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

  /** The flat state-space population split into parallel chunks. */
  @org.junit.jupiter.api.Test
  void parallelChunksOfAFlatPopulationGiveTheSamePopulationAsTheMeaning() throws Exception {
    Prob<Integer> model = SsmModels.hmmStateSpace(SsmModels.hmmData(10, 7), 10);
    Prob<Population<Integer>> alg = Smc.smc(model, 5000, Resampler.SYSTEMATIC);
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
