package org.probity.proofs.vi;

import static org.probity.Probity.sample;

import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.dist.Distribution;
import org.probity.vi.adev.Continuation;
import org.probity.vi.adev.Estimator;
import org.probity.vi.adev.Site;
import org.probity.vi.adev.Surrogate;

/**
 * A new gradient estimator written outside the vi module, in the thirty lines docs/vi.md
 * promises: REINFORCE whose baseline is the value of the continuation at a second, independent
 * draw y ~ p_theta. Since y is independent of the scored draw x, E[(k(y)) grad log p(x)] = 0 and
 * the estimator is unbiased; it composes with every other estimator through the continuation.
 */
final class IndependentSampleBaseline implements Estimator {
  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Prob<Real> estimate(Site site, Continuation k) {
    Distribution d = site.dist();
    return sample(d, y -> k.apply(y).flatMap(baseline ->
        sample(d, x -> k.apply(x).map(v -> Surrogate.score(v, site.logProb(x), baseline.value())))));
  }

  @Override
  public String toString() {
    return "PHANTOM";
  }
}
