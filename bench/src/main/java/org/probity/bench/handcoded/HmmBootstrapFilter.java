package org.probity.bench.handcoded;

import org.apache.commons.rng.UniformRandomProvider;
import org.probity.bench.data.HmmData;

/**
 * The hand-written baseline for {@code hmm-smc}: a bootstrap particle filter (Gordon, Salmond and
 * Smith 1993) on plain arrays, systematic resampling (Kitagawa 1996) after every observation but
 * the last (as Probity's {@code Smc.smc}, which does not resample once every particle has finished),
 * one generator. Ancestor j is the particle i with cum[i-1] &lt;= (u + j) / n &lt; cum[i], the same rule
 * as Probity's {@code SystematicResampling}. It keeps no history: memory is O(particles), whatever T.
 */
public final class HmmBootstrapFilter {
  private HmmBootstrapFilter() {
  }

  /** Log-evidence estimate and the filtering mean of the state index at each step. */
  public record Result(double logEvidence, double[] filteringMeans) {
  }

  /** Runs the filter with {@code n} particles. */
  public static Result run(HmmData d, int n, UniformRandomProvider rng) {
    int k = d.k();
    double[][] cdfA = new double[k][k];
    for (int i = 0; i < k; i++) {
      double c = 0;
      for (int j = 0; j < k; j++) {
        c += d.a()[i][j];
        cdfA[i][j] = c;
      }
    }
    double[] cdf0 = new double[k];
    double c0 = 0;
    for (int j = 0; j < k; j++) {
      c0 += d.pi0()[j];
      cdf0[j] = c0;
    }
    double logNorm = -Math.log(d.sigma()) - 0.5 * Math.log(2 * Math.PI);
    double inv2s2 = 0.5 / (d.sigma() * d.sigma());
    int[] z = new int[n];
    int[] next = new int[n];
    double[] logw = new double[n];
    double[] w = new double[n];
    double[] means = new double[d.t()];
    double logZ = 0;
    for (int t = 0; t < d.t(); t++) {
      double y = d.y()[t];
      double max = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        double[] cdf = t == 0 ? cdf0 : cdfA[z[i]];
        int s = draw(cdf, rng.nextDouble());
        z[i] = s;
        double r = y - d.mu()[s];
        logw[i] = logNorm - r * r * inv2s2;
        if (logw[i] > max) {
          max = logw[i];
        }
      }
      double sum = 0;
      for (int i = 0; i < n; i++) {
        w[i] = Math.exp(logw[i] - max);
        sum += w[i];
      }
      logZ += max + Math.log(sum / n);
      double m = 0;
      for (int i = 0; i < n; i++) {
        m += w[i] * z[i];
      }
      means[t] = m / sum;
      if (t == d.t() - 1) {
        break;
      }
      // systematic resampling
      double u = rng.nextDouble() / n;
      double step = 1.0 / n;
      double c = w[0] / sum;
      int j = 0;
      for (int i = 0; i < n; i++) {
        double target = u + i * step;
        while (target >= c && j < n - 1) {
          j++;
          c += w[j] / sum;
        }
        next[i] = z[j];
      }
      int[] tmp = z;
      z = next;
      next = tmp;
    }
    return new Result(logZ, means);
  }

  private static int draw(double[] cdf, double u) {
    int last = cdf.length - 1;
    for (int i = 0; i < last; i++) {
      if (u < cdf[i]) {
        return i;
      }
    }
    return last;
  }
}
