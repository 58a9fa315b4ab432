package org.probity.proofs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.dist.Distribution;
import org.probity.inference.smc.Population;
import org.probity.inference.smc.Resampler;
import org.probity.inference.smc.Smc;
import org.probity.inference.smc.SystematicResampling;
import org.probity.testkit.Gen;
import org.probity.testkit.Property;
import org.probity.testkit.PropertyFailure;
import org.probity.testkit.Shrinker;
import org.probity.testkit.Tries;
import org.probity.testkit.laws.ProperWeighting;
import org.probity.testkit.programs.Compiler;
import org.probity.testkit.programs.Program;
import org.probity.testkit.programs.ProgramGen;
import org.probity.testkit.programs.ProgramShrinker;

/**
 * Every SMC variant of {@code org.probity.inference.smc} is unbiased, E[Zhat] = Z (Del Moral,
 * "Feynman-Kac formulae", 2004, Thm 7.4.2), and properly weighted, E[Zhat * sum_i wbar_i
 * delta(x_i)] = gamma (Naesseth, Lindsten and Schön 2019, Def. 2.2.1), exactly by enumeration of
 * the algorithm itself, on generated finite programs with stochastic control flow and differing
 * numbers of observations per path, for 2 and 3 particles: {@code Smc.smc} with each of the four
 * resamplers, {@code Smc.adaptive} and {@code Smc.importance}. Each real resampler on its own
 * preserves a generated population's unnormalised measure in expectation (Douc, Cappé and
 * Moulines 2005). Planted bugs (systematic resampling off by one; evidence from normalised
 * weights) are found and shrunk small.
 */
class SmcPropertiesTest {
  static final long SEED = 2004L;
  static final int TRIES = Tries.of(80, 800);
  /**
   * Model size bound: the output has up to paths^(particles * steps) outcomes; 8 is needed for
   * enough programs with a resampling step between dependent choices.
   */
  static final int MAX_MODEL_SIZE = 8;

  /** A model and a number of particles (2 or 3). */
  record Case(Program model, int particles) {
    @Override
    public String toString() {
      return particles + " particles on\n" + model;
    }
  }

  static final Gen<Case> CASES = (rng, size) -> new Case(
      ProgramGen.models().generate(rng, Math.min(size, MAX_MODEL_SIZE)), 2 + rng.nextInt(2));

  static final Shrinker<Case> SHRINK = c -> {
    List<Case> out = new ArrayList<>();
    ProgramShrinker.shrink(c.model(), 0).forEach(m -> out.add(new Case(m, c.particles())));
    if (c.particles() > 2) {
      out.add(new Case(c.model(), c.particles() - 1));
    }
    return out;
  };

  /** An SMC variant of {@code org.probity.inference.smc}, for a model and a number of particles. */
  interface Algorithm {
    <A> Prob<Population<A>> on(Prob<A> model, int particles);
  }

  /**
   * The algorithm is unbiased and properly weighted on every generated case: its output population
   * read as log Zhat = {@link Population#logEvidenceEstimate} (running log evidence plus log mean
   * weight, Del Moral 2004, Thm 7.4.2) and its weighted finished particles
   * ({@link Population#weightedResults}).
   */
  static void unbiasedAndProperlyWeighted(Algorithm algorithm) {
    Property.forAll(CASES, SHRINK, TRIES, SEED, c -> {
      Prob<Integer> model = Compiler.compile(c.model());
      ProperWeighting.check(model, algorithm.on(model, c.particles()), Population::logEvidenceEstimate,
          Population::weightedResults);
      return true;
    });
  }

  static Algorithm smc(Resampler r) {
    return new Algorithm() {
      @Override
      public <A> Prob<Population<A>> on(Prob<A> model, int n) {
        return Smc.smc(model, n, r);
      }
    };
  }

  @Test
  void smcWithMultinomialResamplingIsUnbiasedAndProperlyWeighted() {
    unbiasedAndProperlyWeighted(smc(Resampler.MULTINOMIAL));
  }

  @Test
  void smcWithSystematicResamplingIsUnbiasedAndProperlyWeighted() {
    unbiasedAndProperlyWeighted(smc(Resampler.SYSTEMATIC));
  }

  @Test
  void smcWithStratifiedResamplingIsUnbiasedAndProperlyWeighted() {
    unbiasedAndProperlyWeighted(smc(Resampler.STRATIFIED));
  }

  @Test
  void smcWithResidualResamplingIsUnbiasedAndProperlyWeighted() {
    unbiasedAndProperlyWeighted(smc(Resampler.RESIDUAL));
  }

  @Test
  void adaptiveSmcIsUnbiasedAndProperlyWeighted() {
    // threshold 0.75: with 2-3 particles some steps resample and some do not
    unbiasedAndProperlyWeighted(new Algorithm() {
      @Override
      public <A> Prob<Population<A>> on(Prob<A> model, int n) {
        return Smc.adaptive(model, n, Resampler.SYSTEMATIC, 0.75);
      }
    });
  }

  @Test
  void sequentialImportanceSamplingIsUnbiasedAndProperlyWeighted() {
    unbiasedAndProperlyWeighted(new Algorithm() {
      @Override
      public <A> Prob<Population<A>> on(Prob<A> model, int n) {
        return Smc.importance(model, n);
      }
    });
  }

  // ---- each resampler on its own ----

  @Test
  void everyResamplerPreservesThePopulationsMeasure() {
    for (Resampler r : List.of(Resampler.MULTINOMIAL, Resampler.SYSTEMATIC, Resampler.STRATIFIED, Resampler.RESIDUAL)) {
      ResamplerPropertiesTest.preserves(r);
    }
  }

  // ---- planted bugs ----

  /**
   * Systematic resampling off by one: every ancestor is shifted to the next particle (capped at
   * the last), as an interval search that compares with the wrong cumulative weight would do.
   */
  static final Resampler OFF_BY_ONE = (w, n) -> new Shifted(new SystematicResampling(w, n), w.length);

  /** The ancestor distribution pushed forward by a[j] -> min(a[j] + 1, K - 1) (still sorted). */
  static final class Shifted implements Distribution<int[]> {
    private final Distribution<int[]> base;
    private final int k;
    private final Map<List<Integer>, Double> support = new LinkedHashMap<>();

    Shifted(Distribution<int[]> base, int k) {
      this.base = base;
      this.k = k;
      for (int[] a : base.enumerateSupport()) {
        support.merge(key(shift(a)), Math.exp(base.logDensity(a)), Double::sum);
      }
    }

    private int[] shift(int[] a) {
      int[] b = new int[a.length];
      for (int j = 0; j < a.length; j++) {
        b[j] = Math.min(a[j] + 1, k - 1);
      }
      return b;
    }

    private static List<Integer> key(int[] a) {
      List<Integer> l = new ArrayList<>();
      for (int x : a) {
        l.add(x);
      }
      return l;
    }

    @Override
    public int[] sample(UniformRandomProvider rng) {
      return shift(base.sample(rng));
    }

    @Override
    public double logDensity(int[] a) {
      Double p = support.get(key(a));
      return p == null ? Double.NEGATIVE_INFINITY : Math.log(p);
    }

    @Override
    public Real logProb(int[] a) {
      return Real.of(logDensity(a));
    }

    @Override
    public boolean hasFiniteSupport() {
      return true;
    }

    @Override
    public List<int[]> enumerateSupport() {
      return support.keySet().stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toList();
    }
  }

  static int size(Object c) {
    return ((Case) c).model().size();
  }

  @Test
  void findsSystematicResamplingOffByOneInSmc() {
    // the smallest witness needs a choice, an observation (so resampling happens) and a later choice
    // whose result depends on the first: 6 nodes written out, 7 when the generator found it as a
    // one-level recursion (recursive(depth 1){x ~ bernoulli; factor(x); recurse; return x}), which
    // greedy shrinking cannot unroll into the 6-node form
    PropertyFailure f = Property.assertFindsSmall(() -> unbiasedAndProperlyWeighted(smc(OFF_BY_ONE)), 7,
        SmcPropertiesTest::size);
    assertTrue(f.getMessage().contains("not properly weighted"), f.getMessage());
  }

  @Test
  void findsSystematicResamplingOffByOneOnItsOwn() {
    PropertyFailure f = Property.assertFindsSmall(() -> ResamplerPropertiesTest.preserves(OFF_BY_ONE),
        2, c -> ((ResamplerPropertiesTest.Pop) c).particles().size());
    ResamplerPropertiesTest.assertTrueMessage(f);
  }

  @Test
  void findsSmcEvidenceFromNormalisedWeights() {
    // Zhat = Z_running * sum_i wbar_i w_i instead of Z_running * mean_i w_i: biased upwards
    PropertyFailure f = Property.assertFindsSmall(() -> Property.forAll(CASES, SHRINK, TRIES, SEED, c -> {
      Prob<Integer> model = Compiler.compile(c.model());
      ProperWeighting.check(model, Smc.smc(model, c.particles(), Resampler.SYSTEMATIC),
          SmcPropertiesTest::evidenceFromNormalisedWeights, Population::weightedResults);
      return true;
    }), 4, SmcPropertiesTest::size);
    assertTrue(f.getMessage().contains("evidence estimate is biased"), f.getMessage());
  }

  /** The planted estimate log(Z_running * sum_i wbar_i w_i). */
  static double evidenceFromNormalisedWeights(Population<?> p) {
    double[] lw = p.logWeights();
    double[] wbar = p.normalisedWeights();
    double[] terms = new double[lw.length];
    for (int i = 0; i < terms.length; i++) {
      terms[i] = Math.log(wbar[i]) + lw[i];
    }
    return p.logEvidence() + ImportanceSamplingTest.logSumExp(terms);
  }
}
