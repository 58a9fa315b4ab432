package org.probity.inference.hmc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * cmdstan's checks of the sampler parameters after warm-up (src/cmdstan/diagnose.cpp):
 * divergent transitions, transitions that hit the maximum tree depth, and the energy Bayesian
 * fraction of missing information (E-BFMI, Betancourt 2017, section 6.1; below 0.3 the momentum
 * resampling explores the energy distribution poorly), here checked per chain. The lines are
 * cmdstan's, numbers with two decimals.
 */
public final class SamplerDiagnostics {
  /** cmdstan's E-BFMI threshold. */
  public static final double EBFMI_THRESHOLD = 0.3;

  private SamplerDiagnostics() {
  }

  /**
   * E-BFMI of one chain's {@code energy__} as cmdstan computes it: the mean of the N - 1 squared
   * successive differences over the sample variance (N - 1 denominator).
   *
   * @return the E-BFMI, NaN for fewer than 2 draws or constant energy
   */
  public static double eBfmi(double[] energy) {
    int n = energy.length;
    if (n < 2) {
      return Double.NaN;
    }
    double deltaSqMean = 0;
    for (int i = 1; i < n; i++) {
      double d = energy[i] - energy[i - 1];
      deltaSqMean += (d * d - deltaSqMean) / i;
    }
    double mean = 0;
    for (double e : energy) {
      mean += e;
    }
    mean /= n;
    double ss = 0;
    for (double e : energy) {
      ss += (e - mean) * (e - mean);
    }
    double var = ss / (n - 1);
    return var > 0 ? deltaSqMean / var : Double.NaN;
  }

  /**
   * cmdstan's warning lines for kept transitions of several chains: divergences, tree-depth
   * saturation (NUTS only), and E-BFMI below 0.3 per chain; empty when all is well.
   *
   * @param chains the kept transitions of each chain
   * @param engine the kernel that made them
   * @param maxDepth NUTS's maximum tree depth
   */
  public static List<String> warnings(List<List<Transition>> chains, HmcEngine engine, int maxDepth) {
    List<String> lines = new ArrayList<>();
    long total = 0;
    long divergent = 0;
    long saturated = 0;
    for (List<Transition> chain : chains) {
      for (Transition t : chain) {
        total++;
        if (t.divergent()) {
          divergent++;
        }
        if (t.treeDepth() >= maxDepth) {
          saturated++;
        }
      }
    }
    if (engine == HmcEngine.NUTS && saturated > 0) {
      lines.add(saturated + " of " + total + " (" + percent(saturated, total) + "%)"
          + " transitions hit the maximum treedepth limit of " + maxDepth + ", or 2^" + maxDepth
          + " leapfrog steps.");
      lines.add("Trajectories that are prematurely terminated due to this limit will result in"
          + " slow exploration.");
      lines.add("For optimal performance, increase this limit.");
    }
    if (engine == HmcEngine.NUTS && divergent > 0) {
      lines.add(divergent + " of " + total + " (" + percent(divergent, total) + "%)"
          + " transitions ended with a divergence.");
      lines.add("These divergent transitions indicate that HMC is not fully able to explore the"
          + " posterior distribution.");
      lines.add("Try increasing adapt delta closer to 1.");
      lines.add("If this doesn't remove all divergences, try to reparameterize the model.");
    }
    boolean lowEbfmi = false;
    for (int c = 0; c < chains.size(); c++) {
      double bfmi = eBfmi(energies(chains.get(c)));
      if (bfmi < EBFMI_THRESHOLD) {
        lowEbfmi = true;
        lines.add("Chain " + (c + 1) + ": The E-BFMI, " + String.format(Locale.ROOT, "%.2f", bfmi)
            + ", is below the nominal threshold of "
            + String.format(Locale.ROOT, "%.2f", EBFMI_THRESHOLD)
            + " which suggests that HMC may have trouble exploring the target distribution.");
      }
    }
    if (lowEbfmi) {
      lines.add("If possible, try to reparameterize the model.");
    }
    return lines;
  }

  static double[] energies(List<Transition> chain) {
    double[] e = new double[chain.size()];
    for (int i = 0; i < e.length; i++) {
      e[i] = chain.get(i).energy();
    }
    return e;
  }

  private static String percent(long count, long total) {
    return String.format(Locale.ROOT, "%.2f", 100.0 * count / total);
  }
}
