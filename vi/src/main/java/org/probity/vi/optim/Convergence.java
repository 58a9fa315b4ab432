package org.probity.vi.optim;

/**
 * When to stop optimising before the step budget: the relative-change rule of Stan's ADVI
 * (Kucukelbir et al., "Automatic differentiation variational inference", JMLR 2017, section 3.4)
 * on window means of the objective estimates. Every {@code window} steps the mean of the last
 * {@code window} estimates m_j is compared with the previous one; the run has converged when
 * |m_j - m_{j-1}| / max(|m_j|, 1) &lt; {@code tolerance} at {@code patience} consecutive checks.
 *
 * @param tolerance the relative tolerance (0 never converges)
 * @param window the number of steps averaged per check
 * @param patience the consecutive checks needed
 */
public record Convergence(double tolerance, int window, int patience) {
  /** Validates the rule. */
  public Convergence {
    if (!(tolerance >= 0) || window < 1 || patience < 1) {
      throw new IllegalArgumentException("Convergence: needs tolerance >= 0, window >= 1, patience >= 1, got "
          + tolerance + ", " + window + ", " + patience);
    }
  }

  /** Never stop early. */
  public static Convergence never() {
    return new Convergence(0, Integer.MAX_VALUE, 1);
  }

  /** Relative change below {@code tolerance} over windows of {@code window} steps, twice in a row. */
  public static Convergence relative(double tolerance, int window) {
    return new Convergence(tolerance, window, 2);
  }

  /** Whether the rule ever stops a run. */
  public boolean active() {
    return tolerance > 0 && window < Integer.MAX_VALUE;
  }
}
