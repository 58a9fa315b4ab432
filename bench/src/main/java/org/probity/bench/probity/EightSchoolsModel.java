package org.probity.bench.probity;

import static org.probity.Probity.addr;
import static org.probity.Probity.halfCauchy;
import static org.probity.Probity.normal;
import static org.probity.Probity.observe;
import static org.probity.Probity.pure;
import static org.probity.Probity.sample;

import java.util.HashMap;
import java.util.Map;
import org.probity.ad.Real;
import org.probity.bench.data.EightSchoolsData;
import org.probity.core.Address;
import org.probity.core.Prob;
import org.probity.dist.HalfCauchy;
import org.probity.dist.Normal;

/**
 * Non-centred eight schools as a Probity program: {@code mu ~ Normal(0, 5)}, {@code tau ~
 * HalfCauchy(5)}, {@code theta_tilde[j] ~ Normal(0, 1)}, {@code y[j] ~ Normal(mu + tau *
 * theta_tilde[j], sigma[j])}. Returns (mu, tau, theta_tilde...) as a double array.
 */
public final class EightSchoolsModel {
  private static final Normal MU_PRIOR = normal(0, 5);
  private static final HalfCauchy TAU_PRIOR = halfCauchy(5);
  private static final Normal STD = normal(0, 1);
  private static final Address MU = addr("mu");
  private static final Address TAU = addr("tau");
  private final EightSchoolsData data;
  private final Address[] thetaTilde; // the sites' addresses, built once rather than at every run

  /** The model of these data. */
  public EightSchoolsModel(EightSchoolsData data) {
    this.data = data;
    this.thetaTilde = new Address[data.j()];
    for (int j = 0; j < data.j(); j++) {
      thetaTilde[j] = addr("theta_tilde", j);
    }
  }

  /** The program. */
  public Prob<double[]> program() {
    return sample(MU, MU_PRIOR, (Real mu) -> sample(TAU, TAU_PRIOR,
        (Real tau) -> schools(0, mu.value(), tau.value(), new double[2 + data.j()])));
  }

  private Prob<double[]> schools(int j, double mu, double tau, double[] out) {
    if (j == data.j()) {
      double[] r = out.clone();
      r[0] = mu;
      r[1] = tau;
      return pure(r);
    }
    return sample(thetaTilde[j], STD, (Real tt) -> {
      double[] next = out.clone();
      next[2 + j] = tt.value();
      return observe(normal(mu + tau * tt.value(), data.sigma()[j]), data.y()[j],
          () -> schools(j + 1, mu, tau, next));
    });
  }

  /** Initial values: mu, tau and theta_tilde. */
  public static Map<Address, Real> init(double mu, double tau, double[] thetaTilde) {
    Map<Address, Real> m = new HashMap<>();
    m.put(addr("mu"), Real.of(mu));
    m.put(addr("tau"), Real.of(tau));
    for (int j = 0; j < thetaTilde.length; j++) {
      m.put(addr("theta_tilde", j), Real.of(thetaTilde[j]));
    }
    return m;
  }
}
