package org.probity.semantics;

import org.probity.core.ProbityException;

/**
 * Thrown when exact enumeration exceeds its bounds ({@link Enumerator.Limits}): too many complete
 * paths or too many choices along one path; the message gives the bound and how to raise it.
 */
public class EnumerationLimitException extends ProbityException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with the given message. */
  public EnumerationLimitException(String message) {
    super(message);
  }
}
