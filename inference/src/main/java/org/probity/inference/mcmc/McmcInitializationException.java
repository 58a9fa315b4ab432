package org.probity.inference.mcmc;

import org.probity.core.ProbityException;

/**
 * Thrown when a chain cannot start: no starting trace with a finite log density (and, for
 * Hamiltonian kernels, a finite gradient) was found, or an initial value given by the user is
 * unusable. The message names the address and the term that failed.
 */
public class McmcInitializationException extends ProbityException {
  private static final long serialVersionUID = 1L;

  /** The exception with its message. */
  public McmcInitializationException(String message) {
    super(message);
  }
}
