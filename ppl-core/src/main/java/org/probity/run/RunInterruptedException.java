package org.probity.run;

/**
 * The thread that waited for a {@link Runner}'s tasks was interrupted: the tasks still running were
 * cancelled (their threads interrupted) and the thread's interrupt status is set again.
 */
public class RunInterruptedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@code what} is what one task was ("chain"). */
  public RunInterruptedException(String what) {
    super("interrupted while waiting for the " + what + " tasks; the running ones were cancelled");
  }
}
