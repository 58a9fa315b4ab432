package org.probity.proofs;

import java.util.List;
import org.probity.Probity;
import org.probity.core.Prob;
import org.probity.core.Weighted;
import org.probity.dist.Categorical;

/**
 * The reference resampler (Gordon, Salmond and Smith 1993): n independent draws of a particle
 * with probability proportional to its weight, each new particle carrying the mean weight, so the
 * total mass is kept. Written as a program so the Enumerator gives its exact output distribution.
 */
public final class MultinomialResampler implements Resampler {
  @Override
  public <A> Prob<List<Weighted<A>>> resample(List<Weighted<A>> population) {
    List<Weighted<A>> pop = List.copyOf(population);
    int n = pop.size();
    double[] lw = pop.stream().mapToDouble(Weighted::logWeight).toArray();
    double m = java.util.Arrays.stream(lw).max().orElse(Double.NEGATIVE_INFINITY);
    if (m == Double.NEGATIVE_INFINITY) {
      return Probity.pure(pop);
    }
    double s = 0;
    for (double l : lw) {
      s += Math.exp(l - m);
    }
    double logMean = m + Math.log(s / n);
    Categorical pick = Categorical.ofLogWeights(lw);
    return Probity.forEach(0, n, i -> Probity.sample(pick).map(j -> new Weighted<>(pop.get(j).value(), logMean)));
  }
}
