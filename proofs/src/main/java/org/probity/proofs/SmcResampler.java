package org.probity.proofs;

import java.util.ArrayList;
import java.util.List;
import org.probity.core.Prob;
import org.probity.core.Pure;
import org.probity.core.Sample;
import org.probity.core.Weighted;

/**
 * Adapter from a resampling scheme of {@code org.probity.inference.smc} (a distribution over
 * sorted ancestor arrays) to a {@link Resampler}: draw n ancestors from the normalised weights
 * (one {@code sample} of the ancestor distribution, enumerated exactly) and give each copy the
 * mean weight W / n, so that the new population estimates the same unnormalised measure
 * (Douc, Cappé and Moulines, ISPA 2005). A population whose weights are all zero is kept as it is.
 *
 * @param scheme the resampling scheme under test
 */
public record SmcResampler(org.probity.inference.smc.Resampler scheme) implements Resampler {
  @Override
  public <A> Prob<List<Weighted<A>>> resample(List<Weighted<A>> population) {
    int n = population.size();
    double m = Double.NEGATIVE_INFINITY;
    for (Weighted<A> w : population) {
      m = Math.max(m, w.logWeight());
    }
    if (m == Double.NEGATIVE_INFINITY) {
      return new Pure<>(List.copyOf(population));
    }
    double[] w = new double[n];
    double s = 0;
    for (int i = 0; i < n; i++) {
      w[i] = Math.exp(population.get(i).logWeight() - m);
      s += w[i];
    }
    double logMean = m + Math.log(s / n);
    return new Sample<int[], List<Weighted<A>>>(null, scheme.ancestors(w, n), a -> {
      List<Weighted<A>> out = new ArrayList<>(a.length);
      for (int j : a) {
        out.add(new Weighted<>(population.get(j).value(), logMean));
      }
      return new Pure<>(List.copyOf(out));
    });
  }
}
