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

  @Override
  default List<Integer> enumerateSupport() {
    if (!hasFiniteSupport()) {
      throw new UnsupportedOperationException(name() + " has infinite support: it cannot be enumerated");
    }
    int lo = (int) supportLowerBound();
    int hi = (int) supportUpperBound();
    List<Integer> out = new ArrayList<>(hi - lo + 1);
    for (int k = lo; k <= hi; k++) {
      out.add(k);
    }
    return out;
  }
}
