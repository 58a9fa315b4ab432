package org.probity.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.probity.ad.Real;
import org.probity.ad.Reals;

/** The normal (Gaussian) distribution N(mu, sigma^2), parameterised by mean and standard deviation. */
public final class Normal implements ContinuousCdf {
  static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

  private final Real mu;
  private final Real sigma;
  private final Real logSigma;
  // the double path's constants, read without following the Real parameters
  private final double muValue;
  private final double sigmaValue;
  private final double logSigmaValue;

  private Normal(Real mu, Real sigma) {
    LocationScale.check("Normal", "mu", "sigma", mu, sigma);
    this.mu = mu;
    this.sigma = sigma;
    this.logSigma = sigma.log();
    // read untracked: these feed only the double paths, so a recorded gradient stays replayable
    this.muValue = mu.untrackedValue();
    this.sigmaValue = sigma.untrackedValue();
    this.logSigmaValue = logSigma.untrackedValue();
  }

  /** N(mu, sigma^2). */
  public static Normal of(double mu, double sigma) {
    return new Normal(Real.of(mu), Real.of(sigma));
  }

  /** N(mu, sigma^2) with differentiable parameters. */
  public static Normal of(Real mu, Real sigma) {
    return new Normal(mu, sigma);
  }

  /** N(mu, sigma^2) with a differentiable mean. */
  public static Normal of(Real mu, double sigma) {
    return new Normal(mu, Real.of(sigma));
  }

  /** The mean parameter. */
  public Real mu() {
    return mu;
  }

  /** The standard deviation parameter. */
  public Real sigma() {
    return sigma;
  }

  @Override
  public double sampleDouble(UniformRandomProvider rng) {
    return mu.value() + sigma.value() * ZigguratSampler.NormalizedGaussian.of(rng).sample();
  }

  @Override
  public boolean hasRsample() {
    return true;
  }

  /** mu + sigma z for the standard normal z that {@link #sampleDouble} draws: dx/dmu = 1, dx/dsigma = z. */
  @Override
  public Real rsample(UniformRandomProvider rng) {
    double z = ZigguratSampler.NormalizedGaussian.of(rng).sample();
    return Reals.node(new Real[] {mu, sigma}, mu.value() + sigma.value() * z, new double[] {1, z});
  }

  /**
   * {@code n} independent draws, the same values as {@code n} calls of {@link #sampleDouble} (the
   * ziggurat sampler keeps no state but the generator), with one sampler for all of them.
   */
  public double[] sampleDoubles(UniformRandomProvider rng, int n) {
    double[] xs = new double[n];
    sampleDoubles(ZigguratSampler.NormalizedGaussian.of(rng), xs);
    return xs;
  }

  /**
   * Fills {@code out} with draws made from the standard normal draws of {@code g}: the draws
   * {@link #sampleDoubles(UniformRandomProvider, int)} makes from g's generator (a ziggurat
   * sampler keeps no state but its generator, so one can serve every call).
   *
   * @param g a standard normal sampler
   * @param out the draws
   */
  public void sampleDoubles(ZigguratSampler.NormalizedGaussian g, double[] out) {
    double m = mu.value();
    double s = sigma.value();
    for (int i = 0; i < out.length; i++) {
      out[i] = m + s * g.sample();
    }
  }

  @Override
  public Real logProb(Real x) {
    return Reals.normalLogDensity(x, mu, sigma, logSigma);
  }

  @Override
  public double logDensity(double x) {
    double z = (x - muValue) / sigmaValue;
    return -0.5 * z * z - logSigmaValue - HALF_LOG_TWO_PI;
  }

  @Override
  public boolean doublePathIsExact() {
    return true; // logDensity is Real.normalLpdf's forward arithmetic
  }

  @Override
  public Real logProbSum(double[] xs) {
    double m = mu.value();
    double s = sigma.value();
    double ss = 0;
    double sd = 0;
    for (double x : xs) {
      double d = x - m;
      sd += d;
      ss += d * d;
    }
    int n = xs.length;
    double v = -0.5 * ss / (s * s) - n * (logSigma.value() + HALF_LOG_TWO_PI);
    return Reals.node(new Real[] {mu, sigma}, v, new double[] {sd / (s * s), ss / (s * s * s) - n / s});
  }

  @Override
  public Real cdf(Real x) {
    return Special.phi(x.minus(mu).div(sigma));
  }

  @Override
  public Real survival(Real x) {
    return Special.phiUpper(x.minus(mu).div(sigma));
  }

  @Override
  public double inverseCdf(double p) {
    Special.checkProbability(this, p);
    return mu.value() + sigma.value() * Special.phiInverse(p);
  }

  @Override
  public double inverseSurvival(double q) {
    Special.checkProbability(this, q);
    return mu.value() - sigma.value() * Special.phiInverse(q);
  }

  @Override
  public double mean() {
    return mu.value();
  }

  @Override
  public double variance() {
    return sigma.value() * sigma.value();
  }

  @Override
  public double supportLowerBound() {
    return Double.NEGATIVE_INFINITY;
  }

  @Override
  public double supportUpperBound() {
    return Double.POSITIVE_INFINITY;
  }

  @Override
  public String toString() {
    return "Normal(" + mu + ", " + sigma + ")";
  }
}
