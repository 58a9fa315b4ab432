package org.probity.examples;

import static org.probity.Probity.*;

import java.util.List;
import org.apache.commons.numbers.gamma.LogBeta;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.dist.Beta;
import org.probity.semantics.ImportanceSampling;
import org.probity.semantics.WeightedSample;

/**
 * The bias of a coin: p ~ Beta(2, 2), flips ~ Bernoulli(p), inferred by likelihood-weighted
 * importance sampling and checked against the conjugate posterior Beta(2 + heads, 2 + tails).
 */
@Example(name = "coin", description = "Coin bias: Beta(2,2) prior, Bernoulli flips; importance sampling vs the exact Beta posterior")
public final class BetaBernoulliCoin {
  /** The prior shapes. */
  public static final double A = 2;
  /** The prior shapes. */
  public static final double B = 2;
  /** Ten flips, seven heads. */
  public static final List<Boolean> FLIPS = List.of(true, true, false, true, true, true, false, true, false, true);

  private BetaBernoulliCoin() {
  }

  /** p ~ Beta(a, b); each flip ~ Bernoulli(p); returns p. */
  public static Prob<Real> model(List<Boolean> flips) {
    return sample(beta(A, B), p ->
        forEach(flips, flip -> observe(bernoulli(p), flip))
        .map(done -> p));
  }

  /** The exact posterior Beta(a + heads, b + tails). */
  public static Beta exactPosterior(List<Boolean> flips) {
    long heads = flips.stream().filter(f -> f).count();
    return beta(A + heads, B + flips.size() - heads);
  }

  /** The exact log evidence log B(a + heads, b + tails) - log B(a, b) of the flips. */
  public static double exactLogEvidence(List<Boolean> flips) {
    long heads = flips.stream().filter(f -> f).count();
    return LogBeta.value(A + heads, B + flips.size() - heads) - LogBeta.value(A, B);
  }

  /** Likelihood weighting with {@code n} samples. */
  public static WeightedSample<Real> posterior(List<Boolean> flips, int n, long seed) {
    return ImportanceSampling.run(model(flips), n, seed);
  }

  /** Prints the importance-sampling posterior of p beside the exact one. */
  public static void main(String[] args) {
    Args a = Args.of("coin", args, "samples: importance samples (default 20000)");
    if (a.help()) {
      return;
    }
    int n = a.positiveInt(0, 20_000);
    WeightedSample<Real> post = posterior(FLIPS, n, 42);
    Beta exact = exactPosterior(FLIPS);
    long heads = FLIPS.stream().filter(f -> f).count();
    System.out.printf("Coin bias p ~ Beta(%.0f, %.0f); %d heads in %d flips%n", A, B, heads, FLIPS.size());
    System.out.println("importance sampling: " + post.summary("p", Real::value));
    String exactName = String.format("exact Beta(%.0f, %.0f):", A + heads, B + FLIPS.size() - heads);
    System.out.printf("%-21s%-12s mean %9.4f  sd %8.4f%n", exactName, "p", exact.mean(), Math.sqrt(exact.variance()));
    System.out.printf("log evidence: IS %.4f, exact %.4f%n", post.logEvidence(), exactLogEvidence(FLIPS));
  }
}
