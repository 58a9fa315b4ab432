package org.probity.vi.adev;

import static org.probity.Probity.sample;

import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.dist.Distribution;

/**
 * REPARAM, the pathwise estimator (Kingma and Welling, "Auto-encoding variational Bayes", 2014):
 * x = T(eps, theta) drawn by the distribution's {@code rsample}, whose value carries dx/dtheta, and
 * k(x) differentiated through it. Implicit reparameterisation (Figurnov, Mohamed and Mnih, 2018)
 * covers Gamma, Beta and Dirichlet through the same {@code rsample}. Low variance; needs a
 * continuous distribution with a reparameterised draw and a k differentiable in x.
 */
public final class Reparam implements Estimator {
  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Prob<Real> estimate(Site site, Continuation k) {
    Distribution d = site.dist();
    if (!d.hasRsample()) {
      throw site.unsupported("REPARAM", "the distribution has no reparameterised draw (rsample); use REINFORCE or MVD");
    }
    return sample(new Rsampled<>(d), x -> k.apply(x));
  }

  @Override
  public String toString() {
    return "REPARAM";
  }
}
