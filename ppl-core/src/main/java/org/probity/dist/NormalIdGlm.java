package org.probity.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.probity.ad.Real;
import org.probity.ad.Reals;

/**
 * The linear-regression likelihood as one distribution over a vector of observations (Stan's
 * {@code normal_id_glm}; McCullagh and Nelder, Generalized Linear Models, 1989): y_i ~ Normal(alpha
 * + x_i . beta, sigma) independently over the rows x_i of the design matrix. The log density is
 * one tape node ({@link Reals#normalLinearLogLikelihood}) whose parents are alpha, beta and sigma,
 * and {@link #logDensity(double[])} is a tight loop over the rows, so a regression on thousands
 * of observations costs one site and one node. sigma is one scalar for all rows (Stan also
 * allows one per row). The design matrix is held by reference.
 */
public final class NormalIdGlm implements Distribution<double[]> {
  private static final String NAME = "NormalIdGlm";
  private final GlmDesign design;
  private final Real sigma;

  private NormalIdGlm(DMatrixRMaj x, Real alpha, Real[] beta, Real sigma) {
    this.design = new GlmDesign(NAME, x, alpha, beta);
    DistributionException.positive(NAME, "sigma", sigma.value());
    this.sigma = sigma;
  }

  /** The likelihood with design matrix {@code x} (one row per observation, held by reference). */
  public static NormalIdGlm of(DMatrixRMaj x, Real alpha, Real[] beta, Real sigma) {
    return new NormalIdGlm(x, alpha, beta, sigma);
  }

  /** As {@link #of(DMatrixRMaj, Real, Real[], Real)} with constant parameters. */
  public static NormalIdGlm of(DMatrixRMaj x, double alpha, double[] beta, double sigma) {
    return new NormalIdGlm(x, Real.of(alpha), Real.of(beta), Real.of(sigma));
  }

  /**
   * The likelihood with the rows {@code x} copied into a matrix; in a model evaluated many times,
   * build the {@link DMatrixRMaj} once and use {@link #of(DMatrixRMaj, Real, Real[], Real)}.
   */
  public static NormalIdGlm of(double[][] x, Real alpha, Real[] beta, Real sigma) {
    return new NormalIdGlm(GlmDesign.matrix(NAME, x, beta.length), alpha, beta, sigma);
  }

  /** The number of rows (observations). */
  public int rows() {
    return design.rows();
  }

  /** The intercept alpha. */
  public Real alpha() {
    return design.alpha;
  }

  /** The coefficients beta (a copy). */
  public Real[] beta() {
    return design.beta.clone();
  }

  /** The residual standard deviation. */
  public Real sigma() {
    return sigma;
  }

  @Override
  public double[] sample(UniformRandomProvider rng) {
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    double[] y = design.etas();
    double s = sigma.value();
    for (int i = 0; i < y.length; i++) {
      y[i] += s * g.sample();
    }
    return y;
  }

  @Override
  public Real logProb(double[] y) {
    design.checkLength(y.length);
    return Reals.normalLinearLogLikelihood(design.x, design.beta, design.alpha, sigma, y);
  }

  @Override
  public double logDensity(double[] y) {
    design.checkLength(y.length);
    int n = design.rows();
    int p = design.cols();
    double[] data = design.x.data;
    double[] w = Real.values(design.beta);
    double a = design.alpha.value();
    double ss = 0;
    for (int i = 0, off = 0; i < n; i++, off += p) {
      double eta = a;
      for (int j = 0; j < p; j++) {
        eta += data[off + j] * w[j];
      }
      double r = y[i] - eta;
      ss += r * r;
    }
    double s = sigma.value();
    return -0.5 * ss / (s * s) - n * (Math.log(s) + Normal.HALF_LOG_TWO_PI);
  }

  @Override
  public Constraint support() {
    return new Constraint.Independent(new Constraint.RealLine(), design.rows());
  }

  @Override
  public String toString() {
    return NAME + "(" + design.describe() + ", sigma=" + sigma + ")";
  }
}
