package org.probity.bench.probity;

import static org.probity.Probity.addr;
import static org.probity.Probity.bernoulliLogitGlm;
import static org.probity.Probity.normal;
import static org.probity.Probity.observe;
import static org.probity.Probity.pure;
import static org.probity.Probity.sample;

import java.util.HashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.probity.ad.Real;
import org.probity.bench.data.LogisticData;
import org.probity.core.Address;
import org.probity.core.Prob;
import org.probity.dist.Normal;

/**
 * Bayesian logistic regression as a Probity program, as the math reads:
 *
 * <pre>
 *   b ~ Normal(0, 1)
 *   w[j] ~ Normal(0, 1)               j = 0 .. D-1
 *   y ~ BernoulliLogitGlm(X, b, w)    i.e. y[i] ~ BernoulliLogit(b + X[i] . w), independently
 * </pre>
 *
 * <p>The likelihood is one observation of the whole label vector (Stan's
 * {@code bernoulli_logit_glm}). Returns theta = (b, w) as a double array.
 */
public final class LogisticModel {
  private static final Normal PRIOR = normal(0, 1);
  private final DMatrixRMaj x;
  private final int[] y;
  private final Address[] addresses;

  /** The model of these data. */
  public LogisticModel(LogisticData data) {
    this.x = new DMatrixRMaj(data.x());
    this.y = data.y().clone();
    this.addresses = new Address[data.d() + 1];
    for (int j = 0; j < addresses.length; j++) {
      addresses[j] = address(j);
    }
  }

  /** The address of coordinate j of theta (0: the intercept b; j: w[j-1]). */
  public static Address address(int j) {
    return j == 0 ? addr("b") : addr("w", j - 1);
  }

  /** The program. */
  public Prob<double[]> program() {
    return sample(addresses[0], PRIOR, (Real b) -> weights(b, 0, new Real[addresses.length - 1]));
  }

  private Prob<double[]> weights(Real b, int j, Real[] w) {
    if (j == w.length) {
      return observe(bernoulliLogitGlm(x, b, w), y, () -> pure(theta(b, w)));
    }
    return sample(addresses[j + 1], PRIOR, (Real v) -> {
      Real[] next = w.clone(); // continuations may be re-run: never update in place
      next[j] = v;
      return weights(b, j + 1, next);
    });
  }

  private static double[] theta(Real b, Real[] w) {
    double[] t = new double[w.length + 1];
    t[0] = b.value();
    for (int j = 0; j < w.length; j++) {
      t[j + 1] = w[j].value();
    }
    return t;
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
