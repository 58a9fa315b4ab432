package org.probity.vi.optim;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Tape;
import org.probity.progress.Progress;
import org.probity.random.Rngs;
import org.probity.vi.adev.Expectation;
import org.probity.vi.adev.ValueAndGradient;
import org.probity.vi.param.Gradient;
import org.probity.vi.param.ParamStore;

/**
 * Stochastic optimisation of an objective (maximised): at each step an unbiased estimate of the
 * gradient (the mean of {@code samples} estimates) moves the parameters through the optimiser;
 * the estimates of the objective form the returned trace. A progress line on standard error (for
 * runs longer than a second), a
 * convergence rule ({@link Convergence}), and a clear error at the first non-finite objective or
 * gradient. Reproducible: step t draws from a generator derived from (seed, t).
 */
public final class Optimize {
  private Optimize() {
  }

  /**
   * What to run.
   *
   * @param optimizer the optimiser (stateful: a fresh one per run)
   * @param steps the step budget
   * @param samples gradient estimates averaged per step
   * @param convergence when to stop early
   * @param progress whether to show a progress line
   * @param seed the seed of the estimators' randomness
   */
  public record Config(Optimizer optimizer, int steps, int samples, Convergence convergence, boolean progress, long seed) {
    /** Validates the budget. */
    public Config {
      if (steps < 0 || samples < 1) {
        throw new IllegalArgumentException("Optimize.Config: needs steps >= 0 and samples >= 1, got " + steps + ", " + samples);
      }
    }

    /** Adam(0.01), the given steps, one sample per step, no early stop, progress shown, seed 0. */
    public static Config of(int steps) {
      return new Config(Adam.of(0.01), steps, 1, Convergence.never(), true, 0);
    }

    /** With another optimiser. */
    public Config optimizer(Optimizer o) {
      return new Config(o, steps, samples, convergence, progress, seed);
    }

    /** With {@code k} gradient estimates averaged per step. */
    public Config samples(int k) {
      return new Config(optimizer, steps, k, convergence, progress, seed);
    }

    /** With a convergence rule. */
    public Config convergence(Convergence c) {
      return new Config(optimizer, steps, samples, c, progress, seed);
    }

    /** With or without the progress line. */
    public Config progress(boolean show) {
      return new Config(optimizer, steps, samples, convergence, show, seed);
    }

    /** With another seed. */
    public Config seed(long s) {
      return new Config(optimizer, steps, samples, convergence, progress, s);
    }
  }

  /**
   * The result: the objective estimate at every step taken (the trace), whether the convergence
   * rule stopped the run, and the mean of the last window of estimates.
   *
   * @param objective the estimates, one per step
   * @param converged whether the run stopped early by the rule
   * @param finalObjective the mean of the last min(100, steps) estimates
   */
  public record Result(double[] objective, boolean converged, double finalObjective) {
    /** The number of steps taken. */
    public int steps() {
      return objective.length;
    }

    /** The mean of the estimates of steps [from, to). */
    public double mean(int from, int to) {
      double s = 0;
      for (int i = from; i < to; i++) {
        s += objective[i];
      }
      return s / (to - from);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%d steps%s, final objective %.6g", objective.length, converged ? " (converged)" : "",
          finalObjective);
    }
  }

  /** Maximises {@code objective} for {@code steps} steps with Adam(0.01), no progress line. */
  public static Result maximize(Expectation objective, ParamStore store, int steps) {
    return maximize(objective, store, Config.of(steps).progress(false));
  }

  /** Maximises {@code objective} over the store's parameters as {@code config} says. */
  public static Result maximize(Expectation objective, ParamStore store, Config config) {
    double[] trace = new double[config.steps()];
    Convergence rule = config.convergence();
    double previous = Double.NaN;
    int calm = 0;
    boolean converged = false;
    int t = 0;
    Tape tape = new Tape();
    try (Progress progress = Progress.forRun("vi: " + config.optimizer(), config.steps(), "steps", config.progress())) {
      for (; t < config.steps(); t++) {
        UniformRandomProvider rng = Rngs.split(config.seed(), t);
        ValueAndGradient vg = estimate(objective, store, rng, tape, config.samples());
        check(vg, t);
        trace[t] = vg.value();
        config.optimizer().step(store, vg.gradient());
        progress.step();
        if (rule.active() && (t + 1) % rule.window() == 0) {
          double m = mean(trace, t + 1 - rule.window(), t + 1);
          if (!Double.isNaN(previous) && Math.abs(m - previous) / Math.max(Math.abs(m), 1) < rule.tolerance()) {
            calm++;
          } else {
            calm = 0;
          }
          previous = m;
          if (calm >= rule.patience()) {
            converged = true;
            t++;
            break;
          }
        }
      }
    }
    double[] done = Arrays.copyOf(trace, t);
    double fin = t == 0 ? Double.NaN : mean(done, Math.max(0, t - 100), t);
    return new Result(done, converged, fin);
  }

  private static ValueAndGradient estimate(Expectation objective, ParamStore store, UniformRandomProvider rng, Tape tape,
      int samples) {
    ValueAndGradient first = objective.valueAndGradEstimate(store, rng, tape);
    if (samples == 1) {
      return first;
    }
    double value = first.value();
    Map<String, double[]> sum = new java.util.LinkedHashMap<>();
    first.gradient().entries().forEach((k, v) -> sum.put(k, v.clone()));
    for (int s = 1; s < samples; s++) {
      ValueAndGradient vg = objective.valueAndGradEstimate(store, rng, tape);
      value += vg.value();
      vg.gradient().entries().forEach((k, v) -> {
        double[] acc = sum.computeIfAbsent(k, kk -> new double[v.length]);
        for (int i = 0; i < v.length; i++) {
          acc[i] += v[i];
        }
      });
    }
    for (double[] acc : sum.values()) {
      for (int i = 0; i < acc.length; i++) {
        acc[i] /= samples;
      }
    }
    return new ValueAndGradient(value / samples, new Gradient(sum));
  }

  private static void check(ValueAndGradient vg, int t) {
    if (!Double.isFinite(vg.value())) {
      throw new OptimizationException("the objective estimate at step " + t + " is " + vg.value()
          + " (a zero density under the guide's draw, or an overflow); check the model's support and the guide's initial values");
    }
    double sum = 0; // one pass: a non-finite entry makes the sum non-finite
    for (double[] g : vg.gradient().entries().values()) {
      for (double x : g) {
        sum += x * 0.0;
      }
    }
    if (sum == 0.0) {
      return;
    }
    for (Map.Entry<String, double[]> e : vg.gradient().entries().entrySet()) {
      for (int i = 0; i < e.getValue().length; i++) {
        if (!Double.isFinite(e.getValue()[i])) {
          throw new OptimizationException("the gradient estimate for parameter " + e.getKey() + "[" + i + "] at step " + t
              + " is " + e.getValue()[i]);
        }
      }
    }
  }

  private static double mean(double[] xs, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += xs[i];
    }
    return s / (to - from);
  }
}
