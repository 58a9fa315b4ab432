package org.probity.inference.hmc;

import java.util.Arrays;
import org.probity.core.ProbityException;

/**
 * Thrown when a sampler cannot start: no initial point with a finite log density and a finite
 * gradient was found (Stan's "Initialization failed"). It reports the last failed attempt: which
 * of the log density or its gradient was not finite, the offending gradient coordinate, the value
 * and the point, so that a caller that knows the coordinates' names can name the offending one.
 */
public final class InitializationException extends ProbityException {
  private static final long serialVersionUID = 1L;

  /** What was not finite. */
  public enum Failure {
    /** The log density itself (negative infinity outside the support, or NaN). */
    LOG_DENSITY,
    /** A coordinate of the gradient of the log density. */
    GRADIENT
  }

  private final Failure failure;
  private final int coordinate;
  private final double value;
  private final double[] point;
  private final int attempts;

  InitializationException(String context, Failure failure, int coordinate, double value,
      double[] point, int attempts) {
    super(message(context, failure, coordinate, value, point, attempts));
    this.failure = failure;
    this.coordinate = coordinate;
    this.value = value;
    this.point = point.clone();
    this.attempts = attempts;
  }

  private static String message(String context, Failure failure, int coordinate, double value,
      double[] point, int attempts) {
    String what = failure == Failure.LOG_DENSITY
        ? "the log density is " + value
        : "coordinate " + coordinate + " of the gradient of the log density is " + value;
    return context + " (" + attempts + (attempts == 1 ? " attempt" : " attempts")
        + "); at the last one " + what + " at theta = " + format(point);
  }

  private static String format(double[] point) {
    if (point.length <= 20) {
      return Arrays.toString(point);
    }
    return Arrays.toString(Arrays.copyOf(point, 20)).replace("]", ", ... (" + point.length + " coordinates)]");
  }

  /** Whether the log density or its gradient was not finite at the last attempt. */
  public Failure failure() {
    return failure;
  }

  /** The first non-finite gradient coordinate (0-based), or -1 when the log density itself was not finite. */
  public int coordinate() {
    return coordinate;
  }

  /** The non-finite value: the log density, or the gradient coordinate. */
  public double value() {
    return value;
  }

  /** A copy of the point of the last attempt. */
  public double[] point() {
    return point.clone();
  }

  /** The number of points tried. */
  public int attempts() {
    return attempts;
  }
}
