package org.probity.dist;

import org.probity.ad.Real;

/**
 * Site values to and from their row-major flat entries, for {@link Constraint#flatten} and
 * {@link Constraint#unflatten}, following the vector convention of {@link Distribution}.
 */
final class Shapes {
  private Shapes() {
  }

  static void atLeast(String what, String name, int value, int min) {
    if (value < min) {
      throw new DistributionException(what + ": " + name + " must be at least " + min + ", got " + value);
    }
  }

  static double[] flatten(Object v) {
    if (v instanceof Real r) {
      return new double[] {r.value()};
    }
    if (v instanceof Double d) {
      return new double[] {d};
    }
    if (v instanceof Integer i) {
      return new double[] {i};
    }
    if (v instanceof Boolean b) {
      return new double[] {b ? 1 : 0};
    }
    if (v instanceof Real[] xs) {
      return Real.values(xs);
    }
    if (v instanceof double[] xs) {
      return xs.clone();
    }
    if (v instanceof int[] xs) {
      double[] out = new double[xs.length];
      for (int i = 0; i < xs.length; i++) {
        out[i] = xs[i];
      }
      return out;
    }
    if (v instanceof boolean[] xs) {
      double[] out = new double[xs.length];
      for (int i = 0; i < xs.length; i++) {
        out[i] = xs[i] ? 1 : 0;
      }
      return out;
    }
    if (v instanceof Real[][] rows) {
      return concat(rows.length, i -> Real.values(rows[i]));
    }
    if (v instanceof double[][] rows) {
      return concat(rows.length, i -> rows[i]);
    }
    throw new DistributionException("cannot flatten a value of type " + (v == null ? "null" : v.getClass().getName())
        + " (reals, integers, booleans, their arrays and real matrices can)");
  }

  private static double[] concat(int n, java.util.function.IntFunction<double[]> row) {
    int total = 0;
    for (int i = 0; i < n; i++) {
      total += row.apply(i).length;
    }
    double[] out = new double[total];
    int at = 0;
    for (int i = 0; i < n; i++) {
      double[] r = row.apply(i);
      System.arraycopy(r, 0, out, at, r.length);
      at += r.length;
    }
    return out;
  }

  static Object unflatten(Real[] flat, int[] shape, Constraint c) {
    int size = 1;
    for (int d : shape) {
      size *= d;
    }
    if (flat.length != size) {
      throw new DistributionException(c + ": expected " + size + " entries, got " + flat.length);
    }
    if (shape.length == 0) {
      return flat[0];
    }
    if (shape.length == 1) {
      return flat.clone();
    }
    Real[][] m = new Real[shape[0]][shape[1]];
    for (int i = 0; i < shape[0]; i++) {
      System.arraycopy(flat, i * shape[1], m[i], 0, shape[1]);
    }
    return m;
  }
}
