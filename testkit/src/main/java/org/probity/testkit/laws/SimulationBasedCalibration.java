package org.probity.testkit.laws;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.probity.random.Rngs;
import org.probity.run.InProcessRunner;
import org.probity.run.Runner;
import org.probity.semantics.WeightedSample;

/**
 * Simulation-based calibration (Talts, Betancourt, Simpson, Vehtari and Gelman, "Validating
 * Bayesian inference algorithms with simulation-based calibration", 2018): draw theta* from the
 * prior, data from the model given theta*, then L draws from the inference's posterior; if the
 * inference is exact, the rank of theta* among the L draws is uniform on {0, ..., L}, and so is
 * the rank of any test quantity f(theta*, data) among f(draw, data). The ranks of many
 * simulations are tested for uniformity with Pearson's chi-square on L + 1 bins.
 */
public final class SimulationBasedCalibration {
  private SimulationBasedCalibration() {
  }

  /** The generative model: a parameter from the prior, then data given it. */
  public interface Simulator<D> {
    /** theta* from the prior. */
    double prior(UniformRandomProvider rng);

    /** Data simulated from the model at theta. */
    D data(double theta, UniformRandomProvider rng);
  }

  /** The inference under test: {@code count} draws from its posterior given the data. */
  @FunctionalInterface
  public interface Posterior<D> {
    /** Posterior draws of theta. */
    double[] draws(D data, int count, long seed);
  }

  /**
   * A test quantity f(theta, data) whose rank is tested (Talts et al. §4.1; Modrák et al.,
   * "Simulation-based calibration checking for Bayesian computation: the choice of test
   * quantities", Bayesian Analysis 2023). The parameter itself cannot see an inference that
   * returns the prior; a data-dependent quantity such as the log-likelihood can.
   */
  public interface TestQuantity<D> {
    /** A short name for messages. */
    String name();

    /** The quantity at theta and the data. */
    double value(double theta, D data);

    /** The parameter itself. */
    static <D> TestQuantity<D> parameter() {
      return of("theta", (t, d) -> t);
    }

    /** A named quantity. */
    static <D> TestQuantity<D> of(String name, java.util.function.ToDoubleBiFunction<Double, D> f) {
      return new TestQuantity<>() {
        @Override
        public String name() {
          return name;
        }

        @Override
        public double value(double theta, D data) {
          return f.applyAsDouble(theta, data);
        }
      };
    }
  }

  /**
   * The result: for each test quantity, the counts of each rank 0..L, Pearson's statistic and its
   * p-value under uniformity (chi-square with L degrees of freedom).
   */
  public record Result(List<String> quantities, List<long[]> counts, double[] chiSquare, double[] pValue) {
    /**
     * Whether uniformity is not rejected for any quantity at family-wise level {@code alpha}
     * (the false-alarm rate; Bonferroni: each quantity at alpha / number of quantities).
     */
    public boolean uniform(double alpha) {
      for (double p : pValue) {
        if (p < alpha / pValue.length) {
          return false;
        }
      }
      return true;
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder();
      for (int q = 0; q < quantities.size(); q++) {
        sb.append(String.format("%n  %s: ranks %s, chi-square %.2f on %d degrees of freedom, p = %.3g", quantities.get(q),
            Arrays.toString(counts.get(q)), chiSquare[q], counts.get(q).length - 1, pValue[q]));
      }
      return sb.toString();
    }
  }

  /** Runs {@code simulations} SBC replications with {@code draws} posterior draws each, ranking the parameter. */
  public static <D> Result run(Simulator<D> model, Posterior<D> inference, int simulations, int draws, long seed) {
    return run(model, inference, List.of(TestQuantity.parameter()), simulations, draws, seed);
  }

  /**
   * Runs {@code simulations} SBC replications with {@code draws} posterior draws each, ranking each
   * test quantity, one replication after another ({@link InProcessRunner#sequential()}).
   */
  public static <D> Result run(Simulator<D> model, Posterior<D> inference, List<TestQuantity<D>> quantities,
      int simulations, int draws, long seed) {
    return run(model, inference, quantities, simulations, draws, seed, InProcessRunner.sequential());
  }

  /**
   * Runs the replications on a {@link Runner}: replication s is task s, drawing theta* and the data
   * from {@code Rngs.split(seed, s)} and running the inference with seed
   * {@code Rngs.childSeed(seed ^ 0x5BC5BC5BCL, s)}, so the ranks are the same on every runner (the
   * simulator and inference must then be safe to call from several threads at once).
   *
   * @throws org.probity.run.RunTaskException naming the replication when one fails
   */
  public static <D> Result run(Simulator<D> model, Posterior<D> inference, List<TestQuantity<D>> quantities,
      int simulations, int draws, long seed, Runner runner) {
    int nq = quantities.size();
    List<int[]> ranks = runner.run("replication", seed, simulations, (sd, s) -> {
      UniformRandomProvider rng = Rngs.split(sd, s);
      double theta = model.prior(rng);
      D data = model.data(theta, rng);
      double[] post = inference.draws(data, draws, Rngs.childSeed(sd ^ 0x5BC5BC5BCL, s));
      int[] r = new int[nq];
      for (int q = 0; q < nq; q++) {
        TestQuantity<D> f = quantities.get(q);
        double truth = f.value(theta, data);
        for (double t : post) {
          if (f.value(t, data) < truth) {
            r[q]++;
          }
        }
      }
      return r;
    });
    long[][] counts = new long[nq][draws + 1];
    for (int[] r : ranks) {
      for (int q = 0; q < nq; q++) {
        counts[q][r[q]]++;
      }
    }
    double expected = (double) simulations / (draws + 1);
    double[] chi2 = new double[nq];
    double[] p = new double[nq];
    List<long[]> cs = new ArrayList<>();
    for (int q = 0; q < nq; q++) {
      for (long c : counts[q]) {
        chi2[q] += (c - expected) * (c - expected) / expected;
      }
      p[q] = ChiSquaredDistribution.of(draws).survivalProbability(chi2[q]);
      cs.add(counts[q]);
    }
    return new Result(quantities.stream().map(TestQuantity::name).toList(), cs, chi2, p);
  }

  /** {@code count} draws (multinomial resampling) from a weighted sample, as a function of its values. */
  public static <A> double[] resample(WeightedSample<A> sample, ToDoubleFunction<? super A> f, int count,
      UniformRandomProvider rng) {
    double[] w = sample.normalisedWeights();
    double[] cdf = new double[w.length];
    double c = 0;
    for (int i = 0; i < w.length; i++) {
      c += w[i];
      cdf[i] = c;
    }
    double[] out = new double[count];
    for (int j = 0; j < count; j++) {
      double u = rng.nextDouble() * c;
      int i = Arrays.binarySearch(cdf, u);
      i = i >= 0 ? i : -i - 1;
      i = Math.min(i, w.length - 1);
      out[j] = f.applyAsDouble(sample.items().get(i).value());
    }
    return out;
  }
}
