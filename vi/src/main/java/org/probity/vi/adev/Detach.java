package org.probity.vi.adev;

import static org.probity.Probity.sample;

import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.dist.Distribution;

/**
 * Stop-gradient sampling: x ~ p_theta as a constant, k(x) differentiated with x held fixed, with
 * no term for the dependence of p_theta on theta. <b>Biased</b> for the gradient of
 * E[k] by design: it is what reweighted wake-sleep and objectives that add their own score terms
 * (VIMCO) need, never a default.
 */
public final class Detach implements Estimator {
  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Prob<Real> estimate(Site site, Continuation k) {
    return sample((Distribution) site.dist(), x -> k.apply(x));
  }

  @Override
  public String toString() {
    return "DETACH";
  }
}
