package org.probity.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.probity.inference.diagnostics.Mcse;

/** MCMC agreement with a reference: each parameter's mean within 5 combined standard errors. */
final class McmcChecks {
  private McmcChecks() {
  }

  /** Column j of several chains' draws (chains x iterations x parameters), after burn-in. */
  static double[][] column(double[][][] chains, int j, int burnIn) {
    double[][] out = new double[chains.length][];
    for (int c = 0; c < chains.length; c++) {
      int n = chains[c].length - burnIn;
      out[c] = new double[n];
      for (int i = 0; i < n; i++) {
        out[c][i] = chains[c][burnIn + i][j];
      }
    }
    return out;
  }

  static double mean(double[][] draws) {
    double s = 0;
    int n = 0;
    for (double[] c : draws) {
      for (double v : c) {
        s += v;
        n++;
      }
    }
    return s / n;
  }

  /** Asserts the chains' mean of parameter j agrees with {@code reference} (standard error {@code refSe}). */
  static void agrees(String name, double[][][] chains, int j, int burnIn, double reference, double refSe) {
    double[][] d = column(chains, j, burnIn);
    double m = mean(d);
    double mcse = Mcse.mean(d);
    double tol = 5 * Math.sqrt(mcse * mcse + refSe * refSe);
    assertTrue(Math.abs(m - reference) < tol, name + ": MCMC mean " + m + " (mcse " + mcse + ") vs reference "
        + reference + " (se " + refSe + "), tolerance " + tol);
  }
}
