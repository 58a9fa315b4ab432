package org.probity.inference.tempered;

import org.probity.core.Prob;

/**
 * One stage of tempered SMC as a program: from a population at inverse temperature beta to one at
 * {@code nextBeta}. The standard stage ({@link TemperedSmc#step}) reweights, resamples and moves;
 * others (more moves, monitoring) compose the public pieces of {@link TemperedSmc} the same way.
 *
 * @param <A> the model's result type
 */
@FunctionalInterface
public interface TemperingStep<A> {
  /** The population moved on to {@code nextBeta}, as a program whose randomness is sample nodes. */
  Prob<TemperedPopulation<A>> apply(TemperedPopulation<A> population, double nextBeta);
}
