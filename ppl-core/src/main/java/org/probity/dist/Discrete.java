package org.probity.dist;

import java.util.ArrayList;
import java.util.List;
import org.probity.ad.Real;

/** A distribution over the integers with a probability mass function. */
public interface Discrete extends Distribution<Integer>, Univariate {
  /** Log probability mass at {@code k} (negative infinity outside the support). */
  double logPmf(int k);

  @Override
  default double logDensity(Integer k) {
    return logPmf(k);
  }

  @Override
  default Real logProb(Integer k) {
    return Real.of(logPmf(k));
  }

  /** The integers between the support bounds (either end may be unbounded). */
  @Override
  default Constraint support() {
    return Constraint.integersBetween(supportLowerBound(), supportUpperBound());
  }

  @Override
  default boolean hasFiniteSupport() {
    return Double.isFinite(supportLowerBound()) && Double.isFinite(supportUpperBound());
  }

  /** The most values {@link #enumerateSupport()} lists (one million); larger supports are refused. */
  long MAX_ENUMERATED_SUPPORT = 1_000_000;

  /**
   * The integers of a finite support, in increasing order.
   *
   * @throws SupportTooLargeException when there are more than {@link #MAX_ENUMERATED_SUPPORT}
   * @throws UnsupportedOperationException when the support is infinite
   */
  @Override
  default List<Integer> enumerateSupport() {
    return enumerateSupport(MAX_ENUMERATED_SUPPORT);
  }

  /**
   * The integers of a finite support, in increasing order, when there are at most {@code limit}
   * of them (at most {@code Integer.MAX_VALUE - 8}, the largest list).
   *
   * @throws SupportTooLargeException when there are more
   * @throws UnsupportedOperationException when the support is infinite
   */
  @Override
  default List<Integer> enumerateSupport(long limit) {
    if (!hasFiniteSupport()) {
      throw new UnsupportedOperationException(name() + " has infinite support: it cannot be enumerated");
    }
    double size = supportUpperBound() - supportLowerBound() + 1;
    long max = Math.min(limit, Integer.MAX_VALUE - 8);
    if (!(size <= max)) {
      throw new SupportTooLargeException(name(), size, max);
    }
    int lo = (int) supportLowerBound();
    int n = (int) size;
    List<Integer> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(lo + i);
    }
    return out;
  }
}
