package org.probity.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.probity.ad.Real;
import org.probity.ad.Reals;

/**
 * The Poisson-regression likelihood as one distribution over a vector of counts (Stan's
 * {@code poisson_log_glm}; McCullagh and Nelder, Generalized Linear Models, 1989): y_i ~
 * {@link PoissonLog}(alpha + x_i . beta) independently over the rows x_i of the design matrix.
 * The log mass, sum_i y_i eta_i - e^eta_i - log y_i!, is evaluated on the log scale (finite for
 * any finite eta) as one tape node whose parents are alpha and beta, with gradient sum_i (y_i -
 * e^eta_i) (1, x_i); a negative count has log mass negative infinity. The design matrix is held
 * by reference.
 */
public final class PoissonLogGlm implements Distribution<int[]> {
  private static final String NAME = "PoissonLogGlm";
  private final GlmDesign design;

  private PoissonLogGlm(DMatrixRMaj x, Real alpha, Real[] beta) {
    this.design = new GlmDesign(NAME, x, alpha, beta);
  }

  /** The likelihood with design matrix {@code x} (one row per count, held by reference). */
  public static PoissonLogGlm of(DMatrixRMaj x, Real alpha, Real[] beta) {
    return new PoissonLogGlm(x, alpha, beta);
  }

  /** As {@link #of(DMatrixRMaj, Real, Real[])} with constant parameters. */
  public static PoissonLogGlm of(DMatrixRMaj x, double alpha, double... beta) {
    return new PoissonLogGlm(x, Real.of(alpha), Real.of(beta));
  }

  /**
   * The likelihood with the rows {@code x} copied into a matrix; in a model evaluated many times,
   * build the {@link DMatrixRMaj} once and use {@link #of(DMatrixRMaj, Real, Real[])}.
   */
  public static PoissonLogGlm of(double[][] x, Real alpha, Real[] beta) {
    return new PoissonLogGlm(GlmDesign.matrix(NAME, x, beta.length), alpha, beta);
  }

  /** The number of rows (counts). */
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

  @Override
  public int[] sample(UniformRandomProvider rng) {
    double[] eta = design.etas();
    int[] y = new int[eta.length];
    for (int i = 0; i < y.length; i++) {
      double rate = Math.exp(eta[i]);
      y[i] = rate > 0 ? Poisson.draw(rng, rate, this) : 0;
    }
    return y;
  }

  @Override
  public Real logProb(int[] y) {
    design.checkLength(y.length);
    if (!design.variable()) {
      return Real.of(logDensity(y));
    }
    double[] eta = design.etas();
    double[] r = new double[eta.length];
    double v = 0;
    for (int i = 0; i < eta.length; i++) {
      if (y[i] < 0) {
        return Real.NEGATIVE_INFINITY;
      }
      double rate = Math.exp(eta[i]);
      v += y[i] * eta[i] - rate - PoissonLog.logFactorial(y[i]);
      r[i] = y[i] - rate;
    }
    int p = design.cols();
    Real[] parents = new Real[p + 1];
    double[] partials = new double[p + 1];
    design.chain(r, parents, partials);
    return Reals.node(parents, v, partials);
  }

  @Override
  public double logDensity(int[] y) {
    design.checkLength(y.length);
    double[] eta = design.etas();
    double v = 0;
    for (int i = 0; i < eta.length; i++) {
      if (y[i] < 0) {
        return Double.NEGATIVE_INFINITY;
      }
      v += y[i] * eta[i] - Math.exp(eta[i]) - PoissonLog.logFactorial(y[i]);
    }
    return v;
  }

  @Override
  public Constraint support() {
    return new Constraint.Independent(new Constraint.IntegerRange(0, Long.MAX_VALUE), design.rows());
  }

  @Override
  public String toString() {
    return NAME + "(" + design.describe() + ")";
  }
}
