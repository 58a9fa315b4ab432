package org.probity.ad;

import org.ejml.data.DMatrixRMaj;

/**
 * Vectorised operations on arrays of {@link Real}s, each recorded as a single tape node, so a
 * likelihood over ten thousand rows adds one wide node to the tape instead of a deep chain.
 */
public final class Reals {
  private Reals() {
  }

  /** log(e^a + e^b), stable. */
  public static Real logSumExp(Real a, Real b) {
    double m = Math.max(a.value(), b.value());
    if (m == Double.NEGATIVE_INFINITY) {
      return Real.NEGATIVE_INFINITY;
    }
    double ea = Math.exp(a.value() - m);
    double eb = Math.exp(b.value() - m);
    double s = ea + eb;
    return a.binary(b, m + Math.log(s), ea / s, eb / s);
  }

  /** log(sum e^x_i), stable; one node. */
  public static Real logSumExp(Real... xs) {
    double m = Double.NEGATIVE_INFINITY;
    for (Real x : xs) {
      m = Math.max(m, x.value());
    }
    if (m == Double.NEGATIVE_INFINITY) {
      return Real.NEGATIVE_INFINITY;
    }
    double[] w = new double[xs.length];
    double s = 0;
    for (int i = 0; i < xs.length; i++) {
      w[i] = Math.exp(xs[i].value() - m);
      s += w[i];
    }
    for (int i = 0; i < xs.length; i++) {
      w[i] /= s;
    }
    return node(xs, m + Math.log(s), w);
  }

  /** Sum of the entries; one node. */
  public static Real sum(Real... xs) {
    double s = 0;
    double[] d = new double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      s += xs[i].value();
      d[i] = 1.0;
    }
    return node(xs, s, d);
  }

  /** Dot product with a constant vector; one node. */
  public static Real dot(Real[] xs, double[] c) {
    if (xs.length != c.length) {
      throw new IllegalArgumentException("dot: lengths differ: " + xs.length + " vs " + c.length);
    }
    double s = 0;
    for (int i = 0; i < xs.length; i++) {
      s += xs[i].value() * c[i];
    }
    return node(xs, s, c.clone());
  }

  /** Dot product of two real vectors; one node. */
  public static Real dot(Real[] xs, Real[] ys) {
    if (xs.length != ys.length) {
      throw new IllegalArgumentException("dot: lengths differ: " + xs.length + " vs " + ys.length);
    }
    Real[] all = new Real[2 * xs.length];
    double[] d = new double[2 * xs.length];
    double s = 0;
    for (int i = 0; i < xs.length; i++) {
      s += xs[i].value() * ys[i].value();
      all[i] = xs[i];
      d[i] = ys[i].value();
      all[xs.length + i] = ys[i];
      d[xs.length + i] = xs[i].value();
    }
    return node(all, s, d);
  }

  /**
   * Matrix-vector product X w for a constant matrix (EJML) and a real vector; each output entry
   * is one node with the entries of w as parents.
   */
  public static Real[] matVec(DMatrixRMaj x, Real[] w) {
    if (x.numCols != w.length) {
      throw new IllegalArgumentException("matVec: matrix has " + x.numCols + " columns, vector has " + w.length);
    }
    Real[] out = new Real[x.numRows];
    double[] row = new double[x.numCols];
    for (int i = 0; i < x.numRows; i++) {
      System.arraycopy(x.data, i * x.numCols, row, 0, x.numCols);
      out[i] = dot(w, row);
    }
    return out;
  }

  /**
   * Builds one tape node with value {@code v} whose partial derivative with respect to
   * {@code inputs[i]} is {@code partials[i]}. This is how new vectorised operations (for example
   * a distribution's summed log density over an array of data) are added.
   */
  public static Real node(Real[] inputs, double v, double[] partials) {
    Tape t = null;
    for (Real x : inputs) {
      if (x.tape() != null) {
        if (t != null && t != x.tape()) {
          throw new IllegalStateException("cannot combine nodes of two different tapes");
        }
        t = x.tape();
      }
    }
    if (t == null) {
      return Real.of(v);
    }
    int[] ps = new int[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      ps[i] = inputs[i].index();
    }
    return new Real(v, t, t.pushN(ps, partials, inputs.length));
  }
}
