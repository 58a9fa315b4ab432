package org.probity.vi.adev;

import static org.probity.Probity.fold;
import static org.probity.Probity.pure;
import static org.probity.Probity.sample;

import java.util.List;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.dist.Bernoulli;
import org.probity.dist.ChiSquared;
import org.probity.dist.Distribution;
import org.probity.dist.Geometric;
import org.probity.dist.Normal;
import org.probity.dist.Poisson;
import org.probity.dist.Weibull;

/**
 * MVD, the measure-valued derivative (Pflug, 1989; Mohamed, Rosca, Figurnov and Mnih, "Monte
 * Carlo gradient estimation in machine learning", JMLR 2020, section 6): the derivative of the
 * distribution in a parameter theta_j written as c_j (p+_j - p-_j), a signed difference of two
 * probability measures, so that grad_j E[k] = c_j (E_{p+_j}[k] - E_{p-_j}[k]), estimated by
 * running the continuation at coupled phantom values. The main draw x ~ p_theta gives the value
 * k(x) (with its own gradient); the phantom runs give values only. Decompositions:
 *
 * <ul>
 *   <li>finite support (Bernoulli, Categorical, Binomial, ...), in the probabilities pi_j:
 *       grad E[k] = sum_j grad pi_j (k(j) - k(x)) (p+_j = delta_j, p- = p itself, using
 *       sum_j grad pi_j = 0); K - 1 phantom runs;
 *   <li>Poisson(lambda): c = 1, p+ = 1 + Poisson(lambda), p- = Poisson(lambda): k(x + 1) - k(x);
 *   <li>Geometric(p) (failures): c = 1 / p, p+ = Geometric(p), p- = 1 + X + X' (X, X' iid
 *       Geometric(p)): (k(x) - k(1 + x + x')) / p;
 *   <li>Normal(mu, sigma): for mu, c = 1 / (sigma sqrt(2 pi)), p+- = mu +- sigma W with W Rayleigh
 *       (Weibull(2, sqrt 2)); for sigma, c = 1 / sigma, p+ = mu + sigma M with M double-sided
 *       Maxwell (a random sign times sqrt of a chi-squared with 3 degrees of freedom), p- the
 *       Normal itself.
 * </ul>
 *
 * Unbiased; no differentiability of k in x needed; costs extra runs of the rest per choice.
 */
public final class Mvd implements Estimator {
  private static final double INV_SQRT_TWO_PI = 1 / Math.sqrt(2 * Math.PI);

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Prob<Real> estimate(Site site, Continuation k) {
    Distribution d = site.dist();
    if (d.hasFiniteSupport()) {
      return finite(site, k, d.enumerateSupport());
    }
    if (d instanceof Poisson p) {
      return sample(d, x -> k.apply(x).flatMap(v -> value(k, (Integer) x + 1).map(up ->
          Surrogate.addGradient(v, new Real[] {p.rate()}, new double[] {up - v.value()}))));
    }
    if (d instanceof Geometric) {
      return sample(d, x -> {
        Real p = site.logProb(0).exp(); // P(0) = p, on the tape
        return sample(Geometric.of(p.value()), (Integer x2) -> k.apply(x).flatMap(v -> value(k, 1 + (Integer) x + x2)
            .map(down -> Surrogate.addGradient(v, new Real[] {p}, new double[] {(v.value() - down) / p.value()}))));
      });
    }
    if (d instanceof Normal n) {
      return normal(n, k);
    }
    throw site.unsupported("MVD", "measure-valued derivatives are implemented for finite supports, Poisson,"
        + " Geometric and Normal; use REINFORCE");
  }

  /** grad E[k] = sum_j grad pi_j (k(j) - k(x)), x the main draw. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Prob<Real> finite(Site site, Continuation k, List<Object> support) {
    int n = support.size();
    return sample((Distribution) site.dist(), x -> k.apply(x).flatMap(v -> fold(0, n, new double[n], (double[] acc, Integer j) -> {
      Object y = support.get(j);
      if (y.equals(x) || site.logDensity(y) == Double.NEGATIVE_INFINITY) {
        return pure(acc);
      }
      return value(k, y).map(vy -> {
        double[] next = acc.clone(); // continuations may be re-run: never update in place
        next[j] = vy - v.value();
        return next;
      });
    }).map(deltas -> {
      Real[] pis = new Real[n];
      for (int j = 0; j < n; j++) {
        pis[j] = deltas[j] == 0.0 ? Real.ZERO : site.logProb(support.get(j)).exp();
      }
      return Surrogate.addGradient(v, pis, deltas);
    })));
  }

  private static Prob<Real> normal(Normal n, Continuation k) {
    double mu = n.mu().value();
    double sigma = n.sigma().value();
    return sample(n, (Real x) -> sample(Weibull.of(2, Math.sqrt(2)), (Real w) -> sample(ChiSquared.of(3), (Real c) ->
        sample(Bernoulli.of(0.5), (Boolean sign) -> k.apply(x).flatMap(v ->
            value(k, Real.of(mu + sigma * w.value())).flatMap(plus ->
                value(k, Real.of(mu - sigma * w.value())).flatMap(minus ->
                    value(k, Real.of(mu + (sign ? 1 : -1) * sigma * Math.sqrt(c.value()))).map(maxwell ->
                        Surrogate.addGradient(v, new Real[] {n.mu(), n.sigma()},
                            new double[] {INV_SQRT_TWO_PI / sigma * (plus - minus), (maxwell - v.value()) / sigma})))))))));
  }

  /** The value of an estimate of k(x) (a phantom run: its gradient is not used). */
  private static Prob<Double> value(Continuation k, Object x) {
    return k.apply(x).map(Real::value);
  }

  @Override
  public String toString() {
    return "MVD";
  }
}
