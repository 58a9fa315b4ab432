package org.probity.ad;

/**
 * Thrown when a differentiable operation gets an argument outside its domain (a non-positive
 * scale, a label that is not 0 or 1); the message names the operation and the value.
 */
public class DomainException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with the given message. */
  public DomainException(String message) {
    super(message);
  }
}
