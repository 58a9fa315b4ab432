package org.probity.inference.diagnostics;

/** Thrown when a quantile probability is NaN or outside [0, 1]; the message gives the value. */
public final class InvalidProbabilityException extends IllegalArgumentException {

  InvalidProbabilityException(double p) {
    super("probability must be in [0, 1] but was " + p);
  }

  static double check(double p) {
    if (!(p >= 0.0 && p <= 1.0)) {
      throw new InvalidProbabilityException(p);
    }
    return p;
  }
}
