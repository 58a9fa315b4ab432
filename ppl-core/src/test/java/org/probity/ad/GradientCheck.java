package org.probity.ad;

import java.util.Arrays;
import java.util.function.Function;

/**
 * Test support: compares the reverse-mode gradient of {@link Grad#grad} with a twice
 * Richardson-extrapolated central finite difference: with D(h) the central difference of step h,
 * R(h) = (4 D(h/2) - D(h)) / 3 and the estimate (16 R(h/2) - R(h)) / 15, whose truncation error is
 * O(h^6); its rounding error is about 1e-16 |f| / h. With h = 2e-4 max(1, |x_i|) both sit well
 * below the tolerance used (1e-6 relative) even for quickly oscillating compositions.
 */
public final class GradientCheck {
  /** Relative tolerance used by the property tests: |g - fd| <= TOL (1 + |fd|). */
  public static final double TOL = 1e-6;

  private GradientCheck() {
  }

  /** Richardson-extrapolated central differences of {@code f} at {@code x} (evaluated on constants). */
  public static double[] finiteDifference(Function<Real[], Real> f, double[] x) {
    double[] g = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double h = 2e-4 * Math.max(1.0, Math.abs(x[i]));
      double d1 = central(f, x, i, h);
      double d2 = central(f, x, i, h / 2);
      double d4 = central(f, x, i, h / 4);
      double r1 = (4 * d2 - d1) / 3;
      double r2 = (4 * d4 - d2) / 3;
      g[i] = (16 * r2 - r1) / 15;
    }
    return g;
  }

  private static double central(Function<Real[], Real> f, double[] x, int i, double h) {
    double[] p = x.clone();
    double[] m = x.clone();
    p[i] += h;
    m[i] -= h;
    return (f.apply(Real.of(p)).value() - f.apply(Real.of(m)).value()) / (2 * h);
  }

  /**
   * Null when the tape gradient matches finite differences within {@code tol} relative, else a
   * message with both gradients. Also checks that the value on the tape equals the constant-path
   * value exactly.
   */
  public static String mismatch(Function<Real[], Real> f, double[] x, double tol) {
    Grad.ValueAndGradient vg = Grad.grad(f, x);
    double plain = f.apply(Real.of(x)).value();
    if (Double.compare(plain, vg.value()) != 0) {
      return "tape value " + vg.value() + " differs from constant value " + plain + " at " + Arrays.toString(x);
    }
    double[] fd = finiteDifference(f, x);
    for (int i = 0; i < x.length; i++) {
      double g = vg.gradient()[i];
      if (!Double.isFinite(g) || Math.abs(g - fd[i]) > tol * (1 + Math.abs(fd[i]))) {
        return "at " + Arrays.toString(x) + ": tape gradient " + Arrays.toString(vg.gradient())
            + " vs finite differences " + Arrays.toString(fd) + " (component " + i + ")";
      }
    }
    return null;
  }
}
