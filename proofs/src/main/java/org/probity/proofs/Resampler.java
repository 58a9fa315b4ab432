package org.probity.proofs;

import java.util.List;
import org.probity.core.Prob;
import org.probity.core.Weighted;

/**
 * A resampling scheme written as a program from a weighted population to a new weighted
 * population. The extension point for "each resampler preserves the population's unnormalised
 * measure in expectation" (Douc, Cappé and Moulines, "Comparison of resampling schemes for
 * particle filtering", ISPA 2005): give each SMC resampler as a {@code Resampler} and check it
 * with {@link ParticleProperties#preservesMeasureInExpectation}.
 */
@FunctionalInterface
public interface Resampler {
  /** The random new population (log weights) given the current one. */
  <A> Prob<List<Weighted<A>>> resample(List<Weighted<A>> population);
}
