package org.probity.dist;

import org.probity.ad.Real;

/**
 * The validated parameters of a location-scale family member (x = loc + scale z): a finite
 * location, a positive scale and the scale's log, precomputed once; held by composition in
 * {@link Cauchy}, {@link Logistic}, {@link Laplace}, {@link LogNormal} and {@link StudentT} (and
 * its validation used by {@link Normal}), which keep their own parameter names for exception messages and accessors.
 */
final class LocationScale {
  final Real loc;
  final Real scale;
  final Real logScale;

  /**
   * Validates {@code loc} (finite) and {@code scale} (positive), in that order, naming the
   * distribution and the parameters in the {@link DistributionException}, and takes log(scale).
   */
  LocationScale(String dist, String locName, String scaleName, Real loc, Real scale) {
    check(dist, locName, scaleName, loc, scale);
    this.loc = loc;
    this.scale = scale;
    this.logScale = scale.log();
  }

  /**
   * The validation alone, for a class that keeps the parameters in its own fields ({@link Normal},
   * whose fast paths read them without the extra hop): a finite {@code loc}, then a positive
   * {@code scale}.
   */
  static void check(String dist, String locName, String scaleName, Real loc, Real scale) {
    // tests, not value reads, so that a recorded gradient stays replayable (Real.test)
    if (!loc.test(DistributionException.FINITE)) {
      DistributionException.finite(dist, locName, loc.value());
    }
    if (!scale.test(DistributionException.POSITIVE)) {
      DistributionException.positive(dist, scaleName, scale.value());
    }
  }

  /** The standardised value (x - loc) / scale. */
  Real standardise(Real x) {
    return x.minus(loc).div(scale);
  }

  /** {@code dist(loc, scale)}, the common spelling of these distributions' {@code toString}. */
  String toString(String dist) {
    return dist + "(" + loc + ", " + scale + ")";
  }
}
