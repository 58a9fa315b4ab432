package org.probity.bijection;

import java.util.Arrays;
import org.probity.core.ProbityException;

/** A value handed to {@link Bijection#inverse} that violates the bijection's constraint. */
public class OutOfSupportException extends ProbityException {
  private static final long serialVersionUID = 1L;

  /** A message naming the bijection, the value and the violated constraint. */
  public OutOfSupportException(Bijection bijection, double[] value, String why) {
    super(bijection + ": value " + Arrays.toString(value) + " is outside the support (" + why + ")");
  }
}
