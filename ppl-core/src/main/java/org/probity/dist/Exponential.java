package org.probity.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.probity.ad.Real;
import org.probity.ad.Reals;

/**
 * The exponential distribution with rate lambda: density lambda e^(-lambda x) on [0, inf), mean
 * 1/lambda. Sampled by the ziggurat of McFarland (2016) (Commons RNG).
 */
public final class Exponential implements ContinuousCdf {
  private final Real rate;
  private final Real logRate;

  private Exponential(Real rate) {
    DistributionException.positive("Exponential", "rate", rate.value());
    this.rate = rate;
    this.logRate = rate.log();
  }

  /** Exponential(rate). */
  public static Exponential of(double rate) {
    return new Exponential(Real.of(rate));
  }

  /** Exponential(rate) with a differentiable rate. */
  public static Exponential of(Real rate) {
    return new Exponential(rate);
  }

  @Override
  public double sampleDouble(UniformRandomProvider rng) {
    return OpenSupport.positive(ZigguratSampler.Exponential.of(rng, 1 / rate.value()).sample());
  }

  @Override
  public boolean hasRsample() {
    return true;
  }

  /** The draw of {@link #sampleDouble}, a standard exponential divided by the rate: dx/drate = -x / rate. */
  @Override
  public Real rsample(UniformRandomProvider rng) {
    double x = OpenSupport.positive(ZigguratSampler.Exponential.of(rng, 1 / rate.value()).sample());
    return Reals.node(new Real[] {rate}, x, new double[] {-x / rate.value()});
  }

  @Override
  public Real logProb(Real x) {
    if (x.test(Supports.NEGATIVE)) { // a test, not a value read: a recorded gradient stays replayable
      return Real.NEGATIVE_INFINITY;
    }
    return logRate.minus(rate.times(x));
  }

  @Override
  public double logDensity(double x) {
    return x < 0 ? Double.NEGATIVE_INFINITY : logRate.value() - rate.value() * x;
  }

  @Override
  public Real cdf(Real x) {
    return x.value() <= 0 ? Real.ZERO : rate.times(x).negate().expm1().negate();
  }

  @Override
  public Real survival(Real x) {
    return x.value() <= 0 ? Real.ONE : rate.times(x).negate().exp();
  }

  @Override
  public double inverseCdf(double p) {
    Special.checkProbability(this, p);
    return -Math.log1p(-p) / rate.value();
  }

  @Override
  public double inverseSurvival(double q) {
    Special.checkProbability(this, q);
    return -Math.log(q) / rate.value();
  }

  @Override
  public double mean() {
    return 1 / rate.value();
  }

  @Override
  public double variance() {
    return 1 / (rate.value() * rate.value());
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
    return "Exponential(" + rate + ")";
  }
}
