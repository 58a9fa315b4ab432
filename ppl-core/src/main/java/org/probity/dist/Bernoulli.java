package org.probity.dist;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Real;

/** The Bernoulli distribution over {@code true}/{@code false} with success probability p. */
public final class Bernoulli implements Distribution<Boolean>, Univariate {
  private static final List<Boolean> SUPPORT = List.of(false, true);
  private final Real p;

  // Construction only validates p: the logs are taken on demand, so building one Bernoulli per
  // observation (the common pattern in a model) costs no transcendental functions up front.
  private Bernoulli(Real p) {
    DistributionException.probability("Bernoulli", "p", p.value());
    this.p = p;
  }

  /** Bernoulli(p). */
  public static Bernoulli of(double p) {
    return new Bernoulli(Real.of(p));
  }

  /** Bernoulli(p) with a differentiable probability. */
  public static Bernoulli of(Real p) {
    return new Bernoulli(p);
  }

  /** The success probability. */
  public Real p() {
    return p;
  }

  @Override
  public Boolean sample(UniformRandomProvider rng) {
    return rng.nextDouble() < p.value();
  }

  @Override
  public Real logProb(Boolean b) {
    if (!p.isVariable()) {
      return Real.of(logDensity(b));
    }
    return b ? p.log() : p.rminus(1.0).log();
  }

  @Override
  public double logDensity(Boolean b) {
    return b ? Math.log(p.value()) : Math.log1p(-p.value());
  }

  @Override
  public boolean hasFiniteSupport() {
    return true;
  }

  @Override
  public List<Boolean> enumerateSupport() {
    return SUPPORT;
  }

  @Override
  public double mean() {
    return p.value();
  }

  @Override
  public double variance() {
    return p.value() * (1 - p.value());
  }

  @Override
  public double supportLowerBound() {
    return 0;
  }

  @Override
  public double supportUpperBound() {
    return 1;
  }

  /** {false, true}. */
  @Override
  public Constraint support() {
    return new Constraint.Bool();
  }

  @Override
  public String toString() {
    return "Bernoulli(" + p + ")";
  }
}
