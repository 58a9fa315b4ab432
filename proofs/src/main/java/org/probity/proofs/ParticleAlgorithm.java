package org.probity.proofs;

import org.probity.core.Prob;

/**
 * A particle algorithm written as a program: running it on a model is a random
 * {@link Population}, so the {@code Enumerator} computes the algorithm's exact output
 * distribution on finite models. This is the extension point for "every SMC variant is unbiased
 * and properly weighted": give each SMC variant as a {@code ParticleAlgorithm} and check it with
 * {@link ParticleProperties#unbiasedAndProperlyWeighted}.
 */
@FunctionalInterface
public interface ParticleAlgorithm {
  /** The algorithm run on {@code model}, as a program whose result is the population. */
  <A> Prob<Population<A>> asProb(Prob<A> model);
}
