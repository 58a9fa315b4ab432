package org.probity.inference.diagnostics;

/**
 * Thrown when draws cannot be used: missing, too few, ragged chains, non-finite values, bad names
 * or malformed CSV.
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
    NON_FINITE,
    /** A missing, duplicated or malformed quantity or column name. */
    INVALID_NAME,
    /** Malformed Stan CSV input. */
    MALFORMED_CSV
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
