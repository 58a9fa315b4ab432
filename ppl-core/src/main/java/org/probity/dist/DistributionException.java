package org.probity.dist;

/**
 * Thrown when a distribution is given an invalid parameter; the message names the
 * distribution, the parameter and the offending value (in the style of Commons Statistics).
 */
public class DistributionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with the given message. */
  public DistributionException(String message) {
    super(message);
  }

  /** The test of {@link #finite} as a predicate (for {@code Real.test}). */
  public static final java.util.function.DoublePredicate FINITE = Double::isFinite;

  /** The test of {@link #positive} as a predicate (for {@code Real.test}). */
  public static final java.util.function.DoublePredicate POSITIVE = v -> v > 0 && Double.isFinite(v);

  /** Checks that {@code value} is finite. */
  public static double finite(String dist, String param, double value) {
    if (!Double.isFinite(value)) {
      throw new DistributionException(dist + ": parameter " + param + " must be finite, got " + value);
    }
    return value;
  }

  /** Checks that {@code value} is finite and strictly positive. */
  public static double positive(String dist, String param, double value) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new DistributionException(dist + ": parameter " + param + " must be positive and finite, got " + value);
    }
    return value;
  }

  /** Checks that {@code value} is a probability in [0, 1]. */
  public static double probability(String dist, String param, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new DistributionException(dist + ": parameter " + param + " must be in [0, 1], got " + value);
    }
    return value;
  }
}
