package org.probity.trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.core.Address;
import org.probity.core.Prob;
import org.probity.random.Rngs;

/**
 * Prior and posterior predictive sampling and the pointwise log likelihood (Gelman et al.,
 * "Bayesian Data Analysis", 3rd ed., section 6.3; NumPyro's {@code Predictive}; ArviZ's
 * {@code prior_predictive}, {@code posterior_predictive} and {@code log_likelihood} groups).
 *
 * <p>A predictive run interprets the model with a handler that turns each observation into a
 * draw from its distribution, recorded at the observation's address: the choices are drawn from
 * their priors ({@link #prior}) or take the values of a posterior draw ({@link #posterior}; the
 * model reaching a choice the draw lacks, or not reaching one it has, is an error naming the
 * address), deterministic sites are recomputed, and the observed data are replaced by replicated
 * data y_rep ~ p(y | theta). The program after an observation does not see the observed value (an
 * observation's continuation takes none), so the rest of the run is unchanged; factors are
 * recorded, not obeyed. A model conditioned with {@code Handlers.condition} feeds the observed
 * value to the rest of the program: give the predictive the unconditioned model instead.
 *
 * <p>{@link #logLikelihood} re-runs each draw once, scoring every observation at its observed
 * value: nothing is recorded while inference runs, so it costs MCMC nothing. Draw i uses the
 * generator split from (seed, i), so the results do not depend on the number of threads.
 */
public final class Predictive {
  private Predictive() {
  }

  /**
   * The prior predictive distribution: {@code n} runs of the model with every choice drawn from its
   * prior and every observation replaced by a draw from its distribution.
   *
   * @param model the model
   * @param n the number of draws, at least 1
   * @param seed the seed
   * @param <A> the model's result type
   * @return the draws
   */
  public static <A> Predictions<A> prior(Prob<A> model, int n, long seed) {
    if (n < 1) {
      throw new IllegalArgumentException("prior predictive: the number of draws must be at least 1, got " + n);
    }
    return simulate(model, n, i -> null, seed);
  }

  /**
   * The posterior predictive distribution: for each posterior draw (a trace of the model, e.g. from
   * MCMC or resampled SMC particles), the model re-run at the draw's values with every observation
   * replaced by a draw from its distribution.
   *
   * @param model the model the draws are of
   * @param draws the posterior draws
   * @param seed the seed
   * @param <A> the model's result type
   * @return one predictive draw per posterior draw
   */
  public static <A> Predictions<A> posterior(Prob<A> model, List<? extends Trace<?>> draws, long seed) {
    List<Map<Address, Object>> values = new ArrayList<>(draws.size());
    for (Trace<?> t : draws) {
      values.add(t.values());
    }
    return posteriorFromValues(model, values, seed);
  }

  /**
   * As {@link #posterior(Prob, List, long)} with each draw given as the values of its choices by
   * address (values given for deterministic sites are ignored: they are recomputed).
   *
   * @param model the model the draws are of
   * @param draws the posterior draws, the values of each draw's choices by address
   * @param seed the seed
   * @param <A> the model's result type
   * @return one predictive draw per posterior draw
   */
  public static <A> Predictions<A> posteriorFromValues(Prob<A> model, List<? extends Map<Address, ?>> draws, long seed) {
    if (draws.isEmpty()) {
      throw new IllegalArgumentException("posterior predictive: no posterior draws given");
    }
    List<Map<Address, ?>> copy = List.copyOf(draws);
    return simulate(model, copy.size(), copy::get, seed);
  }

  /**
   * The pointwise log likelihood log p(y_i | theta_s) of every observation under every draw.
   *
   * @param model the model the draws are of
   * @param draws the posterior draws
   * @return the log likelihoods, {@code [draw][site]}
   */
  public static PointwiseLogLikelihood logLikelihood(Prob<?> model, List<? extends Trace<?>> draws) {
    List<Map<Address, Object>> values = new ArrayList<>(draws.size());
    for (Trace<?> t : draws) {
      values.add(t.values());
    }
    return logLikelihoodFromValues(model, values);
  }

  /**
   * As {@link #logLikelihood(Prob, List)} with each draw given as the values of its choices by address.
   *
   * @param model the model the draws are of
   * @param draws the posterior draws, the values of each draw's choices by address
   * @return the log likelihoods, {@code [draw][site]}
   * @throws org.probity.core.ProbityException if two draws reach different observation sites
   */
  public static PointwiseLogLikelihood logLikelihoodFromValues(Prob<?> model, List<? extends Map<Address, ?>> draws) {
    if (draws.isEmpty()) {
      throw new IllegalArgumentException("pointwise log likelihood: no draws given");
    }
    List<Map<Address, ?>> copy = List.copyOf(draws);
    int n = copy.size();
    @SuppressWarnings("unchecked")
    List<Address>[] sites = new List[n];
    double[][] values = new double[n][];
    IntStream.range(0, n).parallel().forEach(i -> {
      PredictiveRun r = new PredictiveRun(null, copy.get(i), false);
      r.run(model);
      List<Address> as = new ArrayList<>();
      List<Double> ls = new ArrayList<>();
      for (PredictiveRun.Site s : r.sites()) {
        PredictiveRun.pointwise(s, as, ls);
      }
      sites[i] = as;
      values[i] = ls.stream().mapToDouble(Double::doubleValue).toArray();
    });
    for (int i = 1; i < n; i++) {
      if (!sites[i].equals(sites[0])) {
        throw new org.probity.core.ProbityException("pointwise log likelihood: draw " + i + " reached the observation sites "
            + sites[i] + ", draw 0 reached " + sites[0] + " (the observations must be the same in every run)");
      }
    }
    return new PointwiseLogLikelihood(sites[0], values);
  }

  /**
   * The pointwise log likelihood of one trace: each observation site's log density at its observed
   * value, re-running the trace's program at its values.
   *
   * @param trace a trace
   * @return the log likelihood of each site, by address in run order
   */
  public static Map<Address, Double> logLikelihood(Trace<?> trace) {
    PointwiseLogLikelihood p = logLikelihood(trace.program(), List.of(trace));
    Map<Address, Double> out = new LinkedHashMap<>();
    for (int j = 0; j < p.sites().size(); j++) {
      out.put(p.sites().get(j), p.values()[0][j]);
    }
    return out;
  }

  private static <A> Predictions<A> simulate(Prob<A> model, int n, java.util.function.IntFunction<Map<Address, ?>> fixed,
      long seed) {
    @SuppressWarnings("unchecked")
    Trace<A>[] traces = new Trace[n];
    @SuppressWarnings("unchecked")
    Map<Address, Object>[] observations = new Map[n];
    IntStream.range(0, n).parallel().forEach(i -> {
      UniformRandomProvider rng = Rngs.split(seed, i);
      PredictiveRun r = new PredictiveRun(rng, fixed.apply(i), true);
      traces[i] = r.run(model);
      Map<Address, Object> obs = new LinkedHashMap<>();
      for (PredictiveRun.Site s : r.sites()) {
        obs.put(s.address(), s.simulated());
      }
      observations[i] = java.util.Collections.unmodifiableMap(obs);
    });
    return new Predictions<>(List.of(traces), List.of(observations));
  }
}
