package org.probity.inference.diagnostics;

import java.util.List;

/**
 * One problem found in a run's output by {@link Warnings}: what is wrong, with the numbers that
 * show it, and what to try.
 *
 * @param kind the kind of problem
 * @param message what is wrong, naming the quantities, chains or steps and their values
 * @param advice what to try
 * @param subjects the quantities (or {@code chain 2}, {@code step 7}) concerned, worst first
 */
public record Problem(Kind kind, String message, String advice, List<String> subjects) {

  /** The kinds of problem {@link Warnings} looks for. */
  public enum Kind {
    /** Rank-normalised split R-hat above the threshold: the chains disagree. */
    RHAT,
    /** Bulk effective sample size too small for means and intervals. */
    ESS_BULK,
    /** Tail effective sample size too small for the 5% and 95% quantiles. */
    ESS_TAIL,
    /** Per-chain acceptance rates far apart. */
    UNEQUAL_ACCEPTANCE,
    /** A chain whose every quantity stayed at its first value. */
    STUCK_CHAIN,
    /** Too few draws to compute the diagnostics at all. */
    TOO_FEW_DRAWS,
    /** SMC's effective sample size fell to a small fraction of the particles. */
    SMC_ESS_COLLAPSE
  }

  /** Copies the subjects. */
  public Problem {
    subjects = List.copyOf(subjects);
  }

  /** The message and the advice on one line. */
  @Override
  public String toString() {
    return message + " Try: " + advice;
  }
}
