package org.probity.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Real;

/**
 * A continuous distribution restricted to [lo, hi] and renormalised: density f(x) / (F(hi) -
 * F(lo)) there, computed in log space, with the mass taken from the upper tail (survival
 * function) when the interval lies above the median, so that far-tail truncations keep their
 * precision. Either bound may be infinite. Differentiable in the value, the bounds and the base
 * distribution's parameters (through {@link ContinuousCdf#cdf(Real)}).
 *
 * <p>Sampling: by rejection from the base when the interval holds at least 30% of the mass
 * (at most 1/0.3 expected draws), otherwise by inversion of the base CDF on [F(lo), F(hi)], or
 * of its survival function above the median (exact far into the upper tail for distributions
 * with a closed-form {@link ContinuousCdf#inverseSurvival}). Mean and
 * variance are computed by adaptive Gauss–Kronrod quadrature.
 */
public final class Truncated implements ContinuousCdf {
  private static final double REJECTION_MASS = 0.3;
  private final ContinuousCdf base;
  private final Real lo;
  private final Real hi;
  private final Real cdfLo;
  private final Real cdfHi;
  private final Real survLo;
  private final Real survHi;
  private final boolean upperTail;
  private final Real logMass;
  private final double mass;
  private final double pLo;
  private final double pHi;
  private final double qLo;
  private final double qHi;

  private Truncated(ContinuousCdf base, Real lo, Real hi) {
    if (Double.isNaN(lo.value()) || Double.isNaN(hi.value()) || !(lo.value() < hi.value())) {
      throw new DistributionException("Truncated: parameters must satisfy lo < hi, got lo=" + lo + ", hi=" + hi + " for " + base.name());
    }
    this.base = base;
    this.lo = lo;
    this.hi = hi;
    boolean lowerOpen = lo.value() <= base.supportLowerBound();
    boolean upperOpen = hi.value() >= base.supportUpperBound();
    Real fLo = lowerOpen ? Real.ZERO : base.cdf(lo);
    Real fHi = upperOpen ? Real.ONE : base.cdf(hi);
    Real sLo = lowerOpen ? Real.ONE : base.survival(lo);
    Real sHi = upperOpen ? Real.ZERO : base.survival(hi);
    this.upperTail = fLo.value() > 0.5;
    Real m = upperTail ? sLo.minus(sHi) : fHi.minus(fLo);
    if (!(m.value() > 0)) {
      throw new DistributionException("Truncated: interval [" + lo + ", " + hi + "] has probability " + m.value() + " under " + base.name());
    }
    this.cdfLo = fLo;
    this.cdfHi = fHi;
    this.survLo = sLo;
    this.survHi = sHi;
    this.logMass = m.log();
    this.mass = m.value();
    this.pLo = fLo.value();
    this.pHi = fHi.value();
    this.qLo = sLo.value();
    this.qHi = sHi.value();
  }

  /** {@code base} truncated to [lo, hi]. */
  public static Truncated of(ContinuousCdf base, double lo, double hi) {
    return new Truncated(base, Real.of(lo), Real.of(hi));
  }

  /** {@code base} truncated to [lo, hi] with differentiable bounds. */
  public static Truncated of(ContinuousCdf base, Real lo, Real hi) {
    return new Truncated(base, lo, hi);
  }

  /** The untruncated distribution. */
  public ContinuousCdf base() {
    return base;
  }

  @Override
  public double sampleDouble(UniformRandomProvider rng) {
    double l = lo.value();
    double h = hi.value();
    if (mass >= REJECTION_MASS) {
      while (true) {
        double x = base.sampleDouble(rng);
        if (x >= l && x <= h) {
          return OpenSupport.inside(x, l, h);
        }
      }
    }
    return OpenSupport.inside(inverseCdf(rng.nextDouble()), l, h);
  }

  @Override
  public boolean hasRsample() {
    return true;
  }

  /**
   * The draw x of {@link #sampleDouble} with implicit reparameterisation gradients (Figurnov,
   * Mohamed and Mnih 2018) through this distribution's differentiable CDF G (the base's CDF
   * renormalised on [lo, hi]): dx/dtheta = -(dG(x)/dtheta) / g(x) for the bounds and every base
   * parameter, recorded as x - (G(x) - G(x)|const) / g(x), whose value is exactly x. The
   * accuracy is that of the base CDF's parameter derivatives ({@link ContinuousCdf}).
   */
  @Override
  public Real rsample(UniformRandomProvider rng) {
    double x = sampleDouble(rng);
    Real g = cdf(Real.of(x));
    double density = Math.exp(logDensity(x));
    if (!g.isVariable() || !(density > 0) || !Double.isFinite(density)) {
      return Real.of(x);
    }
    return g.minus(g.value()).div(-density).plus(x);
  }

  @Override
  public Real logProb(Real x) {
    if (x.value() < lo.value() || x.value() > hi.value()) {
      return Real.NEGATIVE_INFINITY;
    }
    return base.logProb(x).minus(logMass);
  }

  @Override
  public double logDensity(double x) {
    if (x < lo.value() || x > hi.value()) {
      return Double.NEGATIVE_INFINITY;
    }
    return base.logDensity(x) - logMass.value();
  }

  @Override
  public Real cdf(Real x) {
    if (x.value() <= lo.value()) {
      return Real.ZERO;
    }
    if (x.value() >= hi.value()) {
      return Real.ONE;
    }
    Real num = upperTail ? survLo.minus(base.survival(x)) : base.cdf(x).minus(cdfLo);
    return num.div(logMass.exp());
  }

  @Override
  public Real survival(Real x) {
    if (x.value() <= lo.value()) {
      return Real.ONE;
    }
    if (x.value() >= hi.value()) {
      return Real.ZERO;
    }
    Real num = upperTail ? base.survival(x).minus(survHi) : cdfHi.minus(base.cdf(x));
    return num.div(logMass.exp());
  }

  /** Inverts the base CDF on [F(lo), F(hi)], through the survival function above the median. */
  @Override
  public double inverseCdf(double p) {
    Special.checkProbability(this, p);
    double x = upperTail ? base.inverseSurvival(qLo - p * (qLo - qHi)) : base.inverseCdf(pLo + p * (pHi - pLo));
    return Math.min(Math.max(x, lo.value()), hi.value());
  }

  @Override
  public double mean() {
    double baseMean = base.mean();
    boolean openLo = Double.isInfinite(lo.value());
    boolean openHi = Double.isInfinite(hi.value());
    if (!Double.isFinite(baseMean) && (openLo || openHi)) {
      if (openLo && openHi) {
        return baseMean;
      }
      return openHi ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }
    return moment(1, 0);
  }

  @Override
  public double variance() {
    double m = mean();
    if (!Double.isFinite(m)) {
      return Double.isNaN(m) ? Double.NaN : Double.POSITIVE_INFINITY;
    }
    boolean open = Double.isInfinite(lo.value()) || Double.isInfinite(hi.value());
    if (open && !Double.isFinite(base.variance())) {
      return Double.POSITIVE_INFINITY;
    }
    return moment(2, m);
  }

  private double moment(int power, double centre) {
    double l = Math.max(lo.value(), base.supportLowerBound());
    double h = Math.min(hi.value(), base.supportUpperBound());
    double lm = logMass.value();
    return Quadrature.integrate(x -> Math.pow(x - centre, power) * Math.exp(base.logDensity(x) - lm), l, h, 1e-12);
  }

  @Override
  public double supportLowerBound() {
    return Math.max(lo.value(), base.supportLowerBound());
  }

  @Override
  public double supportUpperBound() {
    return Math.min(hi.value(), base.supportUpperBound());
  }

  @Override
  public String toString() {
    return "Truncated(" + base.name() + ", " + lo + ", " + hi + ")";
  }
}
