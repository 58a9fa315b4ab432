package org.probity.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;
import org.probity.ad.Real;

/**
 * The LKJ distribution on the Cholesky factor L of a K x K correlation matrix R = L L^T
 * (Lewandowski, Kurowicka and Joe, "Generating random correlation matrices based on vines and
 * extended onion method", J. Multivariate Analysis 100, 2009; Stan Functions Reference,
 * {@code lkj_corr_cholesky}): R has density proportional to det(R)^(eta - 1), so L, with respect to
 * Lebesgue measure on its strictly lower triangle, has density
 * <pre>  p(L | eta) = prod_{i=2..K} L_ii^(K - i + 2 eta - 2) / c_K(eta).</pre>
 * eta = 1 is uniform over correlation matrices; larger eta concentrates on the identity.
 *
 * <p>Values are square {@code Real[][]} (zeros above the diagonal); the log density is
 * differentiable in L and in eta. Sampling is the C-vine method (LKJ 2009, section 2.4): the
 * canonical partial correlations z_ij (i &gt; j, 1-based) are independent, z_ij ~ 2 Beta(b_j, b_j) - 1
 * with b_j = eta + (K - 1 - j) / 2, and L is built from them row by row,
 * L_ij = z_ij sqrt(1 - sum_{j'&lt;j} L_ij'^2), L_ii = sqrt(1 - sum_{j&lt;i} L_ij^2), the map of
 * {@code bijection.CholeskyCorrelation}. The same factorisation gives the normalising constant,
 * c_K(eta) = prod_{j=1..K-1} [2^(2 b_j - 1) B(b_j, b_j)]^(K - j), equal to PyTorch's
 * {@code LKJCholesky} constant (a product of multivariate gamma functions).
 */
public final class LkjCholesky implements Distribution<Real[][]> {
  /** Tolerance on unit row norms and the zero upper triangle accepted by the log density. */
  public static final double TOLERANCE = 1e-8;
  private final int k;
  private final Real eta;
  private final Real logNormaliser;
  private final double[] partialShape; // b_j for column j (0-based)

  private LkjCholesky(int k, Real eta) {
    if (k < 1) {
      throw new DistributionException("LkjCholesky: dimension K must be at least 1, got " + k);
    }
    DistributionException.positive("LkjCholesky", "eta", eta.value());
    this.k = k;
    this.eta = eta;
    this.partialShape = new double[Math.max(0, k - 1)];
    Real c = Real.ZERO;
    for (int j = 0; j < k - 1; j++) {
      Real b = eta.plus(0.5 * (k - 2 - j));
      partialShape[j] = b.value();
      Real logBeta = b.logGamma().times(2).minus(b.times(2).logGamma());
      c = c.plus(b.times(2).minus(1).times(Special.LOG2).plus(logBeta).times(k - 1 - j));
    }
    this.logNormaliser = c;
  }

  /** LKJ(eta) on K x K correlation Cholesky factors. */
  public static LkjCholesky of(int k, double eta) {
    return new LkjCholesky(k, Real.of(eta));
  }

  /** LKJ(eta) with a differentiable concentration eta. */
  public static LkjCholesky of(int k, Real eta) {
    return new LkjCholesky(k, eta);
  }

  /** The dimension K. */
  public int dimension() {
    return k;
  }

  /** The concentration eta. */
  public Real eta() {
    return eta;
  }

  /** log c_K(eta), the log normalising constant. */
  public Real logNormaliser() {
    return logNormaliser;
  }

  @Override
  public Real[][] sample(UniformRandomProvider rng) {
    Real[][] l = new Real[k][k];
    for (Real[] row : l) {
      java.util.Arrays.fill(row, Real.ZERO);
    }
    l[0][0] = Real.ONE;
    for (int i = 1; i < k; i++) {
      double remaining = 1.0;
      for (int j = 0; j < i; j++) {
        double z = 2 * ChengBetaSampler.of(rng, partialShape[j], partialShape[j]).sample() - 1;
        l[i][j] = Real.of(z * Math.sqrt(remaining));
        remaining *= (1 - z) * (1 + z);
      }
      l[i][i] = Real.of(Math.sqrt(remaining));
    }
    return l;
  }

  @Override
  public Real logProb(Real[][] l) {
    if (!inSupport(l)) {
      return Real.NEGATIVE_INFINITY;
    }
    Real lp = Real.ZERO.minus(logNormaliser);
    for (int i = 1; i < k; i++) {
      lp = lp.plus(eta.times(2).plus(k - i - 3).times(l[i][i].log()));
    }
    return lp;
  }

  /** Checks the shape (throws) and the constraint (false when violated beyond {@link #TOLERANCE}). */
  private boolean inSupport(Real[][] l) {
    if (l.length != k) {
      throw new DistributionException(name() + ": expected a " + k + " x " + k + " matrix, got " + l.length + " rows");
    }
    for (int i = 0; i < k; i++) {
      if (l[i].length != k) {
        throw new DistributionException(name() + ": expected a " + k + " x " + k + " matrix, row " + i + " has "
            + l[i].length + " entries");
      }
      double norm = 0;
      for (int j = 0; j < k; j++) {
        double v = l[i][j].value();
        if (!Double.isFinite(v) || j > i && Math.abs(v) > TOLERANCE) {
          return false;
        }
        norm += j <= i ? v * v : 0;
      }
      if (Math.abs(norm - 1) > TOLERANCE || !(l[i][i].value() > 0)) {
        return false;
      }
    }
    return true;
  }

  /** Cholesky factors of K x K correlation matrices. */
  @Override
  public Constraint support() {
    return new Constraint.CorrelationCholesky(k);
  }

  @Override
  public String toString() {
    return "LkjCholesky(" + k + ", " + eta + ")";
  }
}
