package org.probity.trace;

import java.util.Arrays;
import org.probity.core.Address;
import org.probity.ad.Real;
import org.probity.core.InvalidWeightException;
import org.probity.dist.Distribution;
import org.probity.dist.DistributionException;

/** Value equality, hashing, rendering and density checks for the values stored in traces (arrays by content). */
public final class Values {
  private Values() {
  }

  /** Equality by value, arrays by content. */
  public static boolean same(Object a, Object b) {
    return Arrays.deepEquals(new Object[] {a}, new Object[] {b});
  }

  /** Address equality (the kernels compare the addresses of a re-run with those of the previous trace at every choice). */
  public static boolean sameAddress(Address a, Address b) {
    return a.equals(b);
  }

  /** A hash consistent with {@link #same}. */
  public static int hash(Object a) {
    return Arrays.deepHashCode(new Object[] {a});
  }

  /** A readable rendering, arrays included. */
  public static String describe(Object v) {
    return InvalidWeightException.describe(v);
  }

  /**
   * The log density of {@code value} under {@code dist}, or negative infinity when the value is of
   * the wrong type or shape for the distribution (a value that cannot be reused at that site).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static double densityOrZero(Distribution dist, Object value) {
    try {
      double lp = dist.logDensity(value);
      return Double.isNaN(lp) ? Double.NEGATIVE_INFINITY : lp;
    } catch (ClassCastException | DistributionException e) {
      return Double.NEGATIVE_INFINITY;
    }
  }

  /**
   * The numeric entries of a value, row-major: a real, number or boolean (0/1) gives one entry;
   * arrays of them (and rows of Real[][] or double[][]) their entries; null for any other type.
   *
   * @param v a value
   * @return its entries, or null when it is not numeric
   */
  public static double[] entries(Object v) {
    if (v instanceof Real || v instanceof Number || v instanceof Boolean) {
      return new double[] {scalar(v)};
    }
    if (v instanceof double[] xs) {
      return xs.clone();
    }
    if (v instanceof Real[] xs) {
      return Real.values(xs);
    }
    if (v instanceof int[] xs) {
      return Arrays.stream(xs).asDoubleStream().toArray();
    }
    if (v instanceof boolean[] xs) {
      double[] out = new double[xs.length];
      for (int i = 0; i < xs.length; i++) {
        out[i] = xs[i] ? 1 : 0;
      }
      return out;
    }
    if (v instanceof Object[] rows && (v instanceof Real[][] || v instanceof double[][])) {
      double[][] parts = new double[rows.length][];
      int n = 0;
      for (int i = 0; i < rows.length; i++) {
        parts[i] = entries(rows[i]);
        n += parts[i].length;
      }
      double[] out = new double[n];
      int at = 0;
      for (double[] part : parts) {
        System.arraycopy(part, 0, out, at, part.length);
        at += part.length;
      }
      return out;
    }
    return null;
  }

  /** A scalar view of a value for draws tables: reals, integers, booleans (0/1); NaN otherwise. */
  public static double scalar(Object v) {
    if (v instanceof Real r) {
      return r.value();
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof Boolean b) {
      return b ? 1.0 : 0.0;
    }
    return Double.NaN;
  }
}
