package org.probity.core;

/** A value with a log weight: one importance sample, one particle, one enumerated outcome. */
public record Weighted<A>(A value, double logWeight) {
  /** The weight exp(logWeight). */
  public double weight() {
    return Math.exp(logWeight);
  }
}
