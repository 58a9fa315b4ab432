package org.probity.proofs;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.probity.random.Rngs;
import org.probity.semantics.WeightedSample;

/**
 * Simulation-based calibration (Talts, Betancourt, Simpson, Vehtari and Gelman, "Validating
 * Bayesian inference algorithms with simulation-based calibration", 2018): draw theta* from the
 * prior, data from the model given theta*, then L draws from the inference's posterior; if the
 * inference is exact, the rank of theta* among the L draws is uniform on {0, ..., L}. The ranks
 * of many simulations are tested for uniformity with Pearson's chi-square on L + 1 bins.
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
   * The result: counts of each rank 0..L, Pearson's statistic and its p-value under uniformity
   * (chi-square with L degrees of freedom).
   */
  public record Result(long[] counts, double chiSquare, double pValue) {
    /** Whether uniformity is not rejected at level {@code alpha} (the false-alarm rate). */
    public boolean uniform(double alpha) {
      return pValue >= alpha;
    }

    @Override
    public String toString() {
      return "ranks " + Arrays.toString(counts) + ", chi-square " + String.format("%.2f", chiSquare) + " on "
          + (counts.length - 1) + " degrees of freedom, p = " + String.format("%.3g", pValue);
    }
  }

  /** Runs {@code simulations} SBC replications with {@code draws} posterior draws each. */
  public static <D> Result run(Simulator<D> model, Posterior<D> inference, int simulations, int draws, long seed) {
    long[] counts = new long[draws + 1];
    for (int s = 0; s < simulations; s++) {
      UniformRandomProvider rng = Rngs.split(seed, s);
      double theta = model.prior(rng);
      D data = model.data(theta, rng);
      double[] post = inference.draws(data, draws, Rngs.childSeed(seed ^ 0x5BC5BC5BCL, s));
      int rank = 0;
      for (double t : post) {
        if (t < theta) {
          rank++;
        }
      }
      counts[rank]++;
    }
    double expected = (double) simulations / (draws + 1);
    double chi2 = 0;
    for (long c : counts) {
      chi2 += (c - expected) * (c - expected) / expected;
    }
    return new Result(counts, chi2, ChiSquaredDistribution.of(draws).survivalProbability(chi2));
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
