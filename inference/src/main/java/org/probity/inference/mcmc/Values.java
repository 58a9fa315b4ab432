package org.probity.inference.mcmc;

import java.util.Arrays;
import org.probity.ad.Real;
import org.probity.core.InvalidWeightException;
import org.probity.dist.Distribution;
import org.probity.dist.DistributionException;

/** Value equality, hashing and density checks for the values stored in traces (arrays by content). */
final class Values {
  private Values() {
  }

  /** Equality by value, arrays by content. */
  static boolean same(Object a, Object b) {
    return Arrays.deepEquals(new Object[] {a}, new Object[] {b});
  }

  /** A hash consistent with {@link #same}. */
  static int hash(Object a) {
    return Arrays.deepHashCode(new Object[] {a});
  }

  /** A readable rendering, arrays included. */
  static String describe(Object v) {
    return InvalidWeightException.describe(v);
  }

  /**
   * The log density of {@code value} under {@code dist}, or negative infinity when the value is of
   * the wrong type or shape for the distribution (a value that cannot be reused at that site).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static double densityOrZero(Distribution dist, Object value) {
    try {
      double lp = dist.logDensity(value);
      return Double.isNaN(lp) ? Double.NEGATIVE_INFINITY : lp;
    } catch (ClassCastException | DistributionException e) {
      return Double.NEGATIVE_INFINITY;
    }
  }

  /** A scalar view of a value for draws tables: reals, integers, booleans (0/1); NaN otherwise. */
  static double scalar(Object v) {
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
