package org.probity.inference.mcmc;

import org.probity.core.ProbityException;

/**
 * Thrown by {@link Mcmc#run} when the calling thread is interrupted: the chains are stopped (at
 * their next iteration) and the interrupt status of the caller is restored.
 */
public class McmcInterruptedException extends ProbityException {
  private static final long serialVersionUID = 1L;

  /** The exception with its message. */
  public McmcInterruptedException(String message) {
    super(message);
  }
}
