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

  /**
   * Resampling with the given scheme after every observation but the last: once every live
   * particle's program has returned, the population is left as it is, since resampling the final
   * weights only adds variance (the evidence estimate and the weighted particles estimate the same
   * things; {@link SmcResult#resample} draws an unweighted sample when one is wanted). The other
   * transformations composed with it (rejuvenation, {@link #peek}) still run after the last
   * observation.
   */
  static <A> Transform<A> resample(Resampler resampler) {
    return p -> p.returned() ? new Pure<>(p) : p.resample(resampler);
  }

  /**
   * Resamples only when the effective sample size falls below {@code threshold} times n (and, as
   * {@link #resample}, not after the last observation).
   */
  static <A> Transform<A> adaptive(Resampler resampler, double threshold) {
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("adaptive resampling: ESS threshold must be in [0, 1], got " + threshold);
    }
    return p -> !p.returned() && p.ess() < threshold * p.size() ? p.resample(resampler) : new Pure<>(p);
  }

  /** Normalises the weights (moves their mean into the running evidence); no randomness. */
  static <A> Transform<A> pushEvidence() {
    return p -> new Pure<>(p.pushEvidence());
  }

  /**
   * Shows each population to {@code observer} (e.g. to record the running evidence estimate or the
   * ESS per step) and passes it on unchanged. The observer runs when the step is interpreted:
   * once per step under the Sampler, once per branch under the Enumerator. It sees the population
   * after every observation, the last included: there the particles have weighed the last
   * observation and, if their programs end with it, returned (their values are known, and a
   * state-space model's filtering expectation is that of the last state).
   */
  static <A> Transform<A> peek(Consumer<? super Population<A>> observer) {
    return p -> {
      observer.accept(p);
      return new Pure<>(p);
    };
  }
}
