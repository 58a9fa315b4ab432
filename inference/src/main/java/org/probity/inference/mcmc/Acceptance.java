package org.probity.inference.mcmc;

import org.probity.trace.Trace;

import org.probity.core.InvalidWeightException;
import org.probity.core.Prob;
import org.probity.core.Pure;
import org.probity.core.Sample;
import org.probity.dist.Bernoulli;

/**
 * The Metropolis-Hastings accept/reject step as a program: accept the proposed trace with
 * probability min(1, exp(logAlpha)), the coin being an anonymous Bernoulli sample (Metropolis et
 * al. 1953; Hastings 1970).
 */
public final class Acceptance {
  private Acceptance() {
  }

  /**
   * The log acceptance ratio {@code to.logJoint - from.logJoint + logCorrection}, where the
   * correction holds the proposal terms (backward minus forward). A proposal of zero density is
   * never accepted; from a current trace of zero density any proposal of positive density is.
   */
  public static double logAlpha(Trace<?> from, Trace<?> to, double logCorrection) {
    double a = logAlpha(from.logJoint(), to.logJoint(), logCorrection);
    if (Double.isNaN(a)) {
      throw new InvalidWeightException("MH acceptance ratio is NaN moving from " + from.canonical() + " to " + to.canonical());
    }
    return a;
  }

  /** {@link #logAlpha(Trace, Trace, double)} of the two log joints; NaN where that one throws. */
  static double logAlpha(double lf, double lt, double logCorrection) {
    if (lt == Double.NEGATIVE_INFINITY || logCorrection == Double.NEGATIVE_INFINITY) {
      return Double.NEGATIVE_INFINITY;
    }
    if (lf == Double.NEGATIVE_INFINITY) {
      return Double.POSITIVE_INFINITY;
    }
    return lt - lf + logCorrection;
  }

  /** Accepts {@code to} with probability min(1, exp(logAlpha)), else returns {@code from} itself. */
  public static <A> Prob<Trace<A>> accept(Trace<A> from, Trace<A> to, double logAlpha) {
    if (logAlpha >= 0) {
      return new Pure<>(to);
    }
    if (logAlpha == Double.NEGATIVE_INFINITY) {
      return new Pure<>(from);
    }
    return new Sample<Boolean, Trace<A>>(null, Bernoulli.of(Math.exp(logAlpha)), b -> new Pure<>(b ? to : from));
  }

  /**
   * {@link #accept(Trace, Trace, double)} that counts the step in {@code stats} (null: no counting):
   * a move, a rejection by the coin, or a rejection of a proposal of zero density by its cause.
   */
  public static <A> Prob<Trace<A>> accept(Trace<A> from, Trace<A> to, double logAlpha, KernelStats stats) {
    if (stats == null) {
      return accept(from, to, logAlpha);
    }
    if (logAlpha >= 0) {
      stats.step(true);
      return new Pure<>(to);
    }
    if (logAlpha == Double.NEGATIVE_INFINITY) {
      stats.rejected(to);
      return new Pure<>(from);
    }
    return new Sample<Boolean, Trace<A>>(null, Bernoulli.of(Math.exp(logAlpha)), b -> {
      stats.step(b);
      return new Pure<>(b ? to : from);
    });
  }

  /** The acceptance probability min(1, exp(logAlpha)). */
  public static double probability(double logAlpha) {
    return logAlpha >= 0 ? 1.0 : Math.exp(logAlpha);
  }
}
