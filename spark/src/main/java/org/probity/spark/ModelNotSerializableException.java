package org.probity.spark;

/**
 * A model, task or data object given to a Spark driver cannot be serialised, so it cannot travel to
 * the executors; raised on the driver before any task starts, naming what failed and what to do.
 */
public class ModelNotSerializableException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with its message. */
  public ModelNotSerializableException(String message, Throwable cause) {
    super(message, cause);
  }
}
