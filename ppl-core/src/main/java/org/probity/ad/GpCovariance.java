package org.probity.ad;

/**
 * Covariance matrices of Gaussian processes over {@link Real}s. The exponentiated quadratic
 * (squared exponential) kernel of Stan's {@code gp_exp_quad_cov}: K[i][j] = alpha^2
 * exp(-|x_i - x_j|^2 / (2 rho^2)) (Rasmussen and Williams, "Gaussian Processes for Machine
 * Learning", 2006, eq. 2.31), one {@link BlockNode} for the whole matrix whose inputs are the
 * marginal standard deviation alpha, the length-scale rho and (when they are reals) the points.
 *
 * <p>The result is symmetric, the same node at [i][j] and [j][i]; add a jitter or a noise
 * variance with {@link Matrices#addDiagonal} before {@link Cholesky#factor}.
 */
public final class GpCovariance {
  private GpCovariance() {
  }

  /** The kernel matrix of scalar points {@code x}. */
  public static Real[][] gpExpQuadCov(double[] x, Real alpha, Real rho) {
    double[][] pts = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      pts[i] = new double[] {x[i]};
    }
    return gpExpQuadCov(pts, alpha, rho);
  }

  /** The kernel matrix of points {@code x[i]} in R^D (Euclidean distance). */
  public static Real[][] gpExpQuadCov(double[][] x, Real alpha, Real rho) {
    int n = x.length;
    int dim = n == 0 ? 0 : x[0].length;
    for (int i = 0; i < n; i++) {
      if (x[i].length != dim) {
        throw new IllegalArgumentException("gpExpQuadCov: point " + i + " has dimension " + x[i].length + ", point 0 has " + dim);
      }
      for (int k = 0; k < dim; k++) {
        checkPoint(i, x[i][k]);
      }
    }
    double[] sq = new double[Dense.triangleSize(n)];
    for (int i = 0, p = 0; i < n; i++) {
      for (int j = 0; j <= i; j++, p++) {
        double s = 0;
        for (int k = 0; k < dim; k++) {
          double diff = x[i][k] - x[j][k];
          s += diff * diff;
        }
        sq[p] = s;
      }
    }
    return build(n, sq, alpha, rho, null);
  }

  /** The kernel matrix of scalar points that are themselves differentiable. */
  public static Real[][] gpExpQuadCov(Real[] x, Real alpha, Real rho) {
    int n = x.length;
    double[] xv = Real.values(x);
    for (int i = 0; i < n; i++) {
      checkPoint(i, xv[i]);
    }
    double[] sq = new double[Dense.triangleSize(n)];
    for (int i = 0, p = 0; i < n; i++) {
      for (int j = 0; j <= i; j++, p++) {
        double diff = xv[i] - xv[j];
        sq[p] = diff * diff;
      }
    }
    return build(n, sq, alpha, rho, x);
  }

  // One block: inputs alpha, rho and (when given) the real points; outputs the packed lower triangle.
  private static Real[][] build(int n, double[] sq, Real alpha, Real rho, Real[] x) {
    double a = alpha.value();
    double r = rho.value();
    if (!(a > 0) || a == Double.POSITIVE_INFINITY) {
      throw new DomainException("gpExpQuadCov: alpha must be positive and finite, got " + a);
    }
    if (!(r > 0) || r == Double.POSITIVE_INFINITY) {
      throw new DomainException("gpExpQuadCov: rho must be positive and finite, got " + r);
    }
    double a2 = a * a;
    double r2 = r * r;
    double[] k = new double[sq.length];
    for (int p = 0; p < sq.length; p++) {
      k[p] = a2 * Math.exp(-0.5 * sq[p] / r2);
    }
    double[] xv = x == null ? null : Real.values(x);
    Real[] inputs = new Real[2 + (x == null ? 0 : n)];
    inputs[0] = alpha;
    inputs[1] = rho;
    if (x != null) {
      System.arraycopy(x, 0, inputs, 2, n);
    }
    Real[] out = BlockNode.of(inputs, k, (kbar, inAdj) -> {
      double ga = 0;
      double gr = 0;
      for (int i = 0, p = 0; i < n; i++) {
        for (int j = 0; j <= i; j++, p++) {
          double w = kbar[p] * k[p];
          if (w == 0) {
            continue;
          }
          ga += 2 * w / a;
          gr += w * sq[p] / (r2 * r);
          if (xv != null && i != j) {
            double g = -w * (xv[i] - xv[j]) / r2;
            inAdj[2 + i] += g;
            inAdj[2 + j] -= g;
          }
        }
      }
      inAdj[0] += ga;
      inAdj[1] += gr;
    });
    return Dense.fromTriangle(out, n, true, true);
  }

  private static void checkPoint(int i, double v) {
    if (!Double.isFinite(v)) {
      throw new DomainException("gpExpQuadCov: point " + i + " must be finite, got " + v);
    }
  }
}
