package org.probity.proofs;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.probity.core.Address;
import org.probity.core.Independent;
import org.probity.core.Prob;
import org.probity.core.Pure;
import org.probity.core.Weighted;

/**
 * Importance sampling is exactly unbiased and properly weighted, by enumeration of the algorithm
 * itself: likelihood weighting with n particles is the program {@link LikelihoodWeighting}
 * (n independent copies of {@link WeightAsValue weightAsValue(model)}, evidence from the library's
 * {@code WeightedSample.logEvidence}); its exact output distribution gives E[Zhat] = Z and
 * E[Zhat * sum_i wbar_i delta(x_i)] = gamma (Naesseth, Lindsten and Schön 2019, §2.2).
 * Relative tolerance {@link ParticleProperties#RELATIVE_TOLERANCE}.
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

  /** The algorithm under test for a given number of particles. */
  interface Algorithm {
    ParticleAlgorithm with(int particles);
  }

  static void unbiasedAndProperlyWeighted(Algorithm algorithm) {
    Property.forAll(CASES, SHRINK, TRIES, SEED, c -> {
      ParticleProperties.unbiasedAndProperlyWeighted(algorithm.with(c.particles()), Compiler.compile(c.model()));
      return true;
    });
  }

  @Test
  void likelihoodWeightingIsUnbiasedAndProperlyWeighted() {
    unbiasedAndProperlyWeighted(LikelihoodWeighting::new);
  }

  @Test
  void weightAsValueKeepsThePriorAndTheWeights() {
    // the measure of the model is the pushforward of the prior runs reweighted by their recorded weights
    Property.forAll(ProgramGen.models(), ProgramShrinker.closed(), TRIES, SEED, p -> {
      Prob<Integer> model = Compiler.compile(p);
      Prob<Integer> reweighted = WeightAsValue.transform(model)
          .flatMap(w -> new org.probity.core.Factor<>(org.probity.ad.Real.of(w.logWeight()), () -> new Pure<>(w.value())));
      Measures.assertSame(reweighted, model);
      return true;
    });
  }

  // ---- planted bugs ----

  /** Likelihood weighting whose population is rebuilt by {@code estimate} from the weighted runs. */
  static Algorithm planted(java.util.function.Function<List<Weighted<Integer>>, Population<Integer>> estimate) {
    return n -> new ParticleAlgorithm() {
      @Override
      @SuppressWarnings("unchecked")
      public <A> Prob<Population<A>> asProb(Prob<A> model) {
        List<Prob<Weighted<Integer>>> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          parts.add(WeightAsValue.transform((Prob<Integer>) model, Address.of("particle", i)));
        }
        return new Independent<Weighted<Integer>, Population<A>>(parts,
            ws -> new Pure<>((Population<A>) (Population<?>) estimate.apply(ws)));
      }
    };
  }

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
    Programs.assertFoundSmall(() -> unbiasedAndProperlyWeighted(planted(ws -> {
      Population<Integer> correct = LikelihoodWeighting.population(ws);
      double[] wbar = correct.normalisedWeights();
      double[] terms = new double[ws.size()];
      for (int i = 0; i < terms.length; i++) {
        terms[i] = Math.log(wbar[i]) + ws.get(i).logWeight();
      }
      return new Population<>(ws, logSumExp(terms));
    })), 4, ImportanceSamplingTest::size);
  }

  @Test
  void findsPopulationsThatForgetTheWeights() {
    // the evidence is right but the particles are reported unweighted: not properly weighted
    Programs.assertFoundSmall(() -> unbiasedAndProperlyWeighted(planted(ws -> {
      Population<Integer> correct = LikelihoodWeighting.population(ws);
      List<Weighted<Integer>> flat = ws.stream().map(w -> new Weighted<>(w.value(), 0.0)).toList();
      return new Population<>(flat, correct.logEvidence());
    })), 4, ImportanceSamplingTest::size);
  }
}
