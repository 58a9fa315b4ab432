package org.probity.run;

/**
 * A task of a {@link Runner} failed: names what the task was ("chain", "group 'g17'",
 * "replication") and its index, and carries the task's own exception as the cause (on a cluster, a
 * serializable stand-in with the same class name, message and stack trace when the original
 * cannot travel).
 */
public class RunTaskException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String what;
  private final int index;
  private final String causeType;

  /**
   * Creates the exception.
   *
   * @param what what the task was
   * @param index the task's index
   * @param causeType the class name of the task's exception
   * @param cause the task's exception (or its stand-in)
   */
  public RunTaskException(String what, int index, String causeType, Throwable cause) {
    super(what + (index >= 0 ? " " + index : "") + " failed: " + causeType + ": " + (cause == null ? "" : cause.getMessage()), cause);
    this.what = what;
    this.index = index;
    this.causeType = causeType;
  }

  /** Wraps a task's exception. */
  public static RunTaskException of(String what, int index, Throwable cause) {
    return new RunTaskException(what, index, cause.getClass().getName(), cause);
  }

  /** What the failed task was. */
  public String what() {
    return what;
  }

  /** The failed task's index (-1 for a task named by a key, such as a group, in {@link #what()}). */
  public int index() {
    return index;
  }

  /** The class name of the task's exception (e.g. {@code org.probity.core.ZeroWeightException}). */
  public String causeType() {
    return causeType;
  }
}
