package org.probity.vi.param;

import org.probity.core.ProbityException;

/**
 * A parameter used inconsistently (read with another shape or constraint than it was declared
 * with), an initial value outside its constraint, or a gradient for an unknown parameter; the
 * message names the parameter and the offending value.
 */
public class ParamException extends ProbityException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with the given message. */
  public ParamException(String message) {
    super(message);
  }
}
