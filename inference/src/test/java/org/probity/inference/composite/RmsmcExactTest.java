package org.probity.inference.composite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.probity.core.Prob;
import org.probity.inference.composite.Truncation.Prefix;
import org.probity.inference.mcmc.Kernel;
import org.probity.inference.mcmc.Kernels;
import org.probity.inference.smc.Population;
import org.probity.inference.smc.Resampler;
import org.probity.semantics.Enumeration;
import org.probity.semantics.Enumerator;
import org.probity.testkit.Tries;
import org.probity.testkit.laws.ProperWeighting;
import org.probity.trace.Selection;
import org.probity.trace.Traces;
import org.probity.trace.Update;

/**
 * Exact checks of resample-move SMC on small finite models: the algorithm is a finite program,
 * so the Enumerator gives the exact law of its output population. MCMC moves that leave each
 * partial posterior invariant keep the evidence estimate unbiased and the expected unnormalised
 * particle measure equal to the unnormalised posterior (Gilks and Berzuini 2001); a move that
 * does not (redrawing from the prior) is shown to break both.
 */
class RmsmcExactTest {

  /** Two branches with different numbers of observations; the long branch makes a further choice. */
  static Prob<Integer> branching() {
    return sample(bernoulli(0.6)).flatMap(b -> b
        ? observe(bernoulli(0.8), true).then(() -> sample(categorical(0.2, 0.5, 0.3)).flatMap(k ->
            observe(categorical(new double[][] {{0.7, 0.2, 0.1}, {0.1, 0.3, 0.6}, {0.3, 0.3, 0.4}}[k]), 2).map(u -> k)))
        : observe(bernoulli(0.3), true).map(u -> 5));
  }

  /** A three-step hidden Markov chain with binary states and noisy binary emissions. */
  static Prob<Integer> chain() {
    boolean[] ys = {true, false, true};
    return fold(0, 3, 0, (x, t) -> sample(bernoulli(x == 1 ? 0.7 : 0.4)).flatMap(z ->
        observe(bernoulli(z ? 0.85 : 0.25), ys[t]).map(u -> z ? x + 1 : x)));
  }

  /** A three-step hidden Markov chain written with the state-space combinator (flat populations). */
  static Prob<Integer> stateSpaceChain() {
    org.probity.dist.Categorical[] trans = {categorical(0.6, 0.4), categorical(0.3, 0.7)};
    org.probity.dist.Categorical[] emit = {categorical(0.75, 0.25), categorical(0.15, 0.85)};
    return stateSpace(categorical(0.6, 0.4), (Integer x) -> trans[x], (Integer x) -> emit[x]).observe(1, 0, 1);
  }

  /** A global parameter observed twice, with a factor in between: moves change past choices. */
  static Prob<Integer> global() {
    return sample(categorical(0.5, 0.3, 0.2)).flatMap(k -> observe(bernoulli(0.2 + 0.3 * k), true)
        .then(() -> factor(-0.25 * k)).then(() -> sample(bernoulli(0.5)).flatMap(b ->
            observe(bernoulli(b ? 0.9 : 0.1 + 0.2 * k), false).map(u -> b ? k + 3 : k))));
  }

  /** Two particles, systematic resampling, one single-site MH move, until every particle has finished. */
  static final RmsmcConfig<Integer> TWO = RmsmcConfig.<Integer>defaults().withParticles(2);

  @TestFactory
  Stream<DynamicTest> expectedEvidenceAndMeasureAreExact() {
    List<DynamicTest> tests = new ArrayList<>();
    Map<String, Prob<Integer>> models = new java.util.LinkedHashMap<>();
    models.put("branching", branching());
    models.put("chain", chain());
    models.put("global", global());
    models.put("state-space chain", stateSpaceChain());
    Map<String, Kernel<Prefix<Integer>>> kernels = new java.util.LinkedHashMap<>();
    kernels.put("mh", Kernels.mh());
    kernels.put("mh twice", Kernels.repeat(2, Kernels.mh()));
    boolean full = Tries.full();
    for (var m : models.entrySet()) {
      for (var k : kernels.entrySet()) {
        for (Resampler r : new Resampler[] {Resampler.MULTINOMIAL, Resampler.SYSTEMATIC}) {
          if (!full && k.getKey().equals("mh twice") && !(m.getKey().equals("branching") || r == Resampler.SYSTEMATIC
              && m.getKey().equals("global"))) {
            // Two moves after each of the (now four) resamplings make millions of paths on the longer models:
            // the fast profile enumerates composed moves on two models, -Pfull on all (a single move covers
            // every model here, and Kernels.repeat's invariance is proved in proofs).
            continue;
          }
          tests.add(DynamicTest.dynamicTest(m.getKey() + ": " + k.getKey() + " " + r, () -> {
            RmsmcConfig<Integer> c = RmsmcConfig.<Integer>defaults().withParticles(2).withResampler(r)
                .withKernel(k.getValue());
            Prob<Population<Integer>> algorithm = Rmsmc.rmsmc(m.getValue(), m.getKey().equals("branching")
                ? c.withSteps(2) // fixed schedule: the number of observations varies
                : c);
            double err = error(m.getValue(), algorithm);
            assertEquals(0.0, err, 1e-10, "E[Z hat] = Z and E[Z hat * particle measure] = unnormalised posterior");
          }));
        }
      }
    }
    return tests.stream();
  }

  /**
   * A model whose data enter through one observation gets its moves after that observation: with
   * one particle and a Gibbs move on the only latent, the final particle is an exact posterior
   * draw (without the final rejuvenation it would be a prior draw carrying a weight).
   */
  @Test
  void particlesAreMovedAfterTheLastObservation() {
    Prob<Integer> model = sample("k", categorical(0.5, 0.3, 0.2)).flatMap(k ->
        observe(bernoulli(0.1 + 0.4 * k), true).map(u -> k));
    Prob<Population<Integer>> alg = Rmsmc.rmsmc(model, RmsmcConfig.<Integer>defaults().withParticles(1)
        .withResampler(Resampler.MULTINOMIAL).withKernel(Kernels.gibbs("k")));
    Enumeration<Integer> posterior = Enumerator.enumerate(model);
    Enumeration<Integer> particle = Enumerator.enumerate(alg.map(p -> p.particle(0).value()));
    for (int k = 0; k < 3; k++) {
      assertEquals(posterior.probability(k), particle.probability(k), 1e-12, "P(particle = " + k + ")");
    }
  }

  @Test
  void fixedScheduleIsExactForAnyNumberOfSteps() {
    for (int steps = 0; steps <= 3; steps++) {
      assertEquals(0.0, error(branching(), Rmsmc.rmsmc(branching(), TWO.withSteps(steps).withResampler(Resampler.MULTINOMIAL))),
          1e-10,
          "steps " + steps);
    }
    for (int steps = 0; steps <= 1; steps++) { // more steps on this model: many paths, no new coverage
      assertEquals(0.0, error(global(), Rmsmc.rmsmc(global(), TWO.withSteps(steps))), 1e-10,
          "steps " + steps);
    }
  }

  @Test
  void stoppingWhenAllHaveFinishedIsBiasedWhenTheNumberOfObservationsVaries() {
    // documents why the fixed schedule exists: a move can take a finished particle back to an unfinished prefix
    double err = error(branching(), Rmsmc.rmsmc(branching(), TWO.withResampler(Resampler.MULTINOMIAL)));
    assertTrue(err > 1e-3, "error " + err);
  }

  @Test
  void withoutMovesItIsPlainSmcAndStillExact() {
    assertEquals(0.0, error(chain(), Rmsmc.rmsmc(chain(), TWO.withParticles(3).withMoves(0))), 1e-10);
  }

  @Test
  void aMoveThatIgnoresTheObservationsIsCaught() {
    // redraw every choice from the prior and always accept: leaves the prior, not the partial posterior, invariant
    Kernel<Prefix<Integer>> prior = x -> Traces.regenerate(x, Selection.all()).map(Update::trace);
    for (Prob<Integer> m : List.of(chain(), global())) {
      double err = error(m, Rmsmc.rmsmc(m, TWO.withKernel(prior)));
      assertTrue(err > 1e-3, "the exact check detects a non-invariant move, error " + err);
    }
  }

  @Test
  void prefixesStopAfterTheirObservations() {
    Enumeration<Prefix<Integer>> one = Enumerator.enumerate(Truncation.prefix(chain(), 1));
    assertEquals(1.0, one.probability(Prefix.stopped()), 1e-12);
    Enumeration<Prefix<Integer>> all = Enumerator.enumerate(Truncation.prefix(chain(), 3));
    Enumeration<Integer> exact = Enumerator.enumerate(chain());
    for (Integer v : exact.support()) {
      assertEquals(exact.probability(v), all.probability(new Prefix<>(true, v)), 1e-12, "full prefix at " + v);
    }
    // the prefix with one observation weights by that observation only: P(z0 | y0)
    double z1 = 0.4 * 0.85;
    double z0 = 0.6 * 0.25;
    assertEquals(Math.log(z1 + z0), one.logEvidence(), 1e-12);
  }

  /**
   * The largest error of the two exact identities (relative to the evidence): |E[Z hat] - Z| and,
   * over the model's results, |E[Z hat * particle measure] - unnormalised posterior| (the test
   * kit's {@link ProperWeighting#error}; every output population must have finished).
   */
  static double error(Prob<Integer> model, Prob<Population<Integer>> algorithm) {
    return ProperWeighting.error(model, algorithm, Population::logEvidenceEstimate, Population::weightedResults);
  }
}
