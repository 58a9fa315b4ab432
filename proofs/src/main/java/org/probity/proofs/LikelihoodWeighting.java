package org.probity.proofs;

import java.util.ArrayList;
import java.util.List;
import org.probity.core.Address;
import org.probity.core.Independent;
import org.probity.core.Prob;
import org.probity.core.Pure;
import org.probity.core.Weighted;
import org.probity.semantics.WeightedSample;

/**
 * Likelihood weighting with {@code n} particles written as a program: the independent product
 * of {@code n} copies of {@link WeightAsValue#transform weightAsValue(model)}, whose evidence
 * estimate is computed by the library's own {@link WeightedSample#logEvidence()} (the estimator
 * under test). Particle {@code i}'s named sites are prefixed {@code particle[i]/}.
 *
 * @param n the number of particles
 */
public record LikelihoodWeighting(int n) implements ParticleAlgorithm {
  /** Validates n. */
  public LikelihoodWeighting {
    if (n < 1) {
      throw new IllegalArgumentException("likelihood weighting needs at least one particle, got " + n);
    }
  }

  @Override
  public <A> Prob<Population<A>> asProb(Prob<A> model) {
    List<Prob<Weighted<A>>> parts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      parts.add(WeightAsValue.transform(model, Address.of("particle", i)));
    }
    return new Independent<Weighted<A>, Population<A>>(parts, ws -> new Pure<>(population(ws)));
  }

  /** The population of the weighted runs, with the library's evidence estimate. */
  public static <A> Population<A> population(List<Weighted<A>> runs) {
    boolean any = runs.stream().anyMatch(w -> w.logWeight() > Double.NEGATIVE_INFINITY);
    double logZ = any ? WeightedSample.of(runs).logEvidence() : Double.NEGATIVE_INFINITY;
    return new Population<>(runs, logZ);
  }
}
