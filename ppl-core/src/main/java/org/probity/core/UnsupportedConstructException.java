package org.probity.core;

/**
 * Thrown when an interpreter meets a construct it cannot give a meaning to, such as a continuous
 * choice under exact enumeration; the message names the address and the distribution.
 */
public class UnsupportedConstructException extends ProbityException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with the given message. */
  public UnsupportedConstructException(String message) {
    super(message);
  }
}
