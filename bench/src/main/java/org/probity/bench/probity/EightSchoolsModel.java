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
import org.probity.core.Unit;
import org.probity.dist.HalfCauchy;
import org.probity.dist.Normal;

/**
 * Non-centred eight schools as a Probity program: {@code mu ~ Normal(0, 5)},
 * {@code tau ~ HalfCauchy(5)}, {@code theta_tilde[j] ~ Normal(0, 1)},
 * {@code y[j] ~ Normal(mu + tau * theta_tilde[j], sigma[j])}. The parameters stay {@code Real}
 * through the likelihood, as a user writes a model for NUTS: NUTS gets their gradient, and the
 * random walk scores its proposals on the recorded log joint (the run of a model that reads a
 * parameter's value cannot be recorded). The draws are read from the choices.
 */
public final class EightSchoolsModel {
  private static final Normal MU_PRIOR = normal(0, 5);
  private static final HalfCauchy TAU_PRIOR = halfCauchy(5);
  private static final Normal STD = normal(0, 1);
  private final EightSchoolsData data;
  private final Address[] addresses;

  /** The model of these data. */
  public EightSchoolsModel(EightSchoolsData data) {
    this.data = data;
    this.addresses = new Address[data.j()];
    for (int j = 0; j < data.j(); j++) {
      addresses[j] = addr("theta_tilde", j);
    }
  }

  /** The number of schools. */
  public int schools() {
    return data.j();
  }

  /** The program; it returns nothing (the draws are read from the choices). */
  public Prob<Unit> program() {
    return sample(addr("mu"), MU_PRIOR, (Real mu) -> sample(addr("tau"), TAU_PRIOR,
        (Real tau) -> schools(0, mu, tau)));
  }

  private Prob<Unit> schools(int j, Real mu, Real tau) {
    if (j == data.j()) {
      return pure(Unit.UNIT);
    }
    return sample(addresses[j], STD, (Real tt) -> observe(normal(mu.plus(tau.times(tt)), data.sigma()[j]),
        data.y()[j], () -> schools(j + 1, mu, tau)));
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
