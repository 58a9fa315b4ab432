package org.probity.proofs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.probity.Probity;
import org.probity.ad.Real;
import org.probity.core.Factor;
import org.probity.core.Prob;
import org.probity.core.Pure;
import org.probity.core.Weighted;
import org.probity.semantics.WeightedSample;
import org.probity.testkit.Gen;
import org.probity.testkit.Property;
import org.probity.testkit.Shrinker;
import org.probity.testkit.Tries;
import org.probity.testkit.laws.Measures;
import org.probity.testkit.laws.ProperWeighting;
import org.probity.testkit.programs.Compiler;
import org.probity.testkit.programs.Program;
import org.probity.testkit.programs.ProgramGen;
import org.probity.testkit.programs.ProgramShrinker;

/**
 * Importance sampling is exactly unbiased and properly weighted, by enumeration of the algorithm
 * itself: likelihood weighting with n particles is the program of n independent prior runs of the
 * model with their recorded likelihoods ({@link Measures#likelihoodWeighted}, the trace
 * interpreter's {@code Traces.prior}), read as the library's {@link WeightedSample} (evidence
 * {@code WeightedSample.logEvidence}, the estimator under test); its exact output distribution gives
 * E[Zhat] = Z and E[Zhat * sum_i wbar_i delta(x_i)] = gamma (Naesseth, Lindsten and Schön 2019,
 * §2.2). Relative tolerance {@link ProperWeighting#RELATIVE_TOLERANCE}. That the prior runs with
 * their recorded weights are the model's measure is a theorem here too.
 */
class ImportanceSamplingTest {
  static final long SEED = 1998L;
  static final int TRIES = Tries.of(60, 600);

  /** A model and a number of particles. */
  record Case(Program model, int particles) {
    @Override
    public String toString() {
      return particles + " particles on\n" + model;
    }
  }

  static final Gen<Case> CASES = (rng, size) -> new Case(ProgramGen.models().generate(rng, Math.min(size, 7)),
      1 + rng.nextInt(3));

  static final Shrinker<Case> SHRINK = c -> {
    List<Case> out = new ArrayList<>();
    ProgramShrinker.shrink(c.model(), 0).forEach(m -> out.add(new Case(m, c.particles())));
    if (c.particles() > 1) {
      out.add(new Case(c.model(), c.particles() - 1));
    }
    return out;
  };

  static int size(Object c) {
    return ((Case) c).model().size();
  }

  /** Likelihood weighting with n particles, as a program: n independent weighted prior runs. */
  static <A> Prob<List<Weighted<A>>> likelihoodWeighting(Prob<A> model, int n) {
    return Probity.independent(n, i -> Measures.likelihoodWeighted(model));
  }

  /** The library's evidence estimate of weighted runs, log mean weight (-infinity when all are zero). */
  static double logEvidence(List<Weighted<Integer>> runs) {
    boolean any = runs.stream().anyMatch(w -> w.logWeight() > Double.NEGATIVE_INFINITY);
    return any ? WeightedSample.of(runs).logEvidence() : Double.NEGATIVE_INFINITY;
  }

  /** Likelihood weighting read by {@code logZ} and {@code particles} is unbiased and properly weighted. */
  static void unbiasedAndProperlyWeighted(ToDoubleFunction<List<Weighted<Integer>>> logZ,
      Function<List<Weighted<Integer>>, List<Weighted<Integer>>> particles) {
    Property.forAll(CASES, SHRINK, TRIES, SEED, c -> {
      Prob<Integer> model = Compiler.compile(c.model());
      ProperWeighting.check(model, likelihoodWeighting(model, c.particles()), logZ, particles);
      return true;
    });
  }

  @Test
  void likelihoodWeightingIsUnbiasedAndProperlyWeighted() {
    unbiasedAndProperlyWeighted(ImportanceSamplingTest::logEvidence, runs -> runs);
  }

  @Test
  void priorRunsWithTheirRecordedWeightsAreTheModel() {
    // the measure of the model is the pushforward of the prior runs reweighted by their recorded weights
    Property.forAll(ProgramGen.models(), ProgramShrinker.closed(), TRIES, SEED, p -> {
      Prob<Integer> model = Compiler.compile(p);
      Prob<Integer> reweighted = Measures.likelihoodWeighted(model)
          .flatMap(w -> new Factor<>(Real.of(w.logWeight()), () -> new Pure<>(w.value())));
      Measures.assertSame(reweighted, model);
      return true;
    });
  }

  // ---- planted bugs ----

  static double logSumExp(double[] xs) {
    double m = Double.NEGATIVE_INFINITY;
    for (double x : xs) {
      m = Math.max(m, x);
    }
    if (m == Double.NEGATIVE_INFINITY) {
      return m;
    }
    double s = 0;
    for (double x : xs) {
      s += Math.exp(x - m);
    }
    return m + Math.log(s);
  }

  @Test
  void findsEvidenceComputedFromNormalisedWeights() {
    // Zhat = sum_i wbar_i w_i: the weights averaged under their own normalised weights (biased upwards)
    Property.assertFindsSmall(() -> unbiasedAndProperlyWeighted(runs -> {
      if (logEvidence(runs) == Double.NEGATIVE_INFINITY) {
        return Double.NEGATIVE_INFINITY;
      }
      double[] wbar = WeightedSample.of(runs).normalisedWeights();
      double[] terms = new double[runs.size()];
      for (int i = 0; i < terms.length; i++) {
        terms[i] = Math.log(wbar[i]) + runs.get(i).logWeight();
      }
      return logSumExp(terms);
    }, runs -> runs), 4, ImportanceSamplingTest::size);
  }

  @Test
  void findsPopulationsThatForgetTheWeights() {
    // the evidence is right but the particles are reported unweighted: not properly weighted
    Property.assertFindsSmall(() -> unbiasedAndProperlyWeighted(ImportanceSamplingTest::logEvidence,
        runs -> runs.stream().map(w -> new Weighted<>(w.value(), 0.0)).toList()), 4, ImportanceSamplingTest::size);
  }
}
