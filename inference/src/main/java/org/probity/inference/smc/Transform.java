package org.probity.inference.smc;

import java.util.function.Consumer;
import org.probity.core.FlatMap;
import org.probity.core.Prob;
import org.probity.core.Pure;

/**
 * A population transformation, a function from populations to programs of populations: what
 * {@link Smc#sis} applies after every suspension. Resampling, adaptive resampling, rejuvenation
 * by MCMC moves and user code (monitoring, custom schemes) are all transformations, and they
 * compose with {@link #andThen}.
 *
 * @param <A> the programs' result type
 */
@FunctionalInterface
public interface Transform<A> {
  /** Transforms a population. */
  Prob<Population<A>> apply(Population<A> population);

  /** This transformation followed by {@code next}. */
  default Transform<A> andThen(Transform<A> next) {
    return p -> new FlatMap<Population<A>, Population<A>>(apply(p), next::apply);
  }

  /** Does nothing: with it, {@code sis} is sequential importance sampling. */
  static <A> Transform<A> identity() {
    return Pure::new;
  }

  /** Resampling with the given scheme at every step. */
  static <A> Transform<A> resample(Resampler resampler) {
    return p -> p.resample(resampler);
  }

  /** Resamples only when the effective sample size falls below {@code threshold} times n. */
  static <A> Transform<A> adaptive(Resampler resampler, double threshold) {
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("adaptive resampling: ESS threshold must be in [0, 1], got " + threshold);
    }
    return p -> p.ess() < threshold * p.size() ? p.resample(resampler) : new Pure<>(p);
  }

  /** Normalises the weights (moves their mean into the running evidence); no randomness. */
  static <A> Transform<A> pushEvidence() {
    return p -> new Pure<>(p.pushEvidence());
  }

  /**
   * Shows each population to {@code observer} (e.g. to record the running evidence estimate or the
   * ESS per step) and passes it on unchanged. The observer runs when the step is interpreted:
   * once per step under the Sampler, once per branch under the Enumerator.
   */
  static <A> Transform<A> peek(Consumer<? super Population<A>> observer) {
    return p -> {
      observer.accept(p);
      return new Pure<>(p);
    };
  }
}
