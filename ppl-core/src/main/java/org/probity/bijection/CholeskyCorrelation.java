package org.probity.bijection;

import org.probity.ad.Real;
import org.probity.ad.Reals;

/**
 * Cholesky factors L of K x K correlation matrices (lower triangular, positive diagonal, rows of
 * unit norm), flattened row-major, from K(K-1)/2 unconstrained coordinates (Stan Reference
 * Manual, "Cholesky factors of correlation matrices"; Lewandowski, Kurowicka and Joe, 2009):
 * canonical partial correlations z = tanh(u) filled row by row, L_{i1} = z_{i1},
 * L_{ij} = z_{ij} sqrt(1 - sum_{j' &lt; j} L_{ij'}^2), L_{ii} = sqrt(1 - sum_{j &lt; i} L_{ij}^2).
 *
 * <p>The remaining squared row norm 1 - sum_{j' &lt; j} L_{ij'}^2 equals prod_{j' &lt; j} (1 - z_{ij'}^2) and
 * is carried in log space (log(1 - tanh^2 u) = log sech^2 u, stable for large |u|). The
 * log-Jacobian, of the map onto the strictly lower-triangular entries in row-major order, is
 * sum_{i &gt; j} log(1 - z_{ij}^2) + (1/2) log(1 - sum_{j' &lt; j} L_{ij'}^2).
 */
public record CholeskyCorrelation(int k) implements Bijection {
  /** Tolerance for unit row norms and zero upper triangle accepted by {@link #inverse}. */
  public static final double TOLERANCE = 1e-8;

  /** Validates K. */
  public CholeskyCorrelation {
    if (k < 1) {
      throw new IllegalArgumentException("CholeskyCorrelation: K must be at least 1, got " + k);
    }
  }

  @Override
  public int unconstrainedDimension() {
    return k * (k - 1) / 2;
  }

  @Override
  public int constrainedDimension() {
    return k * k;
  }

  /** log(1 - tanh(u)^2) = log 4 - 2|u| - 2 log1p(e^{-2|u|}), derivative -2 tanh(u); one node. */
  static Real logSech2(Real u) {
    double a = Math.abs(u.value());
    double v = Math.log(4) - 2 * a - 2 * Math.log1p(Math.exp(-2 * a));
    return Reals.node(new Real[] {u}, v, new double[] {-2 * Math.tanh(u.value())});
  }

  @Override
  public Real[] forward(Real[] u) {
    return forwardWithLogJacobian(u).value();
  }

  @Override
  public Real logAbsDetJacobian(Real[] u) {
    return forwardWithLogJacobian(u).logAbsDetJacobian();
  }

  @Override
  public Constrained forwardWithLogJacobian(Real[] u) {
    checkUnconstrained(u);
    Real[] l = new Real[k * k];
    java.util.Arrays.fill(l, Real.ZERO);
    l[0] = Real.ONE;
    Real logJ = Real.ZERO;
    int m = 0;
    for (int i = 1; i < k; i++) {
      Real logRemaining = Real.ZERO; // log(1 - sum_{j' &lt; j} L_ij'^2)
      for (int j = 0; j < i; j++) {
        Real z = u[m].tanh();
        Real ls = logSech2(u[m]);
        l[i * k + j] = j == 0 ? z : z.times(logRemaining.times(0.5).exp());
        logJ = logJ.plus(ls).plus(logRemaining.times(0.5));
        logRemaining = logRemaining.plus(ls);
        m++;
      }
      l[i * k + i] = logRemaining.times(0.5).exp();
    }
    return new Constrained(l, logJ);
  }

  @Override
  public double[] inverse(double[] l) {
    checkConstrained(l);
    if (Math.abs(l[0] - 1) > TOLERANCE) {
      throw new OutOfSupportException(this, l, "L[0][0] must be 1");
    }
    double[] u = new double[unconstrainedDimension()];
    int m = 0;
    for (int i = 0; i < k; i++) {
      double norm = 0;
      for (int j = 0; j < k; j++) {
        double v = l[i * k + j];
        if (!Double.isFinite(v)) {
          throw new OutOfSupportException(this, l, "entries must be finite");
        }
        if (j > i && Math.abs(v) > TOLERANCE) {
          throw new OutOfSupportException(this, l, "must be lower triangular, L[" + i + "][" + j + "] = " + v);
        }
        norm += j <= i ? v * v : 0;
      }
      if (Math.abs(norm - 1) > TOLERANCE) {
        throw new OutOfSupportException(this, l, "row " + i + " must have unit norm, squared norm is " + norm);
      }
      if (!(l[i * k + i] > 0)) {
        throw new OutOfSupportException(this, l, "diagonal must be positive, L[" + i + "][" + i + "] = " + l[i * k + i]);
      }
      double remaining = 1.0;
      for (int j = 0; j < i; j++) {
        double z = l[i * k + j] / Math.sqrt(remaining);
        u[m++] = 0.5 * (Math.log1p(z) - Math.log1p(-z));
        remaining *= (1 - z) * (1 + z);
      }
    }
    return u;
  }

  @Override
  public String toString() {
    return "CholeskyCorrelation(" + k + ")";
  }
}
