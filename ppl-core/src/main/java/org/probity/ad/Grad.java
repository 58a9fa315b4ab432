package org.probity.ad;

import java.util.function.Function;

/**
 * Reverse-mode gradients: {@code grad(f, point)} evaluates f on fresh tape variables and sweeps
 * the tape backwards once (Griewank and Walther, "Evaluating Derivatives", 2008).
 */
public final class Grad {
  private Grad() {
  }

  /** The value of a scalar function and its gradient at a point. */
  public record ValueAndGradient(double value, double[] gradient) {
  }

  /** Value and gradient of {@code f} at {@code point}. */
  public static ValueAndGradient grad(Function<Real[], Real> f, double[] point) {
    Tape tape = new Tape();
    Real[] xs = new Real[point.length];
    for (int i = 0; i < point.length; i++) {
      xs[i] = tape.variable(point[i]);
    }
    Real y = f.apply(xs);
    double[] adj = tape.gradient(y);
    double[] g = new double[point.length];
    for (int i = 0; i < point.length; i++) {
      g[i] = adj[xs[i].index()];
    }
    return new ValueAndGradient(y.value(), g);
  }

  /** Central finite-difference gradient, for checking {@link #grad}. */
  public static double[] numericGradient(Function<Real[], Real> f, double[] point, double h) {
    double[] g = new double[point.length];
    for (int i = 0; i < point.length; i++) {
      double[] p = point.clone();
      double[] m = point.clone();
      p[i] += h;
      m[i] -= h;
      g[i] = (f.apply(Real.of(p)).value() - f.apply(Real.of(m)).value()) / (2 * h);
    }
    return g;
  }
}
