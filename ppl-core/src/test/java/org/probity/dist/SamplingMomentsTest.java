package org.probity.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.probity.ad.Real;
import org.probity.random.Rngs;

/**
 * Samplers against the distributions' own moments at fixed seeds, each within 5 Monte Carlo
 * standard errors: the sample mean with standard error sqrt(var / n) from the true variance;
 * the sample variance with standard error sqrt((mu4 - sigma^4 (n-3)/(n-1)) / n), the fourth
 * central moment mu4 computed by quadrature (continuous) or summation (discrete). For heavy
 * tails (infinite fourth moment) and additionally for every distribution with a CDF, the robust
 * statistic is the count of draws below the quantiles F^-1(q), q in {0.1, 0.25, 0.5, 0.75, 0.9},
 * which is Binomial(n, q): within 5 sqrt(n q (1-q)). The declared mean and variance are also
 * checked against quadrature (1e-7 relative).
 */
class SamplingMomentsTest {
  private static final int N = "full".equals(System.getProperty("probity.tries")) ? 400_000 : 20_000;
  private static final double Z = 5;
  private static final double[] QS = {0.1, 0.25, 0.5, 0.75, 0.9};

  private static double[] draws(Continuous d, long seed) {
    UniformRandomProvider rng = Rngs.of(seed);
    double[] xs = new double[N];
    for (int i = 0; i < N; i++) {
      xs[i] = d.sampleDouble(rng);
    }
    return xs;
  }

  static void checkMeanAndVariance(String name, double[] xs, double mean, double variance, double mu4) {
    int n = xs.length;
    double s = 0;
    for (double x : xs) {
      s += x;
    }
    double m = s / n;
    double ss = 0;
    for (double x : xs) {
      ss += (x - m) * (x - m);
    }
    double v = ss / (n - 1);
    double seMean = Math.sqrt(variance / n);
    assertEquals(mean, m, Z * seMean, name + ": sample mean");
    if (Double.isFinite(mu4)) {
      double seVar = Math.sqrt((mu4 - variance * variance * (n - 3.0) / (n - 1.0)) / n);
      assertEquals(variance, v, Z * seVar, name + ": sample variance");
    }
  }

  @TestFactory
  Stream<DynamicTest> continuousSamplers() {
    List<DynamicTest> tests = new ArrayList<>();
    long seed = 1000;
    for (Cases.C c : Cases.continuous()) {
      long sd = seed++;
      Continuous d = c.dist();
      tests.add(DynamicTest.dynamicTest(c.name(), () -> {
        double[] xs = draws(d, sd);
        for (double x : xs) {
          assertTrue(x >= d.supportLowerBound() && x <= d.supportUpperBound(), c.name() + " drew " + x + " outside its support");
        }
        if (!c.heavy()) {
          double mean = NormalisationTest.integrateDensity(d, x -> x);
          double var = NormalisationTest.integrateDensity(d, x -> (x - mean) * (x - mean));
          double mu4 = NormalisationTest.integrateDensity(d, x -> Math.pow(x - mean, 4));
          assertEquals(mean, d.mean(), 1e-7 * Math.max(1, Math.abs(mean)), c.name() + ": declared mean");
          assertEquals(var, d.variance(), 1e-7 * var, c.name() + ": declared variance");
          checkMeanAndVariance(c.name(), xs, mean, var, mu4);
        }
        if (d instanceof ContinuousCdf f) {
          for (double q : QS) {
            double x = f.inverseCdf(q);
            assertEquals(q, f.cdf(x), 1e-9, c.name() + ": cdf(inverseCdf(" + q + "))");
            long below = 0;
            for (double y : xs) {
              if (y <= x) {
                below++;
              }
            }
            assertEquals(N * q, below, Z * Math.sqrt(N * q * (1 - q)), c.name() + ": draws below the " + q + " quantile " + x);
          }
        }
      }));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> discreteSamplers() {
    List<DynamicTest> tests = new ArrayList<>();
    long seed = 2000;
    for (Cases.D c : Cases.discrete()) {
      long sd = seed++;
      Discrete d = c.dist();
      tests.add(DynamicTest.dynamicTest(c.name(), () -> {
        double mean = 0;
        double var = 0;
        double mu4 = 0;
        int lo = (int) d.supportLowerBound();
        int hi = (int) Math.min(d.supportUpperBound(), 100_000);
        for (int k = lo; k <= hi; k++) {
          mean += k * Math.exp(d.logPmf(k));
        }
        for (int k = lo; k <= hi; k++) {
          double p = Math.exp(d.logPmf(k));
          var += (k - mean) * (k - mean) * p;
          mu4 += Math.pow(k - mean, 4) * p;
        }
        assertEquals(mean, d.mean(), 1e-9 * Math.max(1, Math.abs(mean)), c.name() + ": declared mean");
        assertEquals(var, d.variance(), 1e-9 * Math.max(1, var), c.name() + ": declared variance");
        UniformRandomProvider rng = Rngs.of(sd);
        double[] xs = new double[N];
        for (int i = 0; i < N; i++) {
          int k = d.sample(rng);
          assertTrue(k >= d.supportLowerBound() && k <= d.supportUpperBound(), c.name() + " drew " + k);
          xs[i] = k;
        }
        if (var == 0) {
          for (double x : xs) {
            assertEquals(mean, x, 0.0, c.name());
          }
        } else {
          checkMeanAndVariance(c.name(), xs, mean, var, mu4);
        }
      }));
    }
    return tests.stream();
  }

  @Test
  void dirichletMarginals() {
    Dirichlet d = Dirichlet.of(2, 3, 0.5);
    double[] mean = d.mean();
    double[] var = d.variance();
    UniformRandomProvider rng = Rngs.of(31);
    double[][] xs = new double[3][N];
    for (int i = 0; i < N; i++) {
      Real[] x = d.sample(rng);
      assertEquals(1.0, x[0].value() + x[1].value() + x[2].value(), 1e-12);
      for (int j = 0; j < 3; j++) {
        xs[j][i] = x[j].value();
      }
    }
    for (int j = 0; j < 3; j++) {
      // a Dirichlet marginal is Beta(alpha_j, a0 - alpha_j): its fourth central moment by quadrature
      Beta marginal = Beta.of(new double[] {2, 3, 0.5}[j], 5.5 - new double[] {2, 3, 0.5}[j]);
      double m = mean[j];
      double mu4 = NormalisationTest.integrateDensity(marginal, x -> Math.pow(x - m, 4));
      checkMeanAndVariance("Dirichlet[" + j + "]", xs[j], mean[j], var[j], mu4);
    }
  }

  @Test
  void mvNormalMeansAndCovariances() {
    double[][] cov = {{2, 0.8, -0.3}, {0.8, 1, 0.2}, {-0.3, 0.2, 0.5}};
    double[] mu = {1, -2, 0.5};
    MvNormal d = MvNormal.of(mu, cov);
    double[][] back = d.covariance();
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        assertEquals(cov[i][j], back[i][j], 1e-12);
      }
    }
    UniformRandomProvider rng = Rngs.of(32);
    double[][] xs = new double[N][];
    for (int i = 0; i < N; i++) {
      xs[i] = Real.values(d.sample(rng));
    }
    for (int a = 0; a < 3; a++) {
      double s = 0;
      for (double[] x : xs) {
        s += x[a];
      }
      assertEquals(mu[a], s / N, Z * Math.sqrt(cov[a][a] / N), "mean " + a);
      for (int b = 0; b <= a; b++) {
        double c = 0;
        for (double[] x : xs) {
          c += (x[a] - mu[a]) * (x[b] - mu[b]);
        }
        // for a Gaussian, Var((Xa - mu_a)(Xb - mu_b)) = S_aa S_bb + S_ab^2
        double se = Math.sqrt((cov[a][a] * cov[b][b] + cov[a][b] * cov[a][b]) / N);
        assertEquals(cov[a][b], c / N, Z * se, "covariance " + a + "," + b);
      }
    }
  }

  @Test
  void multinomialCounts() {
    double[] p = {0.2, 0.5, 0.3};
    int n = 20;
    Multinomial d = Multinomial.of(n, p);
    UniformRandomProvider rng = Rngs.of(33);
    double[][] xs = new double[3][N];
    for (int i = 0; i < N; i++) {
      int[] k = d.sample(rng);
      assertEquals(n, k[0] + k[1] + k[2]);
      for (int j = 0; j < 3; j++) {
        xs[j][i] = k[j];
      }
    }
    for (int j = 0; j < 3; j++) {
      // each count is Binomial(n, p_j)
      Binomial marginal = Binomial.of(n, p[j]);
      double m = marginal.mean();
      double mu4 = 0;
      for (int k = 0; k <= n; k++) {
        mu4 += Math.pow(k - m, 4) * Math.exp(marginal.logPmf(k));
      }
      checkMeanAndVariance("Multinomial[" + j + "]", xs[j], m, marginal.variance(), mu4);
    }
  }
}
