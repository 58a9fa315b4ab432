package org.probity.vi.optim;

import org.probity.core.ProbityException;

/** An optimisation that met a non-finite objective or gradient; the message names the step and the parameter. */
public class OptimizationException extends ProbityException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with the given message. */
  public OptimizationException(String message) {
    super(message);
  }
}
