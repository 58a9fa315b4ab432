package org.probity.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.probity.run.Runner;
import org.probity.random.Rngs;

/**
 * SBC replications as independent tasks. Replication s draws theta* and the data from
 * {@code Rngs.split(seed, s)} and runs the inference with seed
 * {@code Rngs.childSeed(seed ^ 0x5BC5BC5BCL, s)}, exactly as the test kit's
 * {@code SimulationBasedCalibration.run}, so the rank counts are the same on one machine and on a
 * cluster.
 */
public final class Calibration {
  private Calibration() {
  }

  /**
   * The result: the count of each rank 0..L of theta* among the L posterior draws, Pearson's
   * statistic and its p-value under uniformity (chi-square with L degrees of freedom).
   *
   * @param counts counts of ranks 0..L
   * @param chiSquare Pearson's statistic
   * @param pValue its p-value
   */
  public record Result(long[] counts, double chiSquare, double pValue) implements Serializable {
    @Override
    public String toString() {
      return String.format("ranks %s, chi-square %.2f on %d degrees of freedom, p = %.3g", Arrays.toString(counts),
          chiSquare, counts.length - 1, pValue);
    }
  }

  /**
   * Runs the replications.
   *
   * @param runner where they run
   * @param problem the prior, simulator and inference under test
   * @param simulations the number of replications
   * @param draws the posterior draws per replication (L)
   * @param seed the seed
   * @return the rank histogram and its uniformity test
   * @throws org.probity.run.RunTaskException naming the replication when one fails
   */
  public static <D> Result run(Runner runner, SbcProblem<D> problem, int simulations, int draws, long seed) {
    List<Integer> ranks = runner.run("replication", seed, simulations, (s, i) -> {
      UniformRandomProvider rng = Rngs.split(s, i);
      double theta = problem.prior(rng);
      D data = problem.data(theta, rng);
      double[] post = problem.posterior(data, draws, Rngs.childSeed(s ^ 0x5BC5BC5BCL, i));
      int rank = 0;
      for (double t : post) {
        if (t < theta) {
          rank++;
        }
      }
      return rank;
    });
    long[] counts = new long[draws + 1];
    for (int r : ranks) {
      counts[r]++;
    }
    double expected = (double) simulations / (draws + 1);
    double chi2 = 0;
    for (long c : counts) {
      chi2 += (c - expected) * (c - expected) / expected;
    }
    return new Result(counts, chi2, ChiSquaredDistribution.of(draws).survivalProbability(chi2));
  }
}
