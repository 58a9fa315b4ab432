package org.probity.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.probity.ad.Real;
import org.probity.ad.Reals;

/**
 * The inverse-gamma distribution with shape alpha and scale beta: 1/X for X ~ Gamma(alpha, rate
 * beta); density beta^alpha / Gamma(alpha) x^(-alpha-1) e^(-beta/x) on (0, inf). The CDF is the
 * regularised upper incomplete gamma Q(alpha, beta/x).
 */
public final class InverseGamma implements ContinuousCdf {
  private final Real shape;
  private final Real scale;
  private final Real logNormaliser;

  private InverseGamma(Real shape, Real scale) {
    DistributionException.positive("InverseGamma", "shape", shape.value());
    DistributionException.positive("InverseGamma", "scale", scale.value());
    this.shape = shape;
    this.scale = scale;
    this.logNormaliser = shape.times(scale.log()).minus(shape.logGamma());
  }

  /** InverseGamma(shape, scale). */
  public static InverseGamma of(double shape, double scale) {
    return new InverseGamma(Real.of(shape), Real.of(scale));
  }

  /** InverseGamma(shape, scale) with differentiable parameters. */
  public static InverseGamma of(Real shape, Real scale) {
    return new InverseGamma(shape, scale);
  }

  @Override
  public double sampleDouble(UniformRandomProvider rng) {
    return OpenSupport.positive(scale.value() / OpenSupport.positive(AhrensDieterMarsagliaTsangGammaSampler.of(rng, shape.value(), 1).sample()));
  }

  @Override
  public boolean hasRsample() {
    return true;
  }

  /**
   * beta / g for the standard gamma g that {@link #sampleDouble} draws, with g's implicit
   * reparameterisation gradient ({@link Gamma#rsample}): dx/dbeta = 1 / g and dx/dalpha = -(x / g)
   * dg/dalpha.
   */
  @Override
  public Real rsample(UniformRandomProvider rng) {
    double g = OpenSupport.positive(AhrensDieterMarsagliaTsangGammaSampler.of(rng, shape.value(), 1).sample());
    double x = OpenSupport.positive(scale.value() / g);
    double dShape = shape.isVariable() ? -x / g * IncompleteGamma.implicitShapeDerivative(shape.value(), g) : 0;
    return Reals.node(new Real[] {shape, scale}, x, new double[] {dShape, 1 / g});
  }

  @Override
  public Real logProb(Real x) {
    if (x.value() <= 0) {
      return Real.NEGATIVE_INFINITY;
    }
    return logNormaliser.minus(shape.plus(1).times(x.log())).minus(scale.div(x));
  }

  @Override
  public double logDensity(double x) {
    if (x <= 0) {
      return Double.NEGATIVE_INFINITY;
    }
    return logNormaliser.value() - (shape.value() + 1) * Math.log(x) - scale.value() / x;
  }

  @Override
  public Real cdf(Real x) {
    return regularized(x, false);
  }

  @Override
  public Real survival(Real x) {
    return regularized(x, true);
  }

  private Real regularized(Real x, boolean upper) {
    if (x.value() <= 0) {
      return upper ? Real.ONE : Real.ZERO;
    }
    return Special.regularizedGamma(shape, scale.div(x), !upper);
  }

  @Override
  public double mean() {
    double a = shape.value();
    return a > 1 ? scale.value() / (a - 1) : Double.POSITIVE_INFINITY;
  }

  @Override
  public double variance() {
    double a = shape.value();
    if (a > 2) {
      double b = scale.value();
      return b * b / ((a - 1) * (a - 1) * (a - 2));
    }
    return a > 1 ? Double.POSITIVE_INFINITY : Double.NaN;
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
    return "InverseGamma(shape=" + shape + ", scale=" + scale + ")";
  }
}
