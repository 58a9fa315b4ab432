package org.probity.core;

/**
 * Thrown when a log density or factor is NaN or +Infinity; the message names the site, the
 * distribution and the value.
 */
public class InvalidWeightException extends ProbityException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with the given message. */
  public InvalidWeightException(String message) {
    super(message);
  }

  /** Checks a log weight from an observation of {@code value} under {@code dist} (see {@link Weights}). */
  public static double check(double logWeight, Object site, Object dist, Object value) {
    if (Double.isNaN(logWeight) || logWeight == Double.POSITIVE_INFINITY) {
      throw Weights.invalid(logWeight, site, dist, value);
    }
    return logWeight;
  }

  /** A readable rendering of a value, arrays included (long arrays abbreviated to their first entries). */
  public static String describe(Object v) {
    if (v == null || !v.getClass().isArray()) {
      return String.valueOf(v);
    }
    int n = java.lang.reflect.Array.getLength(v);
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < Math.min(n, 20); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(describe(java.lang.reflect.Array.get(v, i)));
    }
    if (n > 20) {
      sb.append(", ... (").append(n).append(" entries)");
    }
    return sb.append(']').toString();
  }
}
