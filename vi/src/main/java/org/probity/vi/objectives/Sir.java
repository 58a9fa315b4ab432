package org.probity.vi.objectives;

import java.util.Map;
import java.util.function.BiFunction;
import org.probity.core.Address;
import org.probity.core.Prob;
import org.probity.vi.param.Params;

/**
 * Sampling importance resampling with K particles as the density estimator of a
 * {@link Marginal} (genjax.vi's {@code sir(K)}): the auxiliary choices u given the kept choices x
 * are proposed K times from the family's own prior (by default) or from a {@code proposal}
 * r(u | x), each weighted q(x, u) / r(u | x). Their mean is an unbiased estimate of q(x); with the
 * true u as one of the K particles, the reciprocal of the mean is an unbiased estimate of 1 / q(x)
 * (the conditional SIR of Sobolev and Vetrov, "Importance weighted hierarchical variational
 * inference", NeurIPS 2019).
 *
 * @param particles K, at least 1
 * @param proposal r(u | x) as a program over the auxiliary addresses given x, or null for the prior
 */
public record Sir(int particles, BiFunction<Params, Map<Address, Object>, Prob<?>> proposal) {
  /** Validates K. */
  public Sir {
    if (particles < 1) {
      throw new IllegalArgumentException("Sir: needs at least 1 particle, got " + particles);
    }
  }

  /** SIR with K particles proposed from the family's prior. */
  public static Sir of(int particles) {
    return new Sir(particles, null);
  }

  /** SIR with K particles proposed from {@code proposal}. */
  public static Sir of(int particles, BiFunction<Params, Map<Address, Object>, Prob<?>> proposal) {
    return new Sir(particles, proposal);
  }
}
