package org.probity.vi.adev;

import static org.probity.Probity.fold;

import java.util.List;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.dist.Distribution;

/**
 * ENUM: the continuation summed exactly over the finite support, sum_x p_theta(x) k(x), each
 * k(x) run once (genjax's {@code flip_enum}, ADEV's {@code flip_enum}). No variance from this
 * choice; costs one run of the rest per support point.
 */
public final class Enumerate implements Estimator {
  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Prob<Real> estimate(Site site, Continuation k) {
    Distribution d = site.dist();
    if (!d.hasFiniteSupport()) {
      throw site.unsupported("ENUM", "its support is not finite; use REINFORCE, MVD or REPARAM");
    }
    List<Object> support = d.enumerateSupport();
    return fold(0, support.size(), Real.ZERO, (Real acc, Integer i) -> {
      Object x = support.get(i);
      Real lp = site.logProb(x);
      if (lp.value() == Double.NEGATIVE_INFINITY) {
        return org.probity.Probity.pure(acc);
      }
      return k.apply(x).map(v -> acc.plus(lp.exp().times(v)));
    });
  }

  @Override
  public String toString() {
    return "ENUM";
  }
}
