package org.probity.testkit.laws;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.probity.core.Prob;
import org.probity.core.Weighted;
import org.probity.semantics.Enumerator;
import org.probity.trace.Traces;

/**
 * Exact comparison of the unnormalised measures two finite programs denote under the
 * {@code Enumerator} (the measure semantics of Scibior et al., POPL 2018): equal when every result
 * has the same log mass within {@link #LOG_TOLERANCE} (so evidence and posterior both agree).
 */
public final class Measures {
  /**
   * Tolerance on log masses: 1e-9 absolute plus 1e-12 relative, far above the rounding of the
   * few dozen additions a generated program performs (about 1e-14) and far below any real
   * discrepancy a dropped factor or a wrong branch produces.
   */
  public static final double LOG_TOLERANCE = 1e-9;

  private Measures() {
  }

  /** The unnormalised measure: each result with its log mass (zero-mass results absent). */
  public static <A> Map<A, Double> of(Prob<A> program) {
    Map<A, Double> m = new LinkedHashMap<>();
    for (Weighted<A> w : Enumerator.unnormalised(program)) {
      m.put(w.value(), w.logWeight());
    }
    return m;
  }

  /**
   * One likelihood-weighting draw, a program without conditioning: a prior run of the model (the
   * trace interpreter's {@code Traces.prior}) with its recorded log likelihood as the weight of
   * its result (a run that reaches zero weight stops there: value null, log weight -infinity).
   * Reweighting each run by its weight gives back the model's measure.
   */
  public static <A> Prob<Weighted<A>> likelihoodWeighted(Prob<A> model) {
    return Traces.prior(model).map(t -> new Weighted<>(t.output(), t.logLikelihood()));
  }

  /** Whether two log masses agree within the tolerance (both -infinity agree). */
  public static boolean close(double a, double b) {
    if (a == b) {
      return true;
    }
    if (Double.isInfinite(a) || Double.isInfinite(b) || Double.isNaN(a) || Double.isNaN(b)) {
      return false;
    }
    return Math.abs(a - b) <= LOG_TOLERANCE + 1e-12 * Math.max(Math.abs(a), Math.abs(b));
  }

  /** Null when the two measures agree; otherwise a description of the first difference. */
  public static <A> String difference(Map<A, Double> left, Map<A, Double> right) {
    Set<A> keys = new LinkedHashSet<>(left.keySet());
    keys.addAll(right.keySet());
    for (A k : keys) {
      double a = left.getOrDefault(k, Double.NEGATIVE_INFINITY);
      double b = right.getOrDefault(k, Double.NEGATIVE_INFINITY);
      if (!close(a, b)) {
        return "result " + k + ": log mass " + a + " on the left, " + b + " on the right\n  left:  " + left
            + "\n  right: " + right;
      }
    }
    return null;
  }

  /** Asserts that two programs denote the same unnormalised measure. */
  public static <A> void assertSame(Prob<A> left, Prob<A> right) {
    String d = difference(of(left), of(right));
    if (d != null) {
      throw new AssertionError("the two programs denote different measures: " + d);
    }
  }
}
