package org.probity.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Real;
import org.probity.ad.Reals;

/**
 * The half-Cauchy distribution on [0, inf) with scale s: density 2 / (pi s (1 + (x/s)^2)), the
 * Cauchy(0, s) folded at 0 (Gelman 2006's prior for hierarchical scales). Mean and variance are
 * infinite. {@code of(0, s)} is accepted for data written "HalfCauchy(0, 5)"; a non-zero
 * location is rejected, since it is ambiguous: use {@code Truncated.of(Cauchy.of(mu, s), 0, inf)}.
 */
public final class HalfCauchy implements ContinuousCdf {
  private final Real scale;
  private final Real logScale;

  private HalfCauchy(Real scale) {
    if (!scale.test(DistributionException.POSITIVE)) {
      DistributionException.positive("HalfCauchy", "scale", scale.value());
    }
    this.scale = scale;
    this.logScale = scale.log();
  }

  /** HalfCauchy(scale). */
  public static HalfCauchy of(double scale) {
    return new HalfCauchy(Real.of(scale));
  }

  /** HalfCauchy(scale) with a differentiable scale. */
  public static HalfCauchy of(Real scale) {
    return new HalfCauchy(scale);
  }

  /** HalfCauchy(location, scale) where location must be 0 (the conventional two-parameter spelling). */
  public static HalfCauchy of(double location, double scale) {
    if (location != 0) {
      throw new DistributionException("HalfCauchy: parameter location must be 0, got " + location
          + " (for a Cauchy truncated to [0, inf) use Truncated.of(Cauchy.of(location, scale), 0, inf))");
    }
    return of(scale);
  }

  @Override
  public double sampleDouble(UniformRandomProvider rng) {
    return OpenSupport.positive(inverseCdf(rng.nextDouble()));
  }

  @Override
  public boolean hasRsample() {
    return true;
  }

  /** s tan(pi u / 2) for the same u as {@link #sampleDouble}: dx/ds = tan(pi u / 2). */
  @Override
  public Real rsample(UniformRandomProvider rng) {
    double u = rng.nextDouble();
    return Reals.node(new Real[] {scale}, OpenSupport.positive(inverseCdf(u)), new double[] {Math.tan(0.5 * Math.PI * u)});
  }

  @Override
  public Real logProb(Real x) {
    if (x.test(NEGATIVE)) {
      return Real.NEGATIVE_INFINITY;
    }
    return Reals.cauchyLogDensity(x, Real.ZERO, scale).plus(Special.LOG2);
  }

  private static final java.util.function.DoublePredicate NEGATIVE = v -> v < 0;

  @Override
  public double logDensity(double x) {
    if (x < 0) {
      return Double.NEGATIVE_INFINITY;
    }
    double z = x / scale.value();
    // logProb's operations in its order: the Cauchy(0, scale) log density, then + log 2
    return -Special.LOG_PI - logScale.value() - Math.log1p(z * z) + Special.LOG2;
  }

  @Override
  public boolean doublePathIsExact() {
    return true;
  }

  @Override
  public Real cdf(Real x) {
    if (x.value() <= 0) {
      return Real.ZERO;
    }
    return x.div(scale).atan().times(2 / Math.PI);
  }

  @Override
  public double inverseCdf(double p) {
    Special.checkProbability(this, p);
    return p == 1 ? Double.POSITIVE_INFINITY : scale.value() * Math.tan(0.5 * Math.PI * p);
  }

  @Override
  public double mean() {
    return Double.POSITIVE_INFINITY;
  }

  @Override
  public double variance() {
    return Double.POSITIVE_INFINITY;
  }

  @Override
  public double supportLowerBound() {
    return 0;
  }

  @Override
  public double supportUpperBound() {
    return Double.POSITIVE_INFINITY;
  }

  @Override
  public String toString() {
    return "HalfCauchy(" + scale + ")";
  }
}
