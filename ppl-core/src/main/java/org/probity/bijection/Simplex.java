package org.probity.bijection;

import org.probity.ad.Real;

/**
 * The K-simplex {x : x_k >= 0, sum x_k = 1} from K - 1 unconstrained coordinates by stick
 * breaking (Stan Reference Manual, "Unit simplex"): z_k = logistic(u_k - log(K - k)) (k = 1..K-1),
 * x_k = (1 - sum_{j &lt; k} x_j) z_k, x_K the remaining stick. The offset makes u = 0 the uniform
 * simplex. The log-Jacobian (of the map onto x_1..x_{K-1}) is
 * sum_k log z_k + log(1 - z_k) + log(1 - sum_{j &lt; k} x_j); the remaining stick is carried in log
 * space so the tails stay accurate.
 */
public record Simplex(int k) implements Bijection {
  /** Tolerance on |sum x - 1| accepted by {@link #inverse} (Stan uses 1e-8). */
  public static final double SUM_TOLERANCE = 1e-8;

  /** Validates K. */
  public Simplex {
    if (k < 1) {
      throw new IllegalArgumentException("Simplex: K must be at least 1, got " + k);
    }
  }

  @Override
  public int unconstrainedDimension() {
    return k - 1;
  }

  @Override
  public int constrainedDimension() {
    return k;
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
    Real[] x = new Real[k];
    Real logStick = Real.ZERO;
    Real logJ = Real.ZERO;
    for (int i = 0; i < k - 1; i++) {
      Real a = u[i].minus(Math.log(k - 1 - i));
      Real logZ = a.logLogistic();
      Real log1mZ = a.negate().logLogistic();
      x[i] = logStick.plus(logZ).exp();
      logJ = logJ.plus(logZ).plus(log1mZ).plus(logStick);
      logStick = logStick.plus(log1mZ);
    }
    x[k - 1] = logStick.exp();
    return new Constrained(x, logJ);
  }

  @Override
  public double[] inverse(double[] x) {
    checkConstrained(x);
    double sum = 0;
    for (double v : x) {
      if (!(v >= 0)) {
        throw new OutOfSupportException(this, x, "entries must be non-negative");
      }
      sum += v;
    }
    if (Math.abs(sum - 1) > SUM_TOLERANCE) {
      throw new OutOfSupportException(this, x, "entries must sum to 1, sum is " + sum);
    }
    double[] u = new double[k - 1];
    double stick = 1.0;
    for (int i = 0; i < k - 1; i++) {
      double z = x[i] / stick;
      u[i] = Math.log(z) - Math.log1p(-z) + Math.log(k - 1 - i);
      stick -= x[i];
    }
    return u;
  }

  @Override
  public String toString() {
    return "Simplex(" + k + ")";
  }
}
