package org.probity.dist;

import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Real;
import org.probity.ad.Reals;

/**
 * The Weibull distribution with shape k and scale lambda: CDF 1 - exp(-(x/lambda)^k) on
 * [0, inf). Sampled by inversion.
 */
public final class Weibull implements ContinuousCdf {
  private final Real shape;
  private final Real scale;
  private final Real logShapeOverScale;

  private Weibull(Real shape, Real scale) {
    DistributionException.positive("Weibull", "shape", shape.value());
    DistributionException.positive("Weibull", "scale", scale.value());
    this.shape = shape;
    this.scale = scale;
    this.logShapeOverScale = shape.log().minus(scale.log());
  }

  /** Weibull(shape, scale). */
  public static Weibull of(double shape, double scale) {
    return new Weibull(Real.of(shape), Real.of(scale));
  }

  /** Weibull(shape, scale) with differentiable parameters. */
  public static Weibull of(Real shape, Real scale) {
    return new Weibull(shape, scale);
  }

  @Override
  public double sampleDouble(UniformRandomProvider rng) {
    return OpenSupport.positive(inverseCdf(rng.nextDouble()));
  }

  @Override
  public boolean hasRsample() {
    return true;
  }

  /**
   * lambda E^(1/k) with E = -log(1 - u) for the same u as {@link #sampleDouble}: dx/dlambda =
   * E^(1/k) and dx/dk = -x log(E) / k^2 (both 0 at x = 0).
   */
  @Override
  public Real rsample(UniformRandomProvider rng) {
    double u = rng.nextDouble();
    double x = inverseCdf(u);
    if (x == 0) {
      return Reals.node(new Real[] {shape, scale}, OpenSupport.positive(x), new double[] {0, 0});
    }
    double k = shape.value();
    double e = -Math.log1p(-u);
    return Reals.node(new Real[] {shape, scale}, x, new double[] {-x * Math.log(e) / (k * k), Math.pow(e, 1 / k)});
  }

  @Override
  public Real logProb(Real x) {
    if (x.value() < 0) {
      return Real.NEGATIVE_INFINITY;
    }
    Real z = x.div(scale);
    if (z.value() == 0) {
      return Beta.xLogY(shape.minus(1), z).plus(logShapeOverScale);
    }
    Real logZ = z.log();
    return logShapeOverScale.plus(shape.minus(1).times(logZ)).minus(shape.times(logZ).exp());
  }

  @Override
  public Real cdf(Real x) {
    if (x.value() <= 0) {
      return Real.ZERO;
    }
    return x.div(scale).log().times(shape).exp().negate().expm1().negate();
  }

  @Override
  public Real survival(Real x) {
    if (x.value() <= 0) {
      return Real.ONE;
    }
    return x.div(scale).log().times(shape).exp().negate().exp();
  }

  @Override
  public double inverseCdf(double p) {
    Special.checkProbability(this, p);
    return scale.value() * Math.pow(-Math.log1p(-p), 1 / shape.value());
  }

  @Override
  public double inverseSurvival(double q) {
    Special.checkProbability(this, q);
    return scale.value() * Math.pow(-Math.log(q), 1 / shape.value());
  }

  @Override
  public double mean() {
    return scale.value() * Math.exp(LogGamma.value(1 + 1 / shape.value()));
  }

  @Override
  public double variance() {
    double k = shape.value();
    double g1 = Math.exp(LogGamma.value(1 + 1 / k));
    double g2 = Math.exp(LogGamma.value(1 + 2 / k));
    return scale.value() * scale.value() * (g2 - g1 * g1);
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
    return "Weibull(shape=" + shape + ", scale=" + scale + ")";
  }
}
