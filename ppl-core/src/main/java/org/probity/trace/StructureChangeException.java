package org.probity.trace;

import org.probity.core.ProbityException;

/**
 * Thrown when a run of a model does not have the structure a fixed-structure view of it assumes
 * (a {@link LogDensity} layout): it reached a choice the layout lacks, skipped one it has, or gave
 * a site another shape or support; the message names the address.
 */
public class StructureChangeException extends ProbityException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with the given message. */
  public StructureChangeException(String message) {
    super(message);
  }
}
