package org.probity.dist;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.probity.ad.Real;
import org.probity.ad.Reals;

/**
 * The logistic-regression likelihood as one distribution over a vector of 0/1 labels (Stan's
 * {@code bernoulli_logit_glm}; McCullagh and Nelder, Generalized Linear Models, 1989): label i is
 * BernoulliLogit(intercept + x_i . coefficients), independently over the rows x_i of the design
 * matrix. The log mass is one tape node ({@link Reals#bernoulliLogitLogLikelihood}) whose parents
 * are the intercept and the coefficients, and {@link #logDensity(int[])} is a tight loop over the
 * rows, so a model with thousands of observations costs one site, not thousands.
 *
 * <p>The design matrix is held by reference, not copied (it is data, built once and shared by every
 * evaluation of the model); it must not be changed afterwards.
 */
public final class BernoulliLogitGlm implements Distribution<int[]> {
  private static final String NAME = "BernoulliLogitGlm";
  private final DMatrixRMaj x;
  private final Real intercept;
  private final Real[] coefficients;

  private BernoulliLogitGlm(DMatrixRMaj x, Real intercept, Real[] coefficients) {
    if (x.numCols != coefficients.length) {
      throw new DistributionException(NAME + ": parameter coefficients has length " + coefficients.length
          + " but the design matrix has " + x.numCols + " columns");
    }
    DistributionException.finite(NAME, "intercept", intercept.value());
    for (int j = 0; j < coefficients.length; j++) {
      if (!Double.isFinite(coefficients[j].value())) { // the parameter's name is built only on failure
        DistributionException.finite(NAME, "coefficients[" + j + "]", coefficients[j].value());
      }
    }
    this.x = x;
    this.intercept = intercept;
    this.coefficients = coefficients.clone();
  }

  /** The GLM likelihood with design matrix {@code x} (one row per label, held by reference). */
  public static BernoulliLogitGlm of(DMatrixRMaj x, Real intercept, Real[] coefficients) {
    return new BernoulliLogitGlm(x, intercept, coefficients);
  }

  /** As {@link #of(DMatrixRMaj, Real, Real[])} with constant parameters. */
  public static BernoulliLogitGlm of(DMatrixRMaj x, double intercept, double... coefficients) {
    return new BernoulliLogitGlm(x, Real.of(intercept), Real.of(coefficients));
  }

  /**
   * The GLM likelihood with the rows {@code x} copied into a matrix; in a model evaluated many
   * times, build the {@link DMatrixRMaj} once and use {@link #of(DMatrixRMaj, Real, Real[])}.
   */
  public static BernoulliLogitGlm of(double[][] x, Real intercept, Real[] coefficients) {
    int cols = x.length == 0 ? coefficients.length : x[0].length;
    for (int i = 0; i < x.length; i++) {
      if (x[i].length != cols) {
        throw new DistributionException(NAME + ": row x[" + i + "] has " + x[i].length + " columns, row x[0] " + cols);
      }
    }
    DMatrixRMaj m = new DMatrixRMaj(x.length, cols);
    for (int i = 0; i < x.length; i++) {
      System.arraycopy(x[i], 0, m.data, i * cols, cols);
    }
    return new BernoulliLogitGlm(m, intercept, coefficients);
  }

  /** The number of rows (labels). */
  public int rows() {
    return x.numRows;
  }

  /** The intercept. */
  public Real intercept() {
    return intercept;
  }

  /** The coefficients (a copy). */
  public Real[] coefficients() {
    return coefficients.clone();
  }

  /** The linear predictor of row i, intercept + x_i . coefficients, as a double. */
  public double eta(int i) {
    int p = x.numCols;
    int off = i * p;
    double eta = intercept.value();
    for (int j = 0; j < p; j++) {
      eta += x.data[off + j] * coefficients[j].value();
    }
    return eta;
  }

  @Override
  public int[] sample(UniformRandomProvider rng) {
    int[] y = new int[x.numRows];
    for (int i = 0; i < y.length; i++) {
      y[i] = rng.nextDouble() < Special.sigmoid(eta(i)) ? 1 : 0;
    }
    return y;
  }

  @Override
  public Real logProb(int[] y) {
    checkLabels(y);
    return Reals.bernoulliLogitLogLikelihood(x, coefficients, intercept, y);
  }

  @Override
  public double logDensity(int[] y) {
    checkLength(y);
    int n = x.numRows;
    int p = x.numCols;
    double[] data = x.data;
    double[] w = new double[p];
    for (int j = 0; j < p; j++) {
      w[j] = coefficients[j].value();
    }
    double b = intercept.value();
    double v = 0;
    for (int i = 0, off = 0; i < n; i++, off += p) {
      double eta = b;
      for (int j = 0; j < p; j++) {
        eta += data[off + j] * w[j];
      }
      int yi = y[i];
      if (yi == 1) {
        eta = -eta;
      } else if (yi != 0) {
        throw badLabel(y, i);
      }
      // -softplus(eta) for y = 0, -softplus(-eta) for y = 1
      v -= eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
    }
    return v;
  }

  private void checkLength(int[] y) {
    if (y.length != x.numRows) {
      throw new DistributionException(NAME + ": the labels have length " + y.length + " but the design matrix has "
          + x.numRows + " rows");
    }
  }

  private void checkLabels(int[] y) {
    checkLength(y);
    for (int i = 0; i < y.length; i++) {
      if (y[i] != 0 && y[i] != 1) {
        throw badLabel(y, i);
      }
    }
  }

  private static DistributionException badLabel(int[] y, int i) {
    return new DistributionException(NAME + ": label y[" + i + "] must be 0 or 1, got " + y[i]);
  }

  /** A 0/1 label for each of the rows. */
  @Override
  public Constraint support() {
    return new Constraint.Independent(new Constraint.IntegerRange(0, 1), x.numRows);
  }

  @Override
  public String toString() {
    return NAME + "(" + x.numRows + " x " + x.numCols + ", intercept=" + intercept + ", coefficients="
        + Arrays.toString(coefficients) + ")";
  }
}
