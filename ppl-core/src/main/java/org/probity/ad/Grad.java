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
    Real y = Tape.recording(() -> f.apply(xs));
    double[] adj = tape.gradient(y);
    double[] g = new double[point.length];
    for (int i = 0; i < point.length; i++) {
      g[i] = adj[xs[i].index()];
    }
    return new ValueAndGradient(y.value(), g);
  }

  /**
   * Value and gradient of {@code f} at {@code point}, writing the gradient into {@code gradient}
   * (same length as the point) and returning the value: the allocation-light form for samplers
   * that call it in a loop.
   */
  public static double gradient(Function<Real[], Real> f, double[] point, double[] gradient) {
    if (gradient.length != point.length) {
      throw new IllegalArgumentException("gradient: output has length " + gradient.length + ", point has " + point.length);
    }
    Tape tape = new Tape();
    Real[] xs = tape.variables(point);
    Real y = Tape.recording(() -> f.apply(xs));
    double[] adj = tape.gradient(y);
    for (int i = 0; i < point.length; i++) {
      gradient[i] = adj[xs[i].index()];
    }
    return y.value();
  }

  /** The value of {@code f} at {@code point}, evaluated on constants (no tape, double speed). */
  public static double value(Function<Real[], Real> f, double[] point) {
    return f.apply(Real.of(point)).value();
  }

  /**
   * Hessian-vector product H(point) v, approximated by the central difference of exact
   * reverse-mode gradients, (grad f(x + h v) - grad f(x - h v)) / (2 h) (Pearlmutter, "Fast exact
   * multiplication by the Hessian", 1994, section 2). Error O(h^2); {@code h} around 1e-5 times
   * the scale of x suits smooth targets.
   */
  public static double[] hessianVectorProduct(Function<Real[], Real> f, double[] point, double[] v, double h) {
    if (v.length != point.length) {
      throw new IllegalArgumentException("hessianVectorProduct: v has length " + v.length + ", point has " + point.length);
    }
    double[] p = point.clone();
    double[] m = point.clone();
    for (int i = 0; i < p.length; i++) {
      p[i] += h * v[i];
      m[i] -= h * v[i];
    }
    double[] gp = grad(f, p).gradient();
    double[] gm = grad(f, m).gradient();
    for (int i = 0; i < gp.length; i++) {
      gp[i] = (gp[i] - gm[i]) / (2 * h);
    }
    return gp;
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
