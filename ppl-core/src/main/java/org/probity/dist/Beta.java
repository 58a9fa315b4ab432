package org.probity.dist;

import org.apache.commons.numbers.gamma.RegularizedBeta;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;
import org.probity.ad.Real;
import org.probity.ad.Reals;

/**
 * The beta distribution on [0, 1] with shapes alpha and beta; sampled by Cheng's (1978)
 * algorithms BB/BC (Commons RNG). At the end points the density is finite only when the
 * corresponding shape is at least 1 (then 0 * log 0 is taken as 0, never NaN).
 */
public final class Beta implements ContinuousCdf {
  private final Real a;
  private final Real b;
  private final Real logBeta;

  private Beta(Real a, Real b) {
    DistributionException.positive("Beta", "alpha", a.value());
    DistributionException.positive("Beta", "beta", b.value());
    this.a = a;
    this.b = b;
    this.logBeta = a.logGamma().plus(b.logGamma()).minus(a.plus(b).logGamma());
  }

  /** Beta(alpha, beta). */
  public static Beta of(double alpha, double beta) {
    return new Beta(Real.of(alpha), Real.of(beta));
  }

  /** Beta(alpha, beta) with differentiable shapes. */
  public static Beta of(Real alpha, Real beta) {
    return new Beta(alpha, beta);
  }

  /** The first shape. */
  public Real alpha() {
    return a;
  }

  /** The second shape. */
  public Real beta() {
    return b;
  }

  @Override
  public double sampleDouble(UniformRandomProvider rng) {
    return OpenSupport.unit(ChengBetaSampler.of(rng, a.value(), b.value()).sample());
  }

  @Override
  public boolean hasRsample() {
    return true;
  }

  /**
   * The draw of {@link #sampleDouble} (Cheng's algorithm) with implicit reparameterisation
   * gradients on the Beta CDF itself (Figurnov, Mohamed and Mnih 2018): dx/dalpha =
   * -(dI_x/dalpha) / f(x) and likewise for beta, from the differentiated continued fraction of
   * {@link IncompleteBeta}. (Sampling as a ratio of two gammas would give the same gradients in
   * expectation but would not consume the generator as {@link #sampleDouble} does.)
   */
  @Override
  public Real rsample(UniformRandomProvider rng) {
    double x = OpenSupport.unit(ChengBetaSampler.of(rng, a.value(), b.value()).sample());
    if (!a.isVariable() && !b.isVariable()) {
      return Real.of(x);
    }
    double[] d = IncompleteBeta.implicitShapeDerivatives(a.value(), b.value(), x, 1 - x);
    return Reals.node(new Real[] {a, b}, x, d);
  }

  @Override
  public Real logProb(Real x) {
    if (x.test(Supports.OUTSIDE_UNIT)) { // a test, not a value read: a recorded gradient stays replayable
      return Real.NEGATIVE_INFINITY;
    }
    return xLogY(a.minus(1), x).plus(xLogY(b.minus(1), x.rminus(1))).minus(logBeta);
  }

  /** c * log(y) with 0 * log 0 = 0 (the end points of the support with a shape of 1). */
  static Real xLogY(Real c, Real y) {
    if (y.test(Supports.ZERO)) {
      if (c.value() == 0) {
        return Real.ZERO;
      }
      return Real.of(c.value() > 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
    }
    return c.times(y.log());
  }

  /**
   * Regularised incomplete beta I_x(alpha, beta); shape derivatives from the differentiated
   * continued fraction of {@link IncompleteBeta} (about 1e-11 relative).
   */
  @Override
  public Real cdf(Real x) {
    double v = x.value();
    if (v <= 0) {
      return Real.ZERO;
    }
    if (v >= 1) {
      return Real.ONE;
    }
    double[] d = a.isVariable() || b.isVariable() ? IncompleteBeta.shapeDerivatives(a.value(), b.value(), v, 1 - v) : new double[2];
    return Reals.node(new Real[] {a, b, x}, RegularizedBeta.value(v, a.value(), b.value()), new double[] {d[0], d[1], Math.exp(logDensity(v))});
  }

  @Override
  public double mean() {
    return a.value() / (a.value() + b.value());
  }

  @Override
  public double variance() {
    double s = a.value() + b.value();
    return a.value() * b.value() / (s * s * (s + 1));
  }

  @Override
  public double supportLowerBound() {
    return 0;
  }

  @Override
  public double supportUpperBound() {
    return 1;
  }

  @Override
  public String toString() {
    return "Beta(" + a + ", " + b + ")";
  }
}
