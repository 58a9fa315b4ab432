package org.probity.dist;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Real;

/**
 * The Bernoulli distribution over {@code true}/{@code false} parameterised by the log-odds eta,
 * p = logistic(eta) (Stan's {@code bernoulli_logit}): log p = -softplus(-eta) and log(1 - p) =
 * -softplus(eta), evaluated stably, so the log mass is finite for every finite eta (where
 * {@code Bernoulli.of(logistic(eta))} underflows to p = 0 or 1 for |eta| beyond about 37).
 */
public final class BernoulliLogit implements Distribution<Boolean>, Univariate {
  private static final List<Boolean> SUPPORT = List.of(false, true);
  private final Real eta;

  private BernoulliLogit(Real eta) {
    if (!eta.test(DistributionException.FINITE)) { // a test, not a value read: a recorded gradient stays replayable
      DistributionException.finite("BernoulliLogit", "eta", eta.value());
    }
    this.eta = eta;
  }

  /** BernoulliLogit(eta). */
  public static BernoulliLogit of(double eta) {
    return new BernoulliLogit(Real.of(eta));
  }

  /** BernoulliLogit(eta) with differentiable log-odds. */
  public static BernoulliLogit of(Real eta) {
    return new BernoulliLogit(eta);
  }

  /** The log-odds. */
  public Real eta() {
    return eta;
  }

  /** The success probability logistic(eta). */
  public double p() {
    return Special.sigmoid(eta.value());
  }

  @Override
  public Boolean sample(UniformRandomProvider rng) {
    return rng.nextDouble() < p();
  }

  @Override
  public Real logProb(Boolean b) {
    if (!eta.isVariable()) {
      return Real.of(logDensity(b));
    }
    return b ? eta.logLogistic() : eta.negate().logLogistic();
  }

  @Override
  public double logDensity(Boolean b) {
    return -Special.softplus(b ? -eta.value() : eta.value());
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
    return p();
  }

  @Override
  public double variance() {
    return Special.sigmoid(eta.value()) * Special.sigmoid(-eta.value());
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
    return "BernoulliLogit(" + eta + ")";
  }
}
