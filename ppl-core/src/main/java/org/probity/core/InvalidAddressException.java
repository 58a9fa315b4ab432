package org.probity.core;

/**
 * Thrown when an address cannot be built or parsed: an empty name, a name using a character of the
 * printed form ({@code / [ ] \}) or starting with {@code #}, or malformed text; the message quotes
 * the offending text.
 */
public class InvalidAddressException extends ProbityException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with the given message. */
  public InvalidAddressException(String message) {
    super(message);
  }
}
