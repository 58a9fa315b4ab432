package org.probity.core;

/** Base type of the errors Probity raises while running or transforming programs. */
public class ProbityException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with the given message. */
  public ProbityException(String message) {
    super(message);
  }
}
