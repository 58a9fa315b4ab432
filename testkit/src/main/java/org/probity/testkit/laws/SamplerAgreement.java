package org.probity.testkit.laws;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.probity.core.Prob;
import org.probity.core.Weighted;
import org.probity.random.Rngs;
import org.probity.semantics.Enumeration;
import org.probity.semantics.Enumerator;

/**
 * The statistical check that the sampling semantics agrees with the exact one: {@code runs}
 * weighted Sampler runs at a fixed seed give self-normalised frequencies p̂(x) = sum_r w_r
 * 1{x_r = x} / sum_r w_r, compared with the enumerated posterior pi(x).
 *
 * <p>The tolerance is exact, not guessed: the asymptotic variance of the self-normalised
 * estimator (the delta method; Owen, "Monte Carlo theory, methods and examples", 2013, §9.2) is
 * sigma_x^2 = E_prior[(w/Z)^2 (1{X=x} - pi(x))^2] / runs, and the Enumerator computes that
 * expectation exactly from the prior runs with their likelihoods, {@code Traces.prior(model)}
 * (the trace interpreter records the likelihood without weighting). Each outcome is a z-test
 * at level {@code alpha / outcomes} (Bonferroni), so a correct Sampler fails a program with
 * probability at most about {@code alpha}. Programs whose expected effective sample size
 * runs / E[(w/Z)^2] is below {@link #MIN_EFFECTIVE_RUNS} (rare conditions) are not judged, since
 * the normal approximation would not hold.
 */
public final class SamplerAgreement {
  /** Programs with fewer expected effective runs are skipped. */
  public static final double MIN_EFFECTIVE_RUNS = 300;
  /** Below this standard deviation an outcome is certain or impossible and must match within it. */
  public static final double DEGENERATE_SD = 1e-9;

  private SamplerAgreement() {
  }

  /** The verdict on one program. */
  public enum Verdict {
    /** Within tolerance. */
    AGREES,
    /** Not judged: too few effective runs expected, or the posterior does not exist. */
    SKIPPED
  }

  /** Checks the sampler on one program; throws an {@link AssertionError} naming the worst outcome. */
  public static Verdict check(SamplerUnderTest sampler, Prob<Integer> model, int runs, long seed, double alpha) {
    Enumeration<Weighted<Integer>> prior = Enumerator.enumerate(Measures.likelihoodWeighted(model));
    double z = 0;
    for (Map.Entry<Weighted<Integer>, Double> e : prior.probabilities().entrySet()) {
      z += e.getValue() * e.getKey().weight();
    }
    if (!(z > 0)) {
      return Verdict.SKIPPED;
    }
    Map<Integer, Double> pi = new LinkedHashMap<>();
    double secondMoment = 0;
    for (Map.Entry<Weighted<Integer>, Double> e : prior.probabilities().entrySet()) {
      double w = e.getKey().weight() / z;
      if (w > 0) { // a run of zero weight (value null) has no posterior mass
        pi.merge(e.getKey().value(), e.getValue() * w, Double::sum);
      }
      secondMoment += e.getValue() * w * w;
    }
    if (runs / secondMoment < MIN_EFFECTIVE_RUNS) {
      return Verdict.SKIPPED;
    }
    Map<Integer, Double> mass = new LinkedHashMap<>();
    double total = 0;
    for (int r = 0; r < runs; r++) {
      Weighted<Integer> w = sampler.run(model, Rngs.childSeed(seed, r));
      if (Double.isNaN(w.logWeight()) || w.logWeight() == Double.POSITIVE_INFINITY) {
        throw new AssertionError("the sampler returned log weight " + w.logWeight());
      }
      if (w.logWeight() > Double.NEGATIVE_INFINITY) {
        mass.merge(w.value(), w.weight(), Double::sum);
      }
      total += w.weight();
    }
    if (!(total > 0)) {
      throw new AssertionError("all " + runs + " runs have zero weight, though the expected effective number of runs is "
          + runs / secondMoment);
    }
    Set<Integer> outcomes = new LinkedHashSet<>(pi.keySet());
    outcomes.addAll(mass.keySet());
    double crit = NormalDistribution.of(0, 1).inverseSurvivalProbability(alpha / (2.0 * outcomes.size()));
    for (Integer x : outcomes) {
      double p = pi.getOrDefault(x, 0.0);
      double phat = mass.getOrDefault(x, 0.0) / total;
      double var = 0;
      for (Map.Entry<Weighted<Integer>, Double> e : prior.probabilities().entrySet()) {
        double w = e.getKey().weight() / z;
        double d = (java.util.Objects.equals(x, e.getKey().value()) ? 1.0 : 0.0) - p;
        var += e.getValue() * w * w * d * d;
      }
      double sd = Math.sqrt(var / runs);
      // a (numerically) zero variance means a certain or impossible outcome: it must match exactly
      boolean degenerate = sd < DEGENERATE_SD;
      if (degenerate ? Math.abs(phat - p) > DEGENERATE_SD : Math.abs(phat - p) > crit * sd) {
        throw new AssertionError(String.format("outcome %d: sampler frequency %.5f, exact posterior %.5f, z = %.2f > %.2f"
            + " (%d runs, sd %.5f)%n  exact:   %s%n  sampler: %s", x, phat, p, degenerate ? Double.POSITIVE_INFINITY
            : Math.abs(phat - p) / sd, crit, runs, sd, pi, normalise(mass, total)));
      }
    }
    return Verdict.AGREES;
  }

  private static Map<Integer, Double> normalise(Map<Integer, Double> mass, double total) {
    Map<Integer, Double> out = new LinkedHashMap<>();
    mass.forEach((k, v) -> out.put(k, Math.round(v / total * 1e5) / 1e5));
    return out;
  }
}
