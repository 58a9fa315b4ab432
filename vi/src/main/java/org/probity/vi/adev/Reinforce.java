package org.probity.vi.adev;

import static org.probity.Probity.sample;

import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.dist.Distribution;

/**
 * REINFORCE, the score-function estimator (Williams, "Simple statistical gradient-following
 * algorithms for connectionist reinforcement learning", 1992): x ~ p_theta, then
 * k(x) + k(x) grad log p_theta(x). Needs only a differentiable log density; high variance when
 * k varies a lot. ADEV's {@code reinforce}.
 */
public final class Reinforce implements Estimator {
  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Prob<Real> estimate(Site site, Continuation k) {
    return sample((Distribution) site.dist(), x -> k.apply(x).map(v -> Surrogate.score(v, site.logProb(x), 0.0)));
  }

  @Override
  public String toString() {
    return "REINFORCE";
  }
}
