package org.probity.dist;

/** A distribution over a scalar with a mean, a variance and an interval support. */
public interface Univariate {
  /** The mean (NaN where undefined, positive infinity where infinite). */
  double mean();

  /** The variance (NaN where undefined, positive infinity where infinite). */
  double variance();

  /** Lower end of the support. */
  double supportLowerBound();

  /** Upper end of the support. */
  double supportUpperBound();
}
