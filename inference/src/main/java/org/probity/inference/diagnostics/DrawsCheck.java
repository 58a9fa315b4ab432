package org.probity.inference.diagnostics;

import org.probity.inference.diagnostics.InvalidDrawsException.Reason;

/** Validation and defensive copying of {@code double[chain][iteration]} draw matrices. */
final class DrawsCheck {

  /** Split chains need at least two draws per half. */
  static final int MIN_ITERATIONS = 4;

  private DrawsCheck() {}

  /** Returns a validated deep copy: non-null, rectangular, finite, at least {@code minIter}. */
  static double[][] copy(double[][] draws, int minIterations) {
    if (draws == null) {
      throw new InvalidDrawsException(Reason.NULL, "draws must not be null");
    }
    if (draws.length == 0) {
      throw new InvalidDrawsException(Reason.TOO_FEW_DRAWS, "need at least 1 chain but got 0");
    }
    double[][] out = new double[draws.length][];
    for (int c = 0; c < draws.length; c++) {
      double[] chain = draws[c];
      if (chain == null) {
        throw new InvalidDrawsException(Reason.NULL, "chain " + c + " is null");
      }
      if (chain.length != draws[0].length) {
        throw new InvalidDrawsException(Reason.RAGGED_CHAINS, "chain " + c + " has "
            + chain.length + " iterations but chain 0 has " + draws[0].length);
      }
      for (int i = 0; i < chain.length; i++) {
        if (!Double.isFinite(chain[i])) {
          throw new InvalidDrawsException(Reason.NON_FINITE,
              "draw " + chain[i] + " at chain " + c + ", iteration " + i + " is not finite");
        }
      }
      out[c] = chain.clone();
    }
    if (draws[0].length < minIterations) {
      throw new InvalidDrawsException(Reason.TOO_FEW_DRAWS, "need at least " + minIterations
          + " iterations per chain but got " + draws[0].length);
    }
    return out;
  }

  static double[][] copy(double[][] draws) {
    return copy(draws, MIN_ITERATIONS);
  }

  /** All draws in chain order, as R's {@code as.vector} of an iterations x chains matrix. */
  static double[] flatten(double[][] x) {
    int n = x[0].length;
    double[] out = new double[x.length * n];
    for (int c = 0; c < x.length; c++) {
      System.arraycopy(x[c], 0, out, c * n, n);
    }
    return out;
  }

  /** Reshapes a flat chain-major vector back to {@code [chains][n]}. */
  static double[][] reshape(double[] flat, int chains) {
    int n = flat.length / chains;
    double[][] out = new double[chains][n];
    for (int c = 0; c < chains; c++) {
      System.arraycopy(flat, c * n, out[c], 0, n);
    }
    return out;
  }
}
