package org.probity.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.probity.ad.GradientCheck;
import org.probity.ad.Real;
import org.probity.bijection.CholeskyCorrelation;

/**
 * MvNormal by a Cholesky factor with {@code Real} entries, in the LKJ parameterisation of a
 * covariance (Stan's {@code multi_normal_cholesky(mu, diag_pre_multiply(tau, L_Omega))}): the
 * density equals the covariance form, and is differentiable in the mean, the scales, the
 * correlation factor's unconstrained coordinates and the value.
 */
class MvNormalCholeskyTest {
  static Real[][] scaled(Real[] tau, Real[][] omega) {
    int k = tau.length;
    Real[][] l = new Real[k][];
    for (int i = 0; i < k; i++) {
      l[i] = new Real[i + 1];
      for (int j = 0; j <= i; j++) {
        l[i][j] = tau[i].times(omega[i][j]);
      }
    }
    return l;
  }

  static Real[][] correlationFactor(Real[] u) {
    return (Real[][]) new Constraint.CorrelationCholesky(3).unflatten(new CholeskyCorrelation(3).forward(u));
  }

  @Test
  void choleskyFormEqualsCovarianceForm() {
    Real[][] omega = correlationFactor(Real.of(0.4, -0.9, 0.3));
    Real[] tau = Real.of(1.5, 0.7, 2.2);
    Real[][] l = scaled(tau, omega);
    double[][] cov = new double[3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        for (int m = 0; m <= Math.min(i, j); m++) {
          cov[i][j] += l[i][m].value() * l[j][m].value();
        }
      }
    }
    double[] mean = {0.5, -1, 2};
    Real[] x = Real.of(1.1, -0.3, 0.9);
    double expected = MvNormal.of(mean, cov).logDensity(x);
    assertEquals(expected, MvNormal.ofCholesky(Real.of(mean), l).logProb(x).value(), 1e-12 * (1 + Math.abs(expected)));
    assertEquals(expected, MvNormal.ofCholesky(Real.of(mean), l).logDensity(x), 1e-12 * (1 + Math.abs(expected)));
    assertEquals(expected, org.probity.Probity.mvNormalCholesky(Real.of(mean), l).logDensity(x), 1e-12 * (1 + Math.abs(expected)));
    double[][] lv = new double[3][];
    for (int i = 0; i < 3; i++) {
      lv[i] = Real.values(l[i]);
    }
    assertEquals(expected, org.probity.Probity.mvNormalCholesky(mean, lv).logDensity(x), 1e-12 * (1 + Math.abs(expected)));
  }

  @Test
  void differentiableInMeanScalesCorrelationAndValue() {
    Function<Real[], Real> f = p -> {
      Real[][] l = scaled(new Real[] {p[3].exp(), p[4].exp(), p[5].exp()}, correlationFactor(new Real[] {p[6], p[7], p[8]}));
      return MvNormal.ofCholesky(new Real[] {p[0], p[1], p[2]}, l).logProb(new Real[] {p[9], p[10], p[11]});
    };
    assertNull(GradientCheck.mismatch(f, new double[] {0.5, -1, 2, 0.4, -0.3, 0.8, 0.4, -0.9, 0.3, 1.1, -0.3, 0.9},
        GradientCheck.TOL));
  }
}
