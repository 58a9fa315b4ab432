package org.probity.bench.probity;

import static org.probity.Probity.addr;
import static org.probity.Probity.condition;
import static org.probity.Probity.gamma;
import static org.probity.Probity.mixtureOf;
import static org.probity.Probity.normal;
import static org.probity.Probity.plate;
import static org.probity.Probity.pure;
import static org.probity.Probity.sample;

import java.util.HashMap;
import java.util.Map;
import org.probity.ad.Real;
import org.probity.bench.data.MixtureData;
import org.probity.core.Address;
import org.probity.core.Prob;
import org.probity.dist.Continuous;
import org.probity.dist.Gamma;
import org.probity.dist.Mixture;
import org.probity.dist.Normal;

/**
 * The 1-D Gaussian mixture as a Probity program with the assignments marginalised: {@code g[k] ~
 * Gamma(alpha[k], 1)} and w = g / sum(g) (so w ~ Dirichlet(alpha); a random walk needs univariate
 * sites), {@code mu[k] ~ Normal(0, muPriorSd)} with {@code condition(mu increasing)}, then the
 * data as one vectorised observation {@code plate(mixtureOf(w, normal(mu[k], sigma)...), y)}, as
 * the {@code mixture} example writes it. Returns (w..., mu...) as a double array.
 */
public final class MixtureModel {
  private final MixtureData data;
  private final Gamma[] gPrior;
  private final Normal muPrior;

  /** The model of these data. */
  public MixtureModel(MixtureData data) {
    this.data = data;
    this.gPrior = new Gamma[data.k()];
    for (int c = 0; c < data.k(); c++) {
      gPrior[c] = gamma(data.alpha()[c], 1);
    }
    this.muPrior = normal(0, data.muPriorSd());
  }

  /** The program. */
  public Prob<double[]> program() {
    return params(0, new double[2 * data.k()]);
  }

  private Prob<double[]> params(int j, double[] p) {
    int k = data.k();
    if (j == 2 * k) {
      boolean ordered = true;
      for (int c = 1; c < k; c++) {
        ordered &= p[k + c - 1] < p[k + c];
      }
      if (!ordered) {
        return condition(false).map(u -> p);
      }
      double sum = 0;
      for (int c = 0; c < k; c++) {
        sum += p[c];
      }
      double[] w = new double[k];
      Continuous[] comps = new Continuous[k];
      double[] out = p.clone();
      for (int c = 0; c < k; c++) {
        w[c] = p[c] / sum;
        out[c] = w[c];
        comps[c] = normal(p[k + c], data.sigma());
      }
      Mixture m = mixtureOf(w, comps);
      return plate(m, data.y()).then(() -> pure(out));
    }
    Address a = j < k ? addr("g", j) : addr("mu", j - k);
    return sample(a, j < k ? gPrior[j] : muPrior, (Real v) -> {
      double[] next = p.clone();
      next[j] = v.value();
      return params(j + 1, next);
    });
  }

  /** Initial values from the unconstrained start (log g..., mu...) of the hand-coded baseline. */
  public static Map<Address, Real> init(double[] z, int k) {
    Map<Address, Real> m = new HashMap<>();
    for (int c = 0; c < k; c++) {
      m.put(addr("g", c), Real.of(Math.exp(z[c])));
      m.put(addr("mu", c), Real.of(z[k + c]));
    }
    return m;
  }
}
