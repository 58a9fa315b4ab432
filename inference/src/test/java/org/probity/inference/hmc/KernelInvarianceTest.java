package org.probity.inference.hmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.probity.random.Rngs;

/**
 * One transition from exact draws of a Gaussian target must give exact draws again: the moments
 * of the draws after one step are compared with the target's, with the iid standard errors of
 * the (independent) pairs. On the 1-D standard normal, static HMC's transition law is computed
 * exactly (the leapfrog is linear there), so E[accept_stat] and the lag-one moment E[x0 x1] are
 * checked against closed forms; an unadjusted leapfrog (no accept step) fails the same check.
 */
class KernelInvarianceTest {
  private static final int N = MomentChecks.FULL ? 200_000 : 20_000;
  private static final double Z = MomentChecks.Z;

  /** The leapfrog map of H = (q^2 + p^2) / 2 with step e, as a 2x2 matrix (independent of Leapfrog). */
  private static double[][] leapfrogMatrix(double e, int steps) {
    double[][] a = {{1 - e * e / 2, e}, {-e * (1 - e * e / 4), 1 - e * e / 2}};
    double[][] m = {{1, 0}, {0, 1}};
    for (int s = 0; s < steps; s++) {
      m = new double[][] {
          {a[0][0] * m[0][0] + a[0][1] * m[1][0], a[0][0] * m[0][1] + a[0][1] * m[1][1]},
          {a[1][0] * m[0][0] + a[1][1] * m[1][0], a[1][0] * m[0][1] + a[1][1] * m[1][1]}};
    }
    return m;
  }

  /**
   * For (q, p) ~ N(0, I) and the map x -> A x, with r, theta polar coordinates and
   * g(theta) = |A u|^2 - 1 (u the unit vector), Delta H = r^2 g / 2, so
   * E[min(1, e^-dH)] = avg_theta (g <= 0 ? 1 : 1 / (1 + g)) and, for f = r^2 phi(theta),
   * E[f min(1, e^-dH)] = avg_theta phi (g <= 0 ? 2 : 2 / (1 + g)^2).
   * Returns {E[accept], E[q0 q1]} with q1 the Metropolis-adjusted end point.
   */
  private static double[] exactStaticHmc(double e, int steps) {
    double[][] a = leapfrogMatrix(e, steps);
    int m = 2_000_000;
    double accept = 0;
    double lag = 0;
    for (int k = 0; k < m; k++) {
      double th = 2 * Math.PI * (k + 0.5) / m;
      double c = Math.cos(th);
      double s = Math.sin(th);
      double q1 = a[0][0] * c + a[0][1] * s;
      double p1 = a[1][0] * c + a[1][1] * s;
      double g = q1 * q1 + p1 * p1 - 1;
      accept += g <= 0 ? 1 : 1 / (1 + g);
      double r2 = g <= 0 ? 2 : 2 / ((1 + g) * (1 + g));
      // E[q0 q1] = E[q0 * A q * acc] + E[q0^2 (1 - acc)] = E[(c q1 - c^2) acc r^2] + 1.
      lag += (c * q1 - c * c) * r2;
    }
    return new double[] {accept / m, lag / m + 1};
  }

  @Test
  void staticHmcOnTheStandardNormalMatchesItsExactTransitionLaw() {
    double eps = 1.5;
    int steps = 3;
    double[] exact = exactStaticHmc(eps, steps);
    UniformRandomProvider init = Rngs.split(7, 0);
    ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(init);
    StaticHmc hmc = new StaticHmc(Targets.standardNormal(1), Metric.unit(1), eps, eps * steps + 1e-9,
        Rngs.split(7, 1));
    assertEquals(steps, hmc.steps());
    double[] x1 = new double[N];
    double[] lag = new double[N];
    double[] accept = new double[N];
    for (int i = 0; i < N; i++) {
      double x0 = normal.sample();
      hmc.setPosition(new double[] {x0});
      Transition t = hmc.transition();
      x1[i] = hmc.position()[0];
      lag[i] = x0 * x1[i];
      accept[i] = t.acceptStat();
    }
    List<String> failures = new ArrayList<>();
    checkIid(failures, "E[accept_stat]", accept, exact[0]);
    checkIid(failures, "E[x0 x1]", lag, exact[1]);
    standardNormalMoments(failures, x1);
    assertTrue(failures.isEmpty(), String.join("\n", failures));
    // The exact answers are far from trivial ones, so the check has power.
    assertTrue(exact[0] < 0.95 && exact[1] < 0.9, "exact " + exact[0] + ", " + exact[1]);
  }

  @Test
  void theCheckRejectsAnUnadjustedLeapfrog() {
    // Leapfrog without the accept step does not leave N(0, 1) invariant: here E[x1^2] = 2.11.
    double eps = 1.5;
    int steps = 3;
    UniformRandomProvider rng = Rngs.split(8, 0);
    ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
    Leapfrog lf = new Leapfrog(Targets.standardNormal(1));
    Metric unit = Metric.unit(1);
    double[] x1 = new double[N];
    for (int i = 0; i < N; i++) {
      PhasePoint z = new PhasePoint(1);
      z.q[0] = normal.sample();
      z.p[0] = normal.sample();
      lf.init(z);
      for (int s = 0; s < steps; s++) {
        lf.evolve(z, unit, eps);
      }
      x1[i] = z.q[0];
    }
    List<String> failures = new ArrayList<>();
    standardNormalMoments(failures, x1);
    assertTrue(!failures.isEmpty(), "the unadjusted leapfrog passed the invariance check");
  }

  @Test
  void nutsOnTheStandardNormalLeavesItInvariant() {
    for (double eps : new double[] {0.4, 1.3, 1.9}) {
      UniformRandomProvider init = Rngs.split(11, 0);
      ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(init);
      Nuts nuts = new Nuts(Targets.standardNormal(1), Metric.unit(1), eps, 10, 1000, Rngs.split(11, 1));
      double[] x1 = new double[N];
      for (int i = 0; i < N; i++) {
        nuts.setPosition(new double[] {normal.sample()});
        nuts.transition();
        x1[i] = nuts.position()[0];
      }
      List<String> failures = new ArrayList<>();
      standardNormalMoments(failures, x1);
      assertTrue(failures.isEmpty(), "eps " + eps + ": " + String.join("\n", failures));
    }
  }

  @Test
  void nutsAndStaticHmcLeaveACorrelatedGaussianInvariant() {
    double[] mean = {1.0, -2.0};
    double[][] cov = {{1.0, 1.8}, {1.8, 4.0}};
    Targets.Gaussian target = new Targets.Gaussian(mean, cov);
    double[][] chol = target.choleskyOfCovariance();
    Metric[] metrics = {Metric.unit(2), Metric.diagonal(2.0, 0.5), Metric.dense(new double[][] {{1.2, 1.5}, {1.5, 3.5}})};
    int config = 0;
    for (Metric metric : metrics) {
      // NUTS with a small and a large step size and with a depth limit of 2; static HMC.
      HamiltonianKernel[] kernels = {
          new Nuts(target, metric, 0.2, 10, 1000, Rngs.split(21, config)),
          new Nuts(target, metric, 0.9, 10, 1000, Rngs.split(22, config)),
          new Nuts(target, metric, 0.3, 2, 1000, Rngs.split(23, config)),
          new StaticHmc(target, metric, 0.25, 1.7, Rngs.split(24, config))};
      for (HamiltonianKernel kernel : kernels) {
        ZigguratSampler.NormalizedGaussian normal =
            ZigguratSampler.NormalizedGaussian.of(Rngs.split(25, config));
        double[][] x1 = new double[2][N];
        for (int i = 0; i < N; i++) {
          double u0 = normal.sample();
          double u1 = normal.sample();
          kernel.setPosition(new double[] {mean[0] + chol[0][0] * u0,
              mean[1] + chol[1][0] * u0 + chol[1][1] * u1});
          kernel.transition();
          double[] x = kernel.position();
          x1[0][i] = x[0];
          x1[1][i] = x[1];
        }
        List<String> failures = new ArrayList<>();
        for (int a = 0; a < 2; a++) {
          checkIid(failures, "mean " + a, x1[a], mean[a]);
          for (int b = a; b < 2; b++) {
            double[] prod = new double[N];
            for (int i = 0; i < N; i++) {
              prod[i] = (x1[a][i] - mean[a]) * (x1[b][i] - mean[b]);
            }
            checkIid(failures, "cov(" + a + ", " + b + ")", prod, cov[a][b]);
          }
        }
        assertTrue(failures.isEmpty(), kernel.getClass().getSimpleName() + " eps "
            + kernel.stepSize() + " " + metric + ": " + String.join("\n", failures));
        config++;
      }
    }
  }

  private static void standardNormalMoments(List<String> failures, double[] x) {
    int n = x.length;
    double[] x2 = new double[n];
    double[] x4 = new double[n];
    double[] below = new double[n];
    for (int i = 0; i < n; i++) {
      x2[i] = x[i] * x[i];
      x4[i] = x2[i] * x2[i];
      below[i] = x[i] <= 1.0 ? 1 : 0;
    }
    checkIid(failures, "E[x]", x, 0);
    checkIid(failures, "E[x^2]", x2, 1);
    checkIid(failures, "E[x^4]", x4, 3);
    checkIid(failures, "P(x <= 1)", below, NormalDistribution.of(0, 1).cumulativeProbability(1));
  }

  /** The mean of iid values within Z standard errors (sample sd / sqrt(n)) of the exact value. */
  private static void checkIid(List<String> failures, String what, double[] v, double exact) {
    double m = 0;
    for (double x : v) {
      m += x;
    }
    m /= v.length;
    double ss = 0;
    for (double x : v) {
      ss += (x - m) * (x - m);
    }
    double se = Math.sqrt(ss / (v.length - 1) / v.length);
    if (!(Math.abs(m - exact) <= Z * se)) {
      failures.add(String.format(Locale.ROOT, "%s = %.5f, exact %.5f, se %.5f (%.1f se)", what, m,
          exact, se, (m - exact) / se));
    }
  }
}
