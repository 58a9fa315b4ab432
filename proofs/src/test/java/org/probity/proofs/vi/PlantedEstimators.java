package org.probity.proofs.vi;

import static org.probity.Probity.fold;
import static org.probity.Probity.pure;
import static org.probity.Probity.sample;

import java.util.List;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.dist.Distribution;
import org.probity.vi.adev.Continuation;
import org.probity.vi.adev.Estimator;
import org.probity.vi.adev.Site;
import org.probity.vi.adev.Surrogate;

/**
 * Estimators with planted bugs, each a plausible mistake: the exactness property must catch
 * every one (EstimatorExactnessTest).
 */
final class PlantedEstimators {
  private PlantedEstimators() {
  }

  /** REINFORCE without the score term: x ~ p, then k(x) (drops the dependence of p on theta). */
  static final class ScorelessReinforce implements Estimator {
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Prob<Real> estimate(Site site, Continuation k) {
      return sample((Distribution) site.dist(), x -> k.apply(x));
    }
  }

  /** REINFORCE with a baseline that depends on the draw: b(x) = 1 for the first support point, else 0. */
  static final class SampleDependentBaseline implements Estimator {
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Prob<Real> estimate(Site site, Continuation k) {
      Object first = site.dist().enumerateSupport().get(0);
      return sample((Distribution) site.dist(), x -> k.apply(x).map(v ->
          Surrogate.score(v, site.logProb(x), x.equals(first) ? 1.0 : 0.0)));
    }
  }

  /** ENUM that forgets the last support point. */
  static final class EnumDroppingAPoint implements Estimator {
    @Override
    public Prob<Real> estimate(Site site, Continuation k) {
      List<?> support = site.dist().enumerateSupport();
      return fold(0, support.size() - 1, Real.ZERO, (Real acc, Integer i) ->
          k.apply(support.get(i)).map(v -> acc.plus(site.logProb(support.get(i)).exp().times(v))));
    }
  }

  /** Finite MVD with a planted mistake in the phantom term: the wrong sign, or the wrong weight. */
  static final class FiniteMvd implements Estimator {
    private final boolean wrongSign;

    FiniteMvd(boolean wrongSign) {
      this.wrongSign = wrongSign;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Prob<Real> estimate(Site site, Continuation k) {
      List<Object> support = (List<Object>) site.dist().enumerateSupport();
      int n = support.size();
      return sample((Distribution) site.dist(), x -> k.apply(x).flatMap(v -> fold(0, n, new double[n], (double[] acc, Integer j) ->
          support.get(j).equals(x) ? pure(acc) : k.apply(support.get(j)).map(vj -> {
            double[] next = acc.clone();
            next[j] = wrongSign ? v.value() - vj.value() : vj.value() - v.value();
            return next;
          })).map(deltas -> {
            Real[] w = new Real[n];
            for (int j = 0; j < n; j++) {
              // the right weight is pi_j = exp(log p(j)); the wrong one is log p(j)
              w[j] = wrongSign ? site.logProb(support.get(j)).exp() : site.logProb(support.get(j));
            }
            return Surrogate.addGradient(v, w, deltas);
          })));
    }
  }
}
