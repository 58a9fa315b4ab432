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

  /** Checks a log weight from an observation of {@code value} under {@code dist}. */
  public static double check(double logWeight, Object site, Object dist, Object value) {
    if (Double.isNaN(logWeight) || logWeight == Double.POSITIVE_INFINITY) {
      throw new InvalidWeightException("log density " + logWeight + " at " + site + " for " + dist + " and value " + describe(value));
    }
    return logWeight;
  }

  /** A readable rendering of a value, arrays included. */
  public static String describe(Object v) {
    if (v instanceof double[] d) {
      return java.util.Arrays.toString(d);
    }
    if (v instanceof int[] i) {
      return java.util.Arrays.toString(i);
    }
    if (v instanceof Object[] o) {
      return java.util.Arrays.deepToString(o);
    }
    return String.valueOf(v);
  }
}
