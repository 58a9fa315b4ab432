package org.probity.testkit.laws;

import org.probity.core.Prob;
import org.probity.core.Weighted;

/** One weighted forward run of a program at a seed: {@code Sampler::run} or a variant under test. */
@FunctionalInterface
public interface SamplerUnderTest {
  /** Runs {@code program} with a generator seeded by {@code seed}. */
  <A> Weighted<A> run(Prob<A> program, long seed);
}
