package org.probity.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.probity.ad.Real;

/**
 * The negative binomial distribution counting the <b>failures before the r-th success</b> in
 * Bernoulli(p) trials: P(k) = Gamma(k+r) / (k! Gamma(r)) p^r (1-p)^k on k = 0, 1, ..., with
 * mean r(1-p)/p; r may be any positive real (the Polya distribution). Sampled as a gamma–Poisson
 * mixture, Poisson(Gamma(r, scale (1-p)/p)) (Devroye 1986, X.4.7).
 */
public final class NegativeBinomial implements Discrete {
  private final Real r;
  private final Real p;
  private final Real logNormaliser;

  private NegativeBinomial(Real r, Real p) {
    DistributionException.positive("NegativeBinomial", "r", r.value());
    double v = p.value();
    if (!(v > 0 && v <= 1)) {
      throw new DistributionException("NegativeBinomial: parameter p must be in (0, 1], got " + v);
    }
    this.r = r;
    this.p = p;
    this.logNormaliser = r.times(p.log()).minus(r.logGamma());
  }

  /** NegativeBinomial(r, p): failures before the r-th success. */
  public static NegativeBinomial of(double r, double p) {
    return new NegativeBinomial(Real.of(r), Real.of(p));
  }

  /** NegativeBinomial(r, p) with differentiable parameters. */
  public static NegativeBinomial of(Real r, Real p) {
    return new NegativeBinomial(r, p);
  }

  @Override
  public Integer sample(UniformRandomProvider rng) {
    double pv = p.value();
    if (pv == 1) {
      return 0;
    }
    double lambda = AhrensDieterMarsagliaTsangGammaSampler.of(rng, r.value(), (1 - pv) / pv).sample();
    return lambda > 0 ? Poisson.draw(rng, lambda, this) : 0;
  }

  @Override
  public Real logProb(Integer k) {
    if (k < 0) {
      return Real.NEGATIVE_INFINITY;
    }
    return r.plus(k).logGamma().minus(Special.logGamma(k + 1.0)).plus(logNormaliser)
        .plus(Beta.xLogY(Real.of(k), p.rminus(1)));
  }

  @Override
  public double logPmf(int k) {
    if (k < 0) {
      return Double.NEGATIVE_INFINITY;
    }
    double tail = k == 0 ? 0 : k * Math.log1p(-p.value());
    return Special.logGamma(r.value() + k) - Special.logGamma(k + 1.0) + logNormaliser.value() + tail;
  }

  @Override
  public double mean() {
    return r.value() * (1 - p.value()) / p.value();
  }

  @Override
  public double variance() {
    return r.value() * (1 - p.value()) / (p.value() * p.value());
  }

  @Override
  public double supportLowerBound() {
    return 0;
  }

  @Override
  public double supportUpperBound() {
    return p.value() == 1 ? 0 : Double.POSITIVE_INFINITY;
  }

  @Override
  public String toString() {
    return "NegativeBinomial(" + r + ", " + p + ")";
  }
}
