package org.probity.bench.probity;

import static org.probity.Probity.addr;
import static org.probity.Probity.bernoulli;
import static org.probity.Probity.normal;
import static org.probity.Probity.observe;
import static org.probity.Probity.pure;
import static org.probity.Probity.sample;

import java.util.HashMap;
import java.util.Map;
import org.probity.ad.Real;
import org.probity.bench.data.LogisticData;
import org.probity.core.Address;
import org.probity.core.Prob;
import org.probity.dist.Normal;

/**
 * Bayesian logistic regression as a Probity program: named choices {@code b} and {@code w[j]}
 * from Normal(0, 1), then one {@code observe(bernoulli(logistic(eta_i)), y_i, () -> ...)} per row
 * (the fast-path observation, no bind node). Returns theta = (b, w) as a double array.
 */
public final class LogisticModel {
  private static final Normal PRIOR = normal(0, 1);
  private final LogisticData data;
  private final Boolean[] ys;

  /** The model of these data. */
  public LogisticModel(LogisticData data) {
    this.data = data;
    this.ys = new Boolean[data.n()];
    for (int i = 0; i < data.n(); i++) {
      ys[i] = data.y()[i] == 1;
    }
  }

  /** The address of coordinate j of theta (0: the intercept b; j: w[j-1]). */
  public static Address address(int j) {
    return j == 0 ? addr("b") : addr("w", j - 1);
  }

  /** The program. */
  public Prob<double[]> program() {
    return coefficients(0, new double[data.d() + 1]);
  }

  private Prob<double[]> coefficients(int j, double[] theta) {
    if (j == theta.length) {
      return rows(0, theta);
    }
    return sample(address(j), PRIOR, (Real v) -> {
      double[] next = theta.clone();
      next[j] = v.value();
      return coefficients(j + 1, next);
    });
  }

  private Prob<double[]> rows(int i, double[] theta) {
    if (i == data.n()) {
      return pure(theta);
    }
    double[] x = data.x()[i];
    double eta = theta[0];
    for (int j = 0; j < x.length; j++) {
      eta += x[j] * theta[j + 1];
    }
    return observe(bernoulli(1 / (1 + Math.exp(-eta))), ys[i], () -> rows(i + 1, theta));
  }

  /** Initial values for a chain: theta at the given point. */
  public static Map<Address, Real> init(double[] theta) {
    Map<Address, Real> m = new HashMap<>();
    for (int j = 0; j < theta.length; j++) {
      m.put(address(j), Real.of(theta[j]));
    }
    return m;
  }
}
