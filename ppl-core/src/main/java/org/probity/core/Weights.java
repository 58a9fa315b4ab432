package org.probity.core;

import org.probity.ad.Real;
import org.probity.dist.Distribution;

/**
 * The one weight check of every interpreter: the log density of an observation or a choice and
 * the log weight of a factor, with NaN and +Infinity refused by an {@link InvalidWeightException}
 * naming the site, the distribution (briefly) and the value; negative infinity (zero weight) is a
 * weight like any other, which interpreters take as the end of the run. Messages are built only
 * on failure and are short (a distribution with a huge parameter vector is abbreviated).
 */
public final class Weights {
  private static final int MAX_TEXT = 200;
  // the invalid log densities, as a test (Real.test keeps a recorded gradient replayable)
  private static final java.util.function.DoublePredicate INVALID = v -> Double.isNaN(v) || v == Double.POSITIVE_INFINITY;

  private Weights() {
  }

  /** The log density of an observation (as a double). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static double observe(Observe<?, ?> o) {
    double l;
    try {
      l = ((Distribution) o.dist()).logDensity(o.value());
    } catch (ClassCastException e) {
      throw wrongType(o.address() == null ? "an observation" : o.address(), o.dist(), o.value());
    }
    if (Double.isNaN(l) || l == Double.POSITIVE_INFINITY) {
      throw invalid(l, o.address() == null ? "an observation" : o.address(), o.dist(), o.value());
    }
    return l;
  }

  /** The log density of an observation as a differentiable value. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Real observeReal(Observe<?, ?> o) {
    Real l;
    try {
      l = ((Distribution) o.dist()).logProb(o.value());
    } catch (ClassCastException e) {
      throw wrongType(o.address() == null ? "an observation" : o.address(), o.dist(), o.value());
    }
    if (l.test(INVALID)) {
      throw invalid(l.value(), o.address() == null ? "an observation" : o.address(), o.dist(), o.value());
    }
    return l;
  }

  /** The log density of the value {@code x} chosen at {@code site} from {@code dist}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static double choice(Distribution<?> dist, Object x, Object site) {
    double l;
    try {
      l = ((Distribution) dist).logDensity(x);
    } catch (ClassCastException e) {
      throw wrongType(site, dist, x);
    }
    if (Double.isNaN(l) || l == Double.POSITIVE_INFINITY) {
      throw invalid(l, site, dist, x);
    }
    return l;
  }

  /** {@link #choice} as a differentiable value. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Real choiceReal(Distribution<?> dist, Object x, Object site) {
    Real l;
    try {
      l = ((Distribution) dist).logProb(x);
    } catch (ClassCastException e) {
      throw wrongType(site, dist, x);
    }
    if (l.test(INVALID)) {
      throw invalid(l.value(), site, dist, x);
    }
    return l;
  }

  /**
   * {@link #observeReal} for an interpreter that adds every log density it computes to one total
   * and checks the total's finiteness where it relies on the checks (a replayed gradient, see
   * {@code Tape.record}): the same check and exception, reading the value without recording a
   * decision on it. A NaN or +Infinity term would make that total non-finite.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Real observeRealSummed(Observe<?, ?> o) {
    Real l;
    try {
      l = ((Distribution) o.dist()).logProb(o.value());
    } catch (ClassCastException e) {
      throw wrongType(o.address() == null ? "an observation" : o.address(), o.dist(), o.value());
    }
    double v = l.untrackedValue();
    if (Double.isNaN(v) || v == Double.POSITIVE_INFINITY) {
      throw invalid(v, o.address() == null ? "an observation" : o.address(), o.dist(), o.value());
    }
    return l;
  }

  /** {@link #choiceReal} for an interpreter that sums its log densities, as {@link #observeRealSummed}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Real choiceRealSummed(Distribution<?> dist, Object x, Object site) {
    Real l;
    try {
      l = ((Distribution) dist).logProb(x);
    } catch (ClassCastException e) {
      throw wrongType(site, dist, x);
    }
    double v = l.untrackedValue();
    if (Double.isNaN(v) || v == Double.POSITIVE_INFINITY) {
      throw invalid(v, site, dist, x);
    }
    return l;
  }

  /** A factor's log weight (validated when the node was built). */
  public static double factor(Factor<?> f) {
    return f.logWeight().value();
  }

  /** Checks a sum of log weights: a total that overflowed to +Infinity is an error naming where. */
  public static double total(double logWeight, Object where) {
    if (Double.isNaN(logWeight) || logWeight == Double.POSITIVE_INFINITY) {
      throw new InvalidWeightException("the total log weight became " + logWeight + " at " + where
          + " (a factor or density too large to represent)");
    }
    return logWeight;
  }

  /**
   * As {@link #total(double, Object)} at the observation or factor {@code node}, whose description
   * ({@link #site}) is built only when the weight is invalid: this runs once per particle and
   * observation in SMC, where formatting the site every time cost more than the model.
   *
   * @param logWeight the running total
   * @param node the observation or factor just weighed
   * @return {@code logWeight}, when it is a number below +infinity
   */
  public static double totalAt(double logWeight, Prob<?> node) {
    if (Double.isNaN(logWeight) || logWeight == Double.POSITIVE_INFINITY) {
      return total(logWeight, site(node));
    }
    return logWeight;
  }

  /** The error for an invalid log density at a site. */
  public static InvalidWeightException invalid(double logWeight, Object site, Object dist, Object value) {
    return new InvalidWeightException("log density " + logWeight + " at " + site + " for " + briefly(dist)
        + " and value " + briefly(value));
  }

  private static ProbityException wrongType(Object site, Object dist, Object value) {
    return new ProbityException("the value " + briefly(value) + (value == null ? "" : " (" + value.getClass().getSimpleName() + ")")
        + " at " + site + " is not a value of its distribution " + briefly(dist));
  }

  /** A readable description of an effect node for messages: address, distribution and value. */
  public static String site(Prob<?> node) {
    if (node instanceof Observe<?, ?> o) {
      return "observation " + (o.address() == null ? "(anonymous)" : o.address()) + " of " + briefly(o.value())
          + " from " + briefly(o.dist());
    }
    if (node instanceof Factor<?> f) {
      return "factor with log weight " + f.logWeight().value();
    }
    if (node instanceof Sample<?, ?> s) {
      return "choice " + (s.address() == null ? "(anonymous)" : s.address()) + " from " + briefly(s.dist());
    }
    return String.valueOf(node);
  }

  /** A short rendering of a value or distribution for messages, arrays included, at most about 200 characters. */
  public static String briefly(Object v) {
    String s;
    if (v instanceof Distribution<?> d) {
      s = d.name();
    } else {
      s = InvalidWeightException.describe(v);
    }
    return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT - 3) + "...";
  }
}
