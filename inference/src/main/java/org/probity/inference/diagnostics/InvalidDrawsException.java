package org.probity.inference.diagnostics;

/**
 * Thrown when draws cannot be diagnosed: missing, too few, ragged chains or non-finite values.
 *
 * <p>The message always names the offending value (its chain and iteration where relevant).
 */
public final class InvalidDrawsException extends IllegalArgumentException {

  /** Why the draws were rejected. */
  public enum Reason {
    /** The array or a chain was {@code null}. */
    NULL,
    /** Fewer chains or iterations than the computation needs. */
    TOO_FEW_DRAWS,
    /** Chains of different lengths. */
    RAGGED_CHAINS,
    /** A NaN or infinite draw. */
    NON_FINITE
  }

  private final Reason reason;

  InvalidDrawsException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** The category of the problem. */
  public Reason reason() {
    return reason;
  }
}
