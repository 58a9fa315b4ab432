package org.probity.core;

/**
 * Thrown when every outcome (every path, particle or importance sample) has zero weight, so no
 * posterior exists; the message names the site where the weight last became zero.
 */
public class ZeroWeightException extends ProbityException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with the given message. */
  public ZeroWeightException(String message) {
    super(message);
  }
}
