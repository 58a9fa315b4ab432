package org.probity.dist;

import org.apache.commons.numbers.gamma.Erf;
import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.numbers.gamma.InverseErf;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.probity.ad.Real;
import org.probity.ad.Reals;

/**
 * The half-normal distribution on [0, inf): |Z| sigma for standard normal Z, density
 * sqrt(2/pi)/sigma exp(-x^2/(2 sigma^2)).
 */
public final class HalfNormal implements ContinuousCdf {
  private static final double HALF_LOG_TWO_OVER_PI = 0.5 * Math.log(2 / Math.PI);
  private final Real sigma;
  private final Real logSigma;

  private HalfNormal(Real sigma) {
    DistributionException.positive("HalfNormal", "sigma", sigma.value());
    this.sigma = sigma;
    this.logSigma = sigma.log();
  }

  /** HalfNormal(sigma). */
  public static HalfNormal of(double sigma) {
    return new HalfNormal(Real.of(sigma));
  }

  /** HalfNormal(sigma) with a differentiable scale. */
  public static HalfNormal of(Real sigma) {
    return new HalfNormal(sigma);
  }

  /** The scale. */
  public Real sigma() {
    return sigma;
  }

  @Override
  public double sampleDouble(UniformRandomProvider rng) {
    return OpenSupport.positive(sigma.value() * Math.abs(ZigguratSampler.NormalizedGaussian.of(rng).sample()));
  }

  @Override
  public boolean hasRsample() {
    return true;
  }

  /** sigma |z| for the standard normal z that {@link #sampleDouble} draws: dx/dsigma = |z|. */
  @Override
  public Real rsample(UniformRandomProvider rng) {
    double z = Math.abs(ZigguratSampler.NormalizedGaussian.of(rng).sample());
    return Reals.node(new Real[] {sigma}, OpenSupport.positive(sigma.value() * z), new double[] {z});
  }

  @Override
  public Real logProb(Real x) {
    if (x.value() < 0) {
      return Real.NEGATIVE_INFINITY;
    }
    return x.div(sigma).square().times(-0.5).minus(logSigma).plus(HALF_LOG_TWO_OVER_PI);
  }

  @Override
  public double logDensity(double x) {
    if (x < 0) {
      return Double.NEGATIVE_INFINITY;
    }
    double z = x / sigma.value();
    return -0.5 * z * z - logSigma.value() + HALF_LOG_TWO_OVER_PI;
  }

  /** erf(x / (sigma sqrt 2)). */
  @Override
  public Real cdf(Real x) {
    if (x.value() <= 0) {
      return Real.ZERO;
    }
    Real z = x.div(sigma);
    return Reals.node(new Real[] {z}, Erf.value(z.value() / Special.SQRT2), new double[] {2 * Special.stdNormalDensity(z.value())});
  }

  @Override
  public Real survival(Real x) {
    if (x.value() <= 0) {
      return Real.ONE;
    }
    Real z = x.div(sigma);
    return Reals.node(new Real[] {z}, Erfc.value(z.value() / Special.SQRT2), new double[] {-2 * Special.stdNormalDensity(z.value())});
  }

  @Override
  public double inverseCdf(double p) {
    Special.checkProbability(this, p);
    return sigma.value() * Special.SQRT2 * InverseErf.value(p);
  }

  @Override
  public double inverseSurvival(double q) {
    Special.checkProbability(this, q);
    return sigma.value() * Special.SQRT2 * org.apache.commons.numbers.gamma.InverseErfc.value(q);
  }

  @Override
  public double mean() {
    return sigma.value() * Math.sqrt(2 / Math.PI);
  }

  @Override
  public double variance() {
    return sigma.value() * sigma.value() * (1 - 2 / Math.PI);
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
    return "HalfNormal(" + sigma + ")";
  }
}
