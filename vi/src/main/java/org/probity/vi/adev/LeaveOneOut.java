package org.probity.vi.adev;

import static org.probity.Probity.fold;
import static org.probity.Probity.sample;

import org.probity.ad.Real;
import org.probity.ad.Reals;
import org.probity.core.PList;
import org.probity.core.Prob;
import org.probity.dist.Distribution;

/**
 * REINFORCE with leave-one-out baselines over m draws (Kool, van Hoof and Welling, "Buy 4
 * REINFORCE samples, get a baseline for free!", 2019; ADEV's {@code leave_one_out}): x_1..x_m
 * ~ p_theta independently, the value the mean of k(x_i), the gradient the mean of
 * grad k(x_i) + (k(x_i) - b_i) grad log p_theta(x_i), with b_i the mean of the other k(x_j),
 * independent of x_i. Costs m runs of the rest.
 */
public final class LeaveOneOut implements Estimator {
  private final int m;

  /** Leave-one-out REINFORCE over {@code m >= 2} draws. */
  public LeaveOneOut(int m) {
    if (m < 2) {
      throw new IllegalArgumentException("LeaveOneOut: needs m >= 2 draws, got " + m);
    }
    this.m = m;
  }

  /** A draw with the continuation's estimate and the draw's log density. */
  private record Draw(Real value, Real logDensity) {
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Prob<Real> estimate(Site site, Continuation k) {
    Distribution d = site.dist();
    Prob<PList<Draw>> draws = fold(0, m, (PList<Draw>) null,
        (PList<Draw> acc, Integer i) -> sample(d, x -> k.apply(x).map(v -> PList.cons(new Draw(v, site.logProb(x)), acc))));
    return draws.map(list -> {
      Draw[] ds = PList.toListReversed(list).toArray(new Draw[0]);
      double total = 0;
      for (Draw dr : ds) {
        total += dr.value().value();
      }
      Real[] terms = new Real[m];
      for (int i = 0; i < m; i++) {
        double b = (total - ds[i].value().value()) / (m - 1);
        terms[i] = Surrogate.score(ds[i].value(), ds[i].logDensity(), b);
      }
      return Reals.sum(terms).div(m);
    });
  }

  @Override
  public String toString() {
    return "LOO(" + m + ")";
  }
}
