package org.probity.bench;

import org.probity.bench.data.HmmData;

/** Exact filtering means E[z_t | y_0..t] by the forward algorithm (test reference). */
final class HmmReference {
  private HmmReference() {
  }

  static double[] filteringMeans(HmmData d) {
    int k = d.k();
    double[] alpha = new double[k];
    double[] means = new double[d.t()];
    for (int t = 0; t < d.t(); t++) {
      double[] next = new double[k];
      double s = 0;
      for (int j = 0; j < k; j++) {
        double prior = 0;
        if (t == 0) {
          prior = d.pi0()[j];
        } else {
          for (int i = 0; i < k; i++) {
            prior += alpha[i] * d.a()[i][j];
          }
        }
        double r = (d.y()[t] - d.mu()[j]) / d.sigma();
        next[j] = prior * Math.exp(-0.5 * r * r);
        s += next[j];
      }
      double m = 0;
      for (int j = 0; j < k; j++) {
        next[j] /= s;
        m += j * next[j];
      }
      means[t] = m;
      alpha = next;
    }
    return means;
  }
}
