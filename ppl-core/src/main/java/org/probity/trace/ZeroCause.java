package org.probity.trace;

/**
 * Why a traced run has zero density: the kinds of rejection an MCMC kernel counts and reports
 * (a proposal at the edge of a support, or one that makes a later distribution's parameters
 * invalid, is rejected, not an error; see {@link Traces#tryUpdate}).
 */
public enum ZeroCause {
  /** A choice's value has zero density under its distribution (outside or on the edge of its support). */
  OUTSIDE_SUPPORT("outside support"),
  /**
   * The run built a distribution with invalid parameters (a {@code DistributionException}, or a
   * density that is NaN or +Infinity at the value): such a state is not in the model's support.
   */
  INVALID_PARAMETERS("invalid parameters"),
  /** An observation, factor or condition of weight zero. */
  ZERO_DENSITY("zero density");

  private final String label;

  ZeroCause(String label) {
    this.label = label;
  }

  /** A short phrase for reports: "outside support", "invalid parameters", "zero density". */
  public String label() {
    return label;
  }
}
