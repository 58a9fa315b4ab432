package org.probity.testkit.laws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.probity.core.Prob;
import org.probity.core.Weighted;
import org.probity.semantics.WeightedSample;
import org.probity.trace.Trace;
import org.probity.trace.Traces;

/**
 * The kit's exact checks pass a correct algorithm and can fail: on a small model, likelihood
 * weighting (two prior runs with their likelihoods) is unbiased and properly weighted while
 * broken readings of it are not; a Metropolis kernel leaves the posterior invariant while one that
 * ignores the likelihood does not.
 */
class ExactLawsTest {
  /** x ~ Bernoulli(0.3); observe Bernoulli(x ? 0.9 : 0.2) = true; y ~ Bernoulli(0.5) when x; result x + 2y. */
  static final Prob<Integer> MODEL = sample("x", bernoulli(0.3)).flatMap(x -> observe(bernoulli(x ? 0.9 : 0.2), true)
      .then(() -> x ? sample("y", bernoulli(0.5)).map(y -> 1 + (y ? 2 : 0)) : pure(0)));

  static final Prob<List<Weighted<Integer>>> TWO_RUNS = independent(2, i -> Measures.likelihoodWeighted(MODEL));

  static double logMeanWeight(List<Weighted<Integer>> runs) {
    return runs.stream().anyMatch(w -> w.logWeight() > Double.NEGATIVE_INFINITY)
        ? WeightedSample.of(runs).logEvidence() : Double.NEGATIVE_INFINITY;
  }

  @Test
  void likelihoodWeightingIsUnbiasedAndProperlyWeighted() {
    ProperWeighting.check(MODEL, TWO_RUNS, ExactLawsTest::logMeanWeight, runs -> runs);
    assertTrue(ProperWeighting.error(MODEL, TWO_RUNS, ExactLawsTest::logMeanWeight, runs -> runs) < 1e-12);
  }

  @Test
  void aBiasedEvidenceOrUnweightedParticlesFail() {
    // the largest weight instead of the mean: biased upwards
    AssertionError e = assertThrows(AssertionError.class, () -> ProperWeighting.check(MODEL, TWO_RUNS,
        runs -> runs.stream().mapToDouble(Weighted::logWeight).max().orElseThrow(), runs -> runs));
    assertTrue(e.getMessage().contains("evidence estimate is biased"), e.getMessage());
    // the right evidence, the particles without their weights
    e = assertThrows(AssertionError.class, () -> ProperWeighting.check(MODEL, TWO_RUNS, ExactLawsTest::logMeanWeight,
        runs -> runs.stream().map(w -> new Weighted<>(w.value(), 0.0)).toList()));
    assertTrue(e.getMessage().contains("not properly weighted"), e.getMessage());
    assertTrue(ProperWeighting.error(MODEL, TWO_RUNS, ExactLawsTest::logMeanWeight,
        runs -> runs.stream().map(w -> new Weighted<>(w.value(), 0.0)).toList()) > 1e-3);
  }

  @Test
  void anAlgorithmThatCarriesWeightFails() {
    Prob<List<Weighted<Integer>>> weighted = TWO_RUNS.flatMap(r -> factor(-1.0).map(u -> r));
    AssertionError e = assertThrows(AssertionError.class,
        () -> ProperWeighting.check(MODEL, weighted, ExactLawsTest::logMeanWeight, runs -> runs));
    assertTrue(e.getMessage().contains("carries weight"), e.getMessage());
  }

  /** Independent Metropolis with the prior as proposal: min(1, L(new) / L(old)). */
  static Prob<Trace<Integer>> metropolis(Trace<Integer> x) {
    return Traces.prior(MODEL).flatMap(y -> {
      double a = Math.exp(Math.min(0.0, y.logLikelihood() - x.logLikelihood()));
      return sample(bernoulli(a)).map(accept -> accept ? y : x);
    });
  }

  @Test
  void aMetropolisKernelLeavesThePosteriorInvariantAndThePriorDoesNot() {
    KernelInvariance.check(MODEL, ExactLawsTest::metropolis);
    assertEquals(0.0, KernelInvariance.distance(MODEL, ExactLawsTest::metropolis), 1e-12);
    AssertionError e = assertThrows(AssertionError.class, () -> KernelInvariance.check(MODEL, x -> Traces.prior(MODEL)));
    assertTrue(e.getMessage().contains("does not leave the posterior invariant"), e.getMessage());
    assertTrue(KernelInvariance.distance(MODEL, x -> Traces.prior(MODEL)) > 1e-2);
  }
}
