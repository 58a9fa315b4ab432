package org.probity.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.probity.ad.Cholesky;
import org.probity.ad.DomainException;
import org.probity.ad.Matrices;
import org.probity.ad.Real;
import org.probity.ad.Reals;

/**
 * The multivariate normal N(mu, Sigma) over {@code Real[]}, held as the lower Cholesky factor L
 * (Sigma = L L^T, computed once by EJML, or differentiably by {@link Cholesky#factor} for a
 * covariance of tape nodes) with log det Sigma = 2 sum log L_ii precomputed. The log density is
 * differentiable in the value, the mean and the factor (with {@link #ofCholesky(Real[], Real[][])})
 * or the covariance (with {@link #of(Real[], Real[][])}). Sampled as mu + L z for standard normal
 * z; {@link #rsample} is the same draw carrying gradients.
 */
public final class MvNormal implements Distribution<Real[]> {
  private final Real[] mu;
  private final Real[][] lower;
  private final double[][] lowerValues;
  private final Real sumLogDiag;
  private final int d;

  private MvNormal(Real[] mu, Real[][] lower) {
    this.d = mu.length;
    if (d == 0) {
      throw new DistributionException("MvNormal: parameter mean must not be empty");
    }
    for (int i = 0; i < d; i++) {
      DistributionException.finite("MvNormal", "mean[" + i + "]", mu[i].value());
    }
    if (lower.length != d) {
      throw new DistributionException("MvNormal: parameter cholesky has " + lower.length + " rows, expected " + d);
    }
    this.mu = mu.clone();
    this.lower = new Real[d][];
    this.lowerValues = new double[d][];
    Real s = Real.ZERO;
    for (int i = 0; i < d; i++) {
      if (lower[i].length < i + 1) {
        throw new DistributionException("MvNormal: parameter cholesky row " + i + " has " + lower[i].length + " entries, expected at least " + (i + 1));
      }
      this.lower[i] = new Real[i + 1];
      this.lowerValues[i] = new double[i + 1];
      for (int j = 0; j <= i; j++) {
        DistributionException.finite("MvNormal", "cholesky[" + i + "][" + j + "]", lower[i][j].value());
        this.lower[i][j] = lower[i][j];
        this.lowerValues[i][j] = lower[i][j].value();
      }
      DistributionException.positive("MvNormal", "cholesky[" + i + "][" + i + "]", lower[i][i].value());
      s = s.plus(lower[i][i].log());
    }
    this.sumLogDiag = s;
  }

  /** N(mean, covariance); the covariance must be symmetric positive definite. */
  public static MvNormal of(double[] mean, double[][] covariance) {
    return of(Real.of(mean), covariance);
  }

  /** N(mean, covariance) with a differentiable mean. */
  public static MvNormal of(Real[] mean, double[][] covariance) {
    int d = mean.length;
    if (covariance.length != d) {
      throw new DistributionException("MvNormal: parameter covariance has " + covariance.length + " rows, expected " + d);
    }
    DMatrixRMaj a = new DMatrixRMaj(d, d);
    for (int i = 0; i < d; i++) {
      if (covariance[i].length != d) {
        throw new DistributionException("MvNormal: parameter covariance row " + i + " has " + covariance[i].length + " entries, expected " + d);
      }
      for (int j = 0; j < d; j++) {
        double v = covariance[i][j];
        double w = covariance[j][i];
        if (!Double.isFinite(v) || Math.abs(v - w) > 1e-12 * Math.max(1, Math.max(Math.abs(v), Math.abs(w)))) {
          throw new DistributionException("MvNormal: parameter covariance must be finite and symmetric, got [" + i + "][" + j + "]=" + v + ", [" + j + "][" + i + "]=" + w);
        }
        a.set(i, j, v);
      }
    }
    CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(d, true);
    if (!chol.decompose(a)) {
      throw new DistributionException("MvNormal: parameter covariance is not positive definite");
    }
    DMatrixRMaj l = chol.getT(null);
    Real[][] lower = new Real[d][];
    for (int i = 0; i < d; i++) {
      lower[i] = new Real[i + 1];
      for (int j = 0; j <= i; j++) {
        lower[i][j] = Real.of(l.get(i, j));
      }
      if (!(l.get(i, i) > 0)) {
        throw new DistributionException("MvNormal: parameter covariance is not positive definite (pivot " + i + " is " + l.get(i, i) + ")");
      }
    }
    return new MvNormal(mean.clone(), lower);
  }

  /**
   * N(mean, covariance) differentiable in the mean and the covariance: the factor is the
   * differentiable Cholesky factor of {@link Cholesky#factor} (Murray 2016), so log densities and
   * {@link #rsample} draws carry gradients to every entry of the covariance's lower triangle
   * (only that triangle is read; the covariance must be symmetric). With constant entries this is
   * {@link #of(Real[], double[][])}.
   */
  public static MvNormal of(Real[] mean, Real[][] covariance) {
    int d = mean.length;
    if (covariance.length != d) {
      throw new DistributionException("MvNormal: parameter covariance has " + covariance.length + " rows, expected " + d);
    }
    boolean variable = false;
    for (int i = 0; i < d; i++) {
      if (covariance[i].length != d) {
        throw new DistributionException("MvNormal: parameter covariance row " + i + " has " + covariance[i].length + " entries, expected " + d);
      }
      for (Real c : covariance[i]) {
        variable |= c.isVariable();
      }
    }
    if (!variable) {
      return of(mean, Matrices.values(covariance));
    }
    try {
      return new MvNormal(mean.clone(), Cholesky.factor(covariance));
    } catch (DomainException e) {
      throw new DistributionException("MvNormal: parameter covariance is invalid: " + e.getMessage());
    }
  }

  /** N(mean, L L^T) from a lower-triangular Cholesky factor (entries above the diagonal ignored). */
  public static MvNormal ofCholesky(double[] mean, double[][] lower) {
    Real[][] l = new Real[lower.length][];
    for (int i = 0; i < lower.length; i++) {
      l[i] = Real.of(lower[i]);
    }
    return new MvNormal(Real.of(mean), l);
  }

  /** N(mean, L L^T), differentiable in the mean and the factor (entries above the diagonal ignored). */
  public static MvNormal ofCholesky(Real[] mean, Real[][] lower) {
    return new MvNormal(mean, lower);
  }

  /** The dimension. */
  public int dimension() {
    return d;
  }

  /** The mean vector. */
  public double[] mean() {
    return Real.values(mu);
  }

  /** The covariance L L^T. */
  public double[][] covariance() {
    double[][] c = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j <= i; j++) {
        double s = 0;
        for (int k = 0; k <= j; k++) {
          s += lowerValues[i][k] * lowerValues[j][k];
        }
        c[i][j] = s;
        c[j][i] = s;
      }
    }
    return c;
  }

  @Override
  public Real[] sample(UniformRandomProvider rng) {
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    double[] z = new double[d];
    for (int i = 0; i < d; i++) {
      z[i] = g.sample();
    }
    Real[] x = new Real[d];
    for (int i = 0; i < d; i++) {
      double s = mu[i].value();
      for (int j = 0; j <= i; j++) {
        s += lowerValues[i][j] * z[j];
      }
      x[i] = Real.of(s);
    }
    return x;
  }

  @Override
  public boolean hasRsample() {
    return true;
  }

  /**
   * mu + L z for the standard normal z that {@link #sample} draws: x_i is one node with parents
   * mu_i and row i of L (partials 1 and z_0..z_i), so the gradient reaches a covariance through its
   * differentiable Cholesky factor ({@link #of(Real[], Real[][])}).
   */
  @Override
  public Real[] rsample(UniformRandomProvider rng) {
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    double[] z = new double[d];
    for (int i = 0; i < d; i++) {
      z[i] = g.sample();
    }
    Real[] x = new Real[d];
    for (int i = 0; i < d; i++) {
      double s = mu[i].value();
      Real[] parents = new Real[i + 2];
      double[] partial = new double[i + 2];
      for (int j = 0; j <= i; j++) {
        s += lowerValues[i][j] * z[j];
        parents[j] = lower[i][j];
        partial[j] = z[j];
      }
      parents[i + 1] = mu[i];
      partial[i + 1] = 1;
      x[i] = Reals.node(parents, s, partial);
    }
    return x;
  }

  private void checkLength(int n) {
    if (n != d) {
      throw new DistributionException(name() + ": expected a vector of length " + d + ", got " + n);
    }
  }

  /**
   * log N(x | mu, L L^T) = -|L^-1 (x - mu)|^2 / 2 - sum log L_ii - d log(2 pi) / 2, with the
   * quadratic form one node ({@link Cholesky#quadFormInverse}) whose parents are the residuals
   * and the factor, so a d-dimensional density costs O(d) tape nodes, not O(d^2).
   */
  @Override
  public Real logProb(Real[] x) {
    checkLength(x.length);
    Real[] r = new Real[d];
    for (int i = 0; i < d; i++) {
      r[i] = x[i].minus(mu[i]);
    }
    return Cholesky.quadFormInverse(lower, r).times(-0.5).minus(sumLogDiag).minus(d * Normal.HALF_LOG_TWO_PI);
  }

  @Override
  public double logDensity(Real[] x) {
    checkLength(x.length);
    double[] z = new double[d];
    double q = 0;
    for (int i = 0; i < d; i++) {
      double r = x[i].value() - mu[i].value();
      for (int j = 0; j < i; j++) {
        r -= lowerValues[i][j] * z[j];
      }
      z[i] = r / lowerValues[i][i];
      q += z[i] * z[i];
    }
    return -0.5 * q - sumLogDiag.value() - d * Normal.HALF_LOG_TWO_PI;
  }

  /** R^d. */
  @Override
  public Constraint support() {
    return Constraint.realVector(d);
  }

  @Override
  public String toString() {
    return "MvNormal(mean=" + java.util.Arrays.toString(mean()) + ", cov=" + java.util.Arrays.deepToString(covariance()) + ")";
  }
}
