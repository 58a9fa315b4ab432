package org.probity.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.dist.Beta;
import org.probity.semantics.WeightedSample;

/** The coin example's importance-sampling posterior against the conjugate Beta posterior. */
class BetaBernoulliCoinTest {
  private static final int N = 20_000;

  @Test
  void posteriorMeanWithinFiveMonteCarloStandardErrorsOfTheConjugateMean() {
    WeightedSample<Real> post = BetaBernoulliCoin.posterior(BetaBernoulliCoin.FLIPS, N, 42);
    Beta exact = BetaBernoulliCoin.exactPosterior(BetaBernoulliCoin.FLIPS);
    assertEquals(9.0 / 14, exact.mean(), 1e-15, "Beta(2 + 7, 2 + 3)");
    double ess = post.ess();
    assertTrue(ess > N / 10.0, "ESS " + ess);
    // Self-normalised IS: MCSE of the mean is about sd / sqrt(ESS).
    double mcse = Math.sqrt(post.variance(Real::value) / ess);
    double mean = post.expectation(Real::value);
    assertEquals(exact.mean(), mean, 5 * mcse, "IS mean " + mean + ", MCSE " + mcse);
  }

  @Test
  void logEvidenceWithinFiveMonteCarloStandardErrorsOfTheExactOne() {
    WeightedSample<Real> post = BetaBernoulliCoin.posterior(BetaBernoulliCoin.FLIPS, N, 7);
    // Delta method: var(log mean w) is about var(w) / (n mean(w)^2) = (n / ESS - 1) / n.
    double mcse = Math.sqrt((N / post.ess() - 1) / N);
    double exact = BetaBernoulliCoin.exactLogEvidence(BetaBernoulliCoin.FLIPS);
    assertEquals(exact, post.logEvidence(), 5 * mcse, "MCSE " + mcse);
  }
}
