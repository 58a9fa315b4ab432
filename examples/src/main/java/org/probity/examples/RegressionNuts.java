package org.probity.examples;

import static org.probity.Probity.*;

import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.inference.mcmc.Mcmc;
import org.probity.inference.mcmc.McmcConfig;
import org.probity.inference.mcmc.McmcResult;
import org.probity.random.Rngs;

/**
 * Linear regression with unknown noise and uncentred predictors, by NUTS with
 * {@code Mcmc.run(model, seed)}'s defaults (4 chains, 1000 warm-up + 1000 draws), beside the
 * exact conjugate posterior (normal-inverse-gamma; Gelman et al., "Bayesian Data Analysis", 3rd
 * ed., section 14.2):
 *
 * <pre>
 *   sigma2 ~ InverseGamma(2, 2)
 *   alpha, beta[j] ~ Normal(0, 10 sigma)          j = 1..3
 *   y ~ NormalIdGlm(X, alpha, beta, sigma)         y_i ~ Normal(alpha + X_i . beta, sigma)
 * </pre>
 *
 * The predictors are far from zero (means 15, 50 and 0.5), so the intercept is strongly
 * correlated with the slopes: the posterior a random walk with 1000 + 1000 iterations does not
 * mix on. Arguments: [rows N (default 100)] [seed (default 1)].
 */
@Example(name = "regression-nuts", description = "Linear regression, unknown noise, uncentred predictors; NUTS defaults vs the exact conjugate posterior")
public final class RegressionNuts {
  /** The coefficients the data are drawn with: intercept, then slopes. */
  public static final double[] TRUE = {3.0, 0.8, -0.4, 2.0};
  /** The noise sd the data are drawn with. */
  public static final double TRUE_SIGMA = 1.5;
  /** The prior sd of each coefficient, in units of sigma. */
  public static final double PRIOR_SCALE = 10;
  /** The inverse-gamma prior of sigma^2: shape and scale. */
  public static final double A0 = 2;
  /** See {@link #A0}. */
  public static final double B0 = 2;

  private RegressionNuts() {
  }

  /** The design matrix (N x 3, uncentred) and the responses. */
  public record Data(DMatrixRMaj x, double[] y) {
  }

  /** N rows from the true model: x1 ~ U(10, 20), x2 ~ N(50, 5^2), x3 ~ U(0, 1). */
  public static Data synthetic(int n, long seed) {
    UniformRandomProvider rng = Rngs.of(seed);
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    DMatrixRMaj x = new DMatrixRMaj(n, 3);
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x.set(i, 0, 10 + 10 * rng.nextDouble());
      x.set(i, 1, 50 + 5 * g.sample());
      x.set(i, 2, rng.nextDouble());
      y[i] = TRUE[0] + TRUE[1] * x.get(i, 0) + TRUE[2] * x.get(i, 1) + TRUE[3] * x.get(i, 2) + TRUE_SIGMA * g.sample();
    }
    return new Data(x, y);
  }

  /** The model; it returns sigma as a derived quantity. */
  public static Prob<Real> model(Data data) {
    return sample("sigma2", inverseGamma(A0, B0)).flatMap(s2 -> {
      Real sigma = s2.sqrt();
      Real scale = sigma.times(PRIOR_SCALE);
      return sample("alpha", normal(Real.of(0), scale)).flatMap(alpha ->
          sample("beta", normal(Real.of(0), scale).vector(3)).flatMap(beta ->
              observe(normalIdGlm(data.x(), alpha, beta, sigma), data.y()).then(() -> pure(sigma))));
    });
  }

  /**
   * The exact posterior: the coefficients (alpha, beta) are multivariate t with mean m_n and
   * covariance b_n / (a_n - 1) V_n, sigma^2 is InverseGamma(a_n, b_n).
   *
   * @param mean posterior means of alpha, beta[1..3]
   * @param sd their posterior sds
   * @param sigma2Mean the posterior mean of sigma^2
   * @param sigma2Sd its posterior sd
   */
  public record Exact(double[] mean, double[] sd, double sigma2Mean, double sigma2Sd) {
  }

  /** The conjugate normal-inverse-gamma update: V_n = (Z'Z + I / s0^2)^-1, m_n = V_n Z'y, a_n, b_n. */
  public static Exact exact(Data data) {
    int n = data.y().length;
    DMatrixRMaj z = new DMatrixRMaj(n, 4);
    for (int i = 0; i < n; i++) {
      z.set(i, 0, 1);
      for (int j = 0; j < 3; j++) {
        z.set(i, j + 1, data.x().get(i, j));
      }
    }
    DMatrixRMaj y = new DMatrixRMaj(n, 1, true, data.y());
    DMatrixRMaj ztz = new DMatrixRMaj(4, 4);
    CommonOps_DDRM.multTransA(z, z, ztz);
    for (int j = 0; j < 4; j++) {
      ztz.add(j, j, 1 / (PRIOR_SCALE * PRIOR_SCALE));
    }
    DMatrixRMaj vn = new DMatrixRMaj(4, 4);
    if (!CommonOps_DDRM.invertSPD(ztz, vn)) {
      throw new IllegalStateException("the posterior precision is not positive definite");
    }
    DMatrixRMaj zty = new DMatrixRMaj(4, 1);
    CommonOps_DDRM.multTransA(z, y, zty);
    DMatrixRMaj mn = new DMatrixRMaj(4, 1);
    CommonOps_DDRM.mult(vn, zty, mn);
    double yty = 0;
    for (double v : data.y()) {
      yty += v * v;
    }
    double mPm = 0; // m_n' V_n^-1 m_n = m_n' Z'y
    for (int j = 0; j < 4; j++) {
      mPm += mn.get(j) * zty.get(j);
    }
    double an = A0 + n / 2.0;
    double bn = B0 + 0.5 * (yty - mPm);
    double[] mean = new double[4];
    double[] sd = new double[4];
    for (int j = 0; j < 4; j++) {
      mean[j] = mn.get(j);
      sd[j] = Math.sqrt(bn / (an - 1) * vn.get(j, j));
    }
    return new Exact(mean, sd, bn / (an - 1), bn / (an - 1) / Math.sqrt(an - 2));
  }

  /** NUTS with the default settings and the given seed. */
  public static McmcResult<Real> run(Data data, long seed) {
    return Mcmc.run(model(data), seed);
  }

  /** Prints the summary and warnings, and the exact posterior beside it. */
  public static void main(String[] args) {
    Args cli = Args.of("regression-nuts", args, "rows: simulated data rows (default 100)", "seed: random seed (default 1)");
    if (cli.help()) {
      return;
    }
    int n = cli.positiveInt(0, 100);
    long seed = cli.longValue(1, 1);
    Data data = synthetic(n, seed);
    McmcResult<Real> r = run(data, seed);
    System.out.print(r);
    Exact e = exact(data);
    String[] names = {"alpha", "beta.1", "beta.2", "beta.3"};
    System.out.println("\nexact posterior (normal-inverse-gamma):");
    for (int j = 0; j < 4; j++) {
      System.out.printf(Locale.ROOT, "  %-7s mean %9.4f  sd %8.4f%n", names[j], e.mean()[j], e.sd()[j]);
    }
    System.out.printf(Locale.ROOT, "  %-7s mean %9.4f  sd %8.4f%n", "sigma2", e.sigma2Mean(), e.sigma2Sd());
  }
}
