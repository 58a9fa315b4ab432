package org.probity.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.probity.random.Rngs;

/**
 * Poisson rates above Commons RNG's sampler limit (2^30 - 1/2): sampled exactly as a sum of
 * Poisson variates (mean and variance within 5 standard errors over 2,000 draws), and refused
 * with a {@link DistributionException} naming the distribution and the rate where the draws
 * cannot be ints; the same for the gamma-Poisson mixture of {@link NegativeBinomial} and for
 * {@link PoissonLog}. Below the limit the stream is unchanged (the same draws as Commons RNG's
 * sampler).
 */
class PoissonLargeMeanTest {
  private static final int DRAWS = 2_000;

  @Test
  void ratesAboveTheSamplersLimitAreSampledExactly() {
    double rate = 1.5e9;
    UniformRandomProvider rng = Rngs.of(61);
    double s = 0;
    double ss = 0;
    for (int i = 0; i < DRAWS; i++) {
      double k = Poisson.of(rate).sample(rng);
      s += k;
      ss += (k - rate) * (k - rate);
    }
    assertEquals(rate, s / DRAWS, 5 * Math.sqrt(rate / DRAWS));
    // the variance of (k - rate)^2 is 2 rate^2 + rate for a Poisson(rate)
    assertEquals(rate, ss / DRAWS, 5 * Math.sqrt((2 * rate * rate + rate) / DRAWS));
  }

  @Test
  void ratesWhoseDrawsCannotBeIntsAreRefusedClearly() {
    DistributionException e = assertThrows(DistributionException.class, () -> Poisson.of(1e10).sample(Rngs.of(1)));
    assertSame(DistributionException.class, e.getClass());
    assertTrue(e.getMessage().startsWith("Poisson(1.0E10): cannot sample rate 1.0E10"), e.getMessage());
    assertTrue(assertThrows(DistributionException.class, () -> PoissonLog.of(Math.log(1e10)).sample(Rngs.of(1)))
        .getMessage().startsWith("PoissonLog("));
  }

  @Test
  void negativeBinomialWithAGammaRateAboveTheLimitSamples() {
    NegativeBinomial nb = NegativeBinomial.of(1500, 1e-6);
    double mean = nb.mean();
    UniformRandomProvider rng = Rngs.of(62);
    double s = 0;
    for (int i = 0; i < 200; i++) {
      s += nb.sample(rng);
    }
    assertEquals(mean, s / 200, 5 * Math.sqrt(nb.variance() / 200));
  }

  @Test
  void poissonLogDrawsAreThePoissonDrawsOfItsRate() {
    UniformRandomProvider a = Rngs.of(63);
    UniformRandomProvider b = Rngs.of(63);
    for (double eta : new double[] {-3, 0.2, 4, 20}) {
      for (int i = 0; i < 50; i++) {
        assertEquals(Poisson.of(Math.exp(eta)).sample(a), PoissonLog.of(eta).sample(b));
      }
    }
    assertEquals(0, PoissonLog.of(-800).sample(a));
    assertEquals(Poisson.of(Math.exp(1.3)).logPmf(4), PoissonLog.of(1.3).logPmf(4), 1e-13);
    assertEquals(Poisson.of(Math.exp(6)).logPmf(300), PoissonLog.of(6).logPmf(300), 1e-12 * 300);
  }
}
