package org.probity.proofs;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.probity.core.Prob;
import org.probity.core.Weighted;
import org.probity.semantics.Enumeration;
import org.probity.semantics.Enumerator;

/**
 * Exact checks of particle algorithms by enumeration: unbiasedness of the evidence estimate,
 * E[Zhat] = Z (Del Moral, "Feynman-Kac formulae", 2004, Thm 7.4.2 for SMC; immediate for
 * importance sampling), proper weighting, E[Zhat * sum_i wbar_i delta(x_i)] = gamma, the
 * unnormalised posterior (Naesseth, Lindsten and Schön 2019, Def. 2.2.1), and preservation of the
 * population's unnormalised measure in expectation by resampling (Douc, Cappé and Moulines 2005).
 * Each check throws an {@link AssertionError} naming the first discrepancy.
 */
public final class ParticleProperties {
  /** Relative tolerance of the exact checks: sums of a few thousand products, rounding about 1e-13. */
  public static final double RELATIVE_TOLERANCE = 1e-9;

  private ParticleProperties() {
  }

  /** Checks E[Zhat] = Z and proper weighting of {@code algorithm} on a finite {@code model}. */
  public static <A> void unbiasedAndProperlyWeighted(ParticleAlgorithm algorithm, Prob<A> model) {
    Map<A, Double> gamma = new LinkedHashMap<>();
    double z = 0;
    for (Weighted<A> w : Enumerator.unnormalised(model)) {
      gamma.put(w.value(), w.weight());
      z += w.weight();
    }
    Enumeration<Population<A>> out = Enumerator.enumerate(algorithm.asProb(model));
    double meanZ = 0;
    Map<A, Double> expected = new LinkedHashMap<>();
    for (Map.Entry<Population<A>, Double> e : out.probabilities().entrySet()) {
      Population<A> pop = e.getKey();
      double pr = e.getValue();
      meanZ += pr * Math.exp(pop.logEvidence());
      for (Map.Entry<A, Double> m : pop.estimatedMeasure().entrySet()) {
        expected.merge(m.getKey(), pr * m.getValue(), Double::sum);
      }
    }
    double scale = Math.max(z, Double.MIN_NORMAL);
    if (Math.abs(meanZ - z) > RELATIVE_TOLERANCE * scale) {
      throw new AssertionError("evidence estimate is biased: E[Zhat] = " + meanZ + " but Z = " + z
          + " (relative error " + Math.abs(meanZ - z) / scale + ")");
    }
    String d = measureDifference(expected, gamma, scale);
    if (d != null) {
      throw new AssertionError("not properly weighted: E[Zhat * weighted particles] differs from the unnormalised posterior at "
          + d);
    }
  }

  /** Checks E[sum_i w'_i delta(x'_i)] = sum_i w_i delta(x_i) for one population. */
  public static <A> void preservesMeasureInExpectation(Resampler resampler, List<Weighted<A>> population) {
    Map<A, Double> before = new LinkedHashMap<>();
    double total = 0;
    for (Weighted<A> w : population) {
      before.merge(w.value(), w.weight(), Double::sum);
      total += w.weight();
    }
    Prob<List<Weighted<A>>> after = resampler.resample(population);
    Enumeration<List<Weighted<A>>> out = Enumerator.enumerate(after);
    Map<A, Double> expected = new LinkedHashMap<>();
    for (Map.Entry<List<Weighted<A>>, Double> e : out.probabilities().entrySet()) {
      for (Weighted<A> w : e.getKey()) {
        expected.merge(w.value(), e.getValue() * w.weight(), Double::sum);
      }
    }
    String d = measureDifference(expected, before, Math.max(total, Double.MIN_NORMAL));
    if (d != null) {
      throw new AssertionError("resampling changes the population's measure in expectation at " + d);
    }
  }

  /** Null when the measures agree within the relative tolerance of {@code scale}; else the difference. */
  static <A> String measureDifference(Map<A, Double> got, Map<A, Double> want, double scale) {
    Set<A> keys = new LinkedHashSet<>(want.keySet());
    keys.addAll(got.keySet());
    for (A k : keys) {
      double g = got.getOrDefault(k, 0.0);
      double w = want.getOrDefault(k, 0.0);
      if (Math.abs(g - w) > RELATIVE_TOLERANCE * scale) {
        return "value " + k + ": expected mass " + g + ", exact " + w + "\n  expected: " + got + "\n  exact:    " + want;
      }
    }
    return null;
  }
}
