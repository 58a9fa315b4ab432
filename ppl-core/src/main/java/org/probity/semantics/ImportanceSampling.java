package org.probity.semantics;

import java.util.Map;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.core.Address;
import org.probity.core.Prob;
import org.probity.core.ProbityException;
import org.probity.core.ZeroWeightException;
import org.probity.core.Weighted;
import org.probity.progress.Progress;
import org.probity.random.Rngs;

/**
 * Importance sampling: likelihood weighting (the prior as proposal), or a user proposal program
 * whose choices at named addresses are replayed into the model (weight log p(x, y) - log q(x)).
 * Sample {@code i} uses the generator split from (seed, i), so results do not depend on threads.
 */
public final class ImportanceSampling {
  private ImportanceSampling() {
  }

  /**
   * Likelihood weighting with {@code n} samples, with a progress line on stderr if the run takes
   * more than a second. The result's {@code toString} warns when the ESS is below 10% of n.
   *
   * @param model the model
   * @param n the number of samples, at least 1
   * @param seed the seed
   * @param <A> the result type
   * @return the weighted sample
   */
  public static <A> WeightedSample<A> run(Prob<A> model, int n, long seed) {
    return run(model, n, seed, true);
  }

  /**
   * As {@link #run(Prob, int, long)}, with or without the progress line.
   *
   * @param model the model
   * @param n the number of samples, at least 1
   * @param seed the seed
   * @param progress false for no progress line
   * @param <A> the result type
   * @return the weighted sample
   */
  public static <A> WeightedSample<A> run(Prob<A> model, int n, long seed, boolean progress) {
    checkN(n);
    @SuppressWarnings("unchecked")
    Weighted<A>[] out = new Weighted[n];
    String[] zero = new String[n];
    try (Progress line = Progress.forRun("importance sampling", n, "samples", progress)) {
      IntStream.range(0, n).parallel().forEach(i -> {
        Sampler.Run<A> r = Sampler.detailed(model, Rngs.split(seed, i));
        out[i] = new Weighted<>(r.value(), r.logWeight());
        zero[i] = r.zeroSite();
        line.step();
      });
    }
    requireSomeWeight(out, zero);
    return WeightedSample.of(out);
  }

  /** When every sample has zero weight, the error names where the first one became zero. */
  private static void requireSomeWeight(Weighted<?>[] out, String[] zero) {
    for (Weighted<?> w : out) {
      if (w.logWeight() > Double.NEGATIVE_INFINITY) {
        return;
      }
    }
    throw new ZeroWeightException("all " + out.length + " samples have zero weight (impossible observations or"
        + " conditions); the first became zero at " + zero[0]);
  }

  /**
   * Importance sampling with a proposal program: each proposal run's choices (by address) are
   * imposed on the model; model choices the proposal does not make are drawn from their prior.
   * A progress line appears on stderr if the run takes more than a second.
   *
   * @param model the model
   * @param proposal the proposal, a program without observations
   * @param n the number of samples, at least 1
   * @param seed the seed
   * @param <A> the result type
   * @return the weighted sample
   */
  public static <A> WeightedSample<A> withProposal(Prob<A> model, Prob<?> proposal, int n, long seed) {
    checkN(n);
    @SuppressWarnings("unchecked")
    Weighted<A>[] out = new Weighted[n];
    try (Progress line = Progress.forRun("importance sampling", n, "samples", true)) {
      IntStream.range(0, n).parallel().forEach(i -> {
        out[i] = proposed(model, proposal, seed, i);
        line.step();
      });
    }
    return WeightedSample.of(out);
  }

  private static <A> Weighted<A> proposed(Prob<A> model, Prob<?> proposal, long seed, int i) {
    UniformRandomProvider rng = Rngs.split(seed, i);
    Sampler.Recorded<?> q = Sampler.record(proposal, rng);
    if (q.logWeight() != 0.0) {
      throw new ProbityException("importance sampling: the proposal must not observe or factor (its run had log weight "
          + q.logWeight() + "); a proposal is a distribution over the model's choices, weight log p(x, y) - log q(x)");
    }
    Map<Address, Object> xs = q.choices();
    Sampler.Recorded<A> p = Sampler.generate(model, xs, rng);
    return new Weighted<>(p.value(), p.logWeight() - q.logProposal());
  }

  private static void checkN(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("importance sampling: number of samples must be at least 1, got " + n);
    }
  }
}
