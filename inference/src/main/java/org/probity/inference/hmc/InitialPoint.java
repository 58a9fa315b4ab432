package org.probity.inference.hmc;

import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.LogDensityFunction;

/**
 * Initial points as Stan chooses them (src/stan/services/util/initialize.hpp): each coordinate
 * uniform on (-radius, radius) (default 2) on the unconstrained scale, retried up to 100 times
 * until both the log density and its gradient are finite; a point given by the user is checked
 * once. A radius of 0 starts at the origin, checked once.
 */
public final class InitialPoint {
  /** Stan's default initialisation radius. */
  public static final double DEFAULT_RADIUS = 2.0;
  /** Stan's number of random initialisation attempts. */
  public static final int DEFAULT_ATTEMPTS = 100;

  private InitialPoint() {
  }

  /**
   * A random initial point with finite log density and gradient.
   *
   * @param target the log density
   * @param rng the generator (one uniform per coordinate per attempt)
   * @param radius half-width of the uniform box, at least 0
   * @param attempts maximum number of points tried, at least 1
   * @return the point
   * @throws InitializationException when every attempt fails, reporting the last one
   */
  public static double[] random(LogDensityFunction target, UniformRandomProvider rng, double radius,
      int attempts) {
    if (!(radius >= 0) || Double.isInfinite(radius)) {
      throw new IllegalArgumentException("initialisation radius must be finite and >= 0, got " + radius);
    }
    if (attempts < 1) {
      throw new IllegalArgumentException("initialisation attempts must be >= 1, got " + attempts);
    }
    int n = target.dimension();
    int tries = radius == 0 ? 1 : attempts;
    double[] q = new double[n];
    double[] gradient = new double[n];
    InitializationException last = null;
    for (int t = 0; t < tries; t++) {
      for (int i = 0; i < n; i++) {
        q[i] = radius == 0 ? 0.0 : -radius + 2 * radius * rng.nextDouble();
      }
      last = failure(target, q, gradient, "no finite log density and gradient found with each coordinate uniform on (-"
          + radius + ", " + radius + ")", t + 1);
      if (last == null) {
        return q;
      }
    }
    throw last;
  }

  /**
   * Checks a user-given initial point once.
   *
   * @throws InitializationException when the log density or its gradient is not finite there
   */
  public static void check(LogDensityFunction target, double[] q) {
    if (q.length != target.dimension()) {
      throw new IllegalArgumentException("initial point has " + q.length
          + " coordinates but the log density has dimension " + target.dimension());
    }
    InitializationException e = failure(target, q.clone(), new double[q.length],
        "the given initial point has no finite log density and gradient", 1);
    if (e != null) {
      throw e;
    }
  }

  private static InitializationException failure(LogDensityFunction target, double[] q,
      double[] gradient, String context, int attempt) {
    double lp = target.logDensityAndGradient(q, gradient);
    return failure(lp, gradient, q, context, attempt);
  }

  /** The failure at {@code q} given its log density and gradient, or null when both are finite. */
  static InitializationException failure(double logDensity, double[] gradient, double[] q,
      String context, int attempt) {
    if (!Double.isFinite(logDensity)) {
      return new InitializationException(context, InitializationException.Failure.LOG_DENSITY, -1,
          logDensity, q, attempt);
    }
    for (int i = 0; i < gradient.length; i++) {
      if (!Double.isFinite(gradient[i])) {
        return new InitializationException(context, InitializationException.Failure.GRADIENT, i,
            gradient[i], q, attempt);
      }
    }
    return null;
  }
}
