package org.probity.vi.optim;

/**
 * A learning-rate schedule: the step size at step t = 0, 1, 2, ...
 */
@FunctionalInterface
public interface Schedule {
  /** The step size at step {@code t}. */
  double rate(int t);

  /** The constant rate {@code lr}. */
  static Schedule constant(double lr) {
    check(lr);
    return t -> lr;
  }

  /** lr * decay^(t / every): multiplied by {@code decay} every {@code every} steps (continuously). */
  static Schedule exponentialDecay(double lr, double decay, int every) {
    check(lr);
    if (!(decay > 0 && decay <= 1) || every < 1) {
      throw new IllegalArgumentException("exponentialDecay: decay must be in (0, 1] and every >= 1, got " + decay + ", " + every);
    }
    return t -> lr * Math.pow(decay, (double) t / every);
  }

  /**
   * lr / (1 + t / t0)^power: a Robbins-Monro schedule (sum of rates infinite, sum of squares finite
   * for power in (0.5, 1]), the condition for stochastic gradient ascent to converge.
   */
  static Schedule inverseTime(double lr, double t0, double power) {
    check(lr);
    if (!(t0 > 0) || !(power > 0)) {
      throw new IllegalArgumentException("inverseTime: t0 and power must be positive, got " + t0 + ", " + power);
    }
    return t -> lr / Math.pow(1 + t / t0, power);
  }

  /** Cosine annealing from lr at t = 0 to min at t = steps (then min). */
  static Schedule cosine(double lr, int steps, double min) {
    check(lr);
    return t -> t >= steps ? min : min + 0.5 * (lr - min) * (1 + Math.cos(Math.PI * t / steps));
  }

  private static void check(double lr) {
    if (!(lr > 0) || !Double.isFinite(lr)) {
      throw new IllegalArgumentException("learning rate must be positive and finite, got " + lr);
    }
  }
}
