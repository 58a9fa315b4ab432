package org.probity.ad;

import org.ejml.data.DMatrixRMaj;


/**
 * Functions of {@link Real}s written as in mathematics ({@code exp(x)}, {@code log(x)},
 * {@code inverseLogit(a.plus(b.times(x)))}, {@code oneMinus(w)}), for {@code import static
 * org.probity.ad.Reals.*}; and vectorised operations on arrays of {@link Real}s, each recorded as a
 * single tape node, so a likelihood over ten thousand rows adds one wide node to the tape instead
 * of a deep chain.
 */
public final class Reals {
  private Reals() {
  }

  // ---- scalar functions, as the mathematics writes them ----

  /**
   * e^x.
   *
   * @param x the argument
   * @return e^x
   */
  public static Real exp(Real x) {
    return x.exp();
  }

  /**
   * The natural logarithm.
   *
   * @param x the argument, positive
   * @return log x
   */
  public static Real log(Real x) {
    return x.log();
  }

  /**
   * The square root.
   *
   * @param x the argument, non-negative
   * @return sqrt x
   */
  public static Real sqrt(Real x) {
    return x.sqrt();
  }

  /**
   * x squared.
   *
   * @param x the argument
   * @return x^2
   */
  public static Real square(Real x) {
    return x.square();
  }

  /**
   * x to the power p.
   *
   * @param x the base
   * @param p the exponent
   * @return x^p
   */
  public static Real pow(Real x, double p) {
    return x.pow(p);
  }

  /**
   * The absolute value.
   *
   * @param x the argument
   * @return |x|
   */
  public static Real abs(Real x) {
    return x.abs();
  }

  /**
   * 1 - x.
   *
   * @param x the argument
   * @return 1 - x
   */
  public static Real oneMinus(Real x) {
    return x.oneMinus();
  }

  /**
   * The inverse logit (logistic sigmoid) 1 / (1 + e^-x).
   *
   * @param x the log-odds
   * @return the probability
   */
  public static Real inverseLogit(Real x) {
    return x.logistic();
  }

  /**
   * The logit log(p / (1 - p)).
   *
   * @param p a probability in (0, 1)
   * @return its log-odds
   */
  public static Real logit(Real p) {
    return p.logit();
  }

  /**
   * The standard normal distribution function (Stan's {@code Phi}).
   *
   * @param x the argument
   * @return Phi(x)
   */
  public static Real normalCdf(Real x) {
    return x.normalCdf();
  }

  /**
   * log(1 + x), accurate near 0.
   *
   * @param x the argument, above -1
   * @return log(1 + x)
   */
  public static Real log1p(Real x) {
    return x.log1p();
  }

  /**
   * The mean of the entries; one node.
   *
   * @param xs the entries, at least one
   * @return their mean
   */
  public static Real mean(Real... xs) {
    if (xs.length == 0) {
      throw new IllegalArgumentException("mean of no values");
    }
    return sum(xs).div(xs.length);
  }

  /** log(e^a + e^b), stable. */
  public static Real logSumExp(Real a, Real b) {
    double m = Math.max(a.value(), b.value());
    if (m == Double.NEGATIVE_INFINITY) {
      return Real.NEGATIVE_INFINITY;
    }
    if (m == Double.POSITIVE_INFINITY) {
      return a.binary(b, m, a.value() == m ? 1.0 : 0.0, a.value() == m ? 0.0 : 1.0);
    }
    double ea = Math.exp(a.value() - m);
    double eb = Math.exp(b.value() - m);
    double s = ea + eb;
    return a.binary(b, m + Math.log(s), ea / s, eb / s);
  }

  /** log(sum e^x_i), stable; one node. */
  public static Real logSumExp(Real... xs) {
    double m = Double.NEGATIVE_INFINITY;
    for (Real x : xs) {
      m = Math.max(m, x.value());
    }
    if (m == Double.NEGATIVE_INFINITY) {
      return Real.NEGATIVE_INFINITY;
    }
    double[] w = new double[xs.length];
    if (m == Double.POSITIVE_INFINITY) {
      for (int i = 0; i < xs.length; i++) {
        if (xs[i].value() == m) {
          w[i] = 1.0;
          break;
        }
      }
      return node(xs, m, w);
    }
    double s = 0;
    for (int i = 0; i < xs.length; i++) {
      w[i] = Math.exp(xs[i].value() - m);
      s += w[i];
    }
    for (int i = 0; i < xs.length; i++) {
      w[i] /= s;
    }
    return node(xs, m + Math.log(s), w);
  }

  /** Sum of the entries; one node. */
  public static Real sum(Real... xs) {
    return Real.sum(xs);
  }

  /** Dot product with a constant vector; one node. */
  public static Real dot(Real[] xs, double[] c) {
    if (xs.length != c.length) {
      throw new IllegalArgumentException("dot: lengths differ: " + xs.length + " vs " + c.length);
    }
    double s = 0;
    for (int i = 0; i < xs.length; i++) {
      s += xs[i].value() * c[i];
    }
    return node(xs, s, c);
  }

  /** Dot product of two real vectors; one node. */
  public static Real dot(Real[] xs, Real[] ys) {
    if (xs.length != ys.length) {
      throw new IllegalArgumentException("dot: lengths differ: " + xs.length + " vs " + ys.length);
    }
    Real[] all = new Real[2 * xs.length];
    double[] d = new double[2 * xs.length];
    double s = 0;
    for (int i = 0; i < xs.length; i++) {
      s += xs[i].value() * ys[i].value();
      all[i] = xs[i];
      d[i] = ys[i].value();
      all[xs.length + i] = ys[i];
      d[xs.length + i] = xs[i].value();
    }
    return node(all, s, d);
  }

  /**
   * Matrix-vector product X w for a constant matrix (EJML) and a real vector; each output entry
   * is one node with the entries of w as parents (n nodes, n p edges). Where the products only
   * feed a likelihood, prefer the fused one-node likelihoods below
   * ({@link #bernoulliLogitLogLikelihood}, {@link #normalLinearLogLikelihood}).
   */
  public static Real[] matVec(DMatrixRMaj x, Real[] w) {
    if (x.numCols != w.length) {
      throw new IllegalArgumentException("matVec: matrix has " + x.numCols + " columns, vector has " + w.length);
    }
    Real[] out = new Real[x.numRows];
    double[] row = new double[x.numCols];
    for (int i = 0; i < x.numRows; i++) {
      System.arraycopy(x.data, i * x.numCols, row, 0, x.numCols);
      double s = 0;
      for (int j = 0; j < row.length; j++) {
        s += row[j] * w[j].value();
      }
      out[i] = node(w, s, row); // node copies the partials
    }
    return out;
  }

  /** Sum of squares of the entries; one node. */
  public static Real sumOfSquares(Real... xs) {
    double s = 0;
    double[] d = new double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      double v = xs[i].value();
      s += v * v;
      d[i] = 2 * v;
    }
    return node(xs, s, d);
  }

  /**
   * Sum over i of log N(y_i | mean_i, sigma^2); one node whose parents are the means and sigma.
   *
   * @throws DomainException if sigma is not positive and finite
   */
  public static Real normalLogLikelihood(double[] y, Real[] mean, Real sigma) {
    if (y.length != mean.length) {
      throw new IllegalArgumentException("normalLogLikelihood: " + y.length + " observations but " + mean.length + " means");
    }
    double s = checkSigma(sigma);
    int n = y.length;
    Real[] parents = new Real[n + 1];
    double[] d = new double[n + 1];
    double ss = 0;
    double s2 = s * s;
    for (int i = 0; i < n; i++) {
      double r = y[i] - mean[i].value();
      ss += r * r;
      parents[i] = mean[i];
      d[i] = r / s2;
    }
    parents[n] = sigma;
    d[n] = ss / (s2 * s) - n / s;
    return node(parents, -0.5 * ss / s2 - n * (Math.log(s) + HALF_LOG_TWO_PI), d);
  }

  /**
   * Linear-Gaussian regression log likelihood: sum over rows i of log N(y_i | x_i . w + b,
   * sigma^2), as one node whose parents are w, b and sigma (the rows never reach the tape).
   *
   * @throws DomainException if sigma is not positive and finite
   */
  public static Real normalLinearLogLikelihood(DMatrixRMaj x, Real[] w, Real b, Real sigma, double[] y) {
    checkDesign("normalLinearLogLikelihood", x, w, y.length);
    double s = checkSigma(sigma);
    int n = x.numRows;
    int p = x.numCols;
    double[] wv = Real.values(w);
    double bv = b.value();
    double[] gw = new double[p];
    double gb = 0;
    double ss = 0;
    for (int i = 0; i < n; i++) {
      int off = i * p;
      double eta = bv;
      for (int j = 0; j < p; j++) {
        eta += x.data[off + j] * wv[j];
      }
      double r = y[i] - eta;
      ss += r * r;
      gb += r;
      for (int j = 0; j < p; j++) {
        gw[j] += r * x.data[off + j];
      }
    }
    double s2 = s * s;
    Real[] parents = new Real[p + 2];
    double[] d = new double[p + 2];
    for (int j = 0; j < p; j++) {
      parents[j] = w[j];
      d[j] = gw[j] / s2;
    }
    parents[p] = b;
    d[p] = gb / s2;
    parents[p + 1] = sigma;
    d[p + 1] = ss / (s2 * s) - n / s;
    return node(parents, -0.5 * ss / s2 - n * (Math.log(s) + HALF_LOG_TWO_PI), d);
  }

  /**
   * Logistic-regression log likelihood: sum over rows i of log Bernoulli(y_i | logistic(x_i . w +
   * b)), as one node whose parents are w and b; y_i must be 0 or 1. Each term is
   * y eta - log(1 + e^eta), evaluated stably for large |eta|.
   */
  public static Real bernoulliLogitLogLikelihood(DMatrixRMaj x, Real[] w, Real b, int[] y) {
    checkDesign("bernoulliLogitLogLikelihood", x, w, y.length);
    return bernoulliLogit(x, w, b, y, null);
  }

  /** As {@link #bernoulliLogitLogLikelihood(DMatrixRMaj, Real[], Real, int[])} with 0.0/1.0 labels. */
  public static Real bernoulliLogitLogLikelihood(DMatrixRMaj x, Real[] w, Real b, double[] y) {
    checkDesign("bernoulliLogitLogLikelihood", x, w, y.length);
    return bernoulliLogit(x, w, b, null, y);
  }

  /** Sum over i of log Bernoulli(y_i | logistic(logits_i)); one node with the logits as parents. */
  public static Real bernoulliLogitLogLikelihood(int[] y, Real[] logits) {
    if (y.length != logits.length) {
      throw new IllegalArgumentException("bernoulliLogitLogLikelihood: " + y.length + " labels but " + logits.length + " logits");
    }
    double v = 0;
    double[] d = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      checkLabel(i, y[i]);
      double eta = logits[i].value();
      v += y[i] == 1 ? -Real.softplus(-eta) : -Real.softplus(eta);
      d[i] = y[i] - Real.sigmoid(eta);
    }
    return node(logits, v, d);
  }

  // Labels come either as ints (yi) or as doubles (yd), read in place without a copy.
  private static Real bernoulliLogit(DMatrixRMaj x, Real[] w, Real b, int[] yi, double[] yd) {
    int n = x.numRows;
    int p = x.numCols;
    double[] wv = Real.values(w);
    double bv = b.value();
    if (!b.isVariable() && !anyVariable(w)) {
      // No parameter is on a tape: the value alone, without the partials.
      double v = 0;
      for (int i = 0; i < n; i++) {
        double y = yi != null ? yi[i] : yd[i];
        checkLabel(i, y);
        int off = i * p;
        double eta = bv;
        for (int j = 0; j < p; j++) {
          eta += x.data[off + j] * wv[j];
        }
        v -= Real.softplus(y == 1.0 ? -eta : eta);
      }
      return Real.of(v);
    }
    double[] gw = new double[p];
    double gb = 0;
    double v = 0;
    for (int i = 0; i < n; i++) {
      double y = yi != null ? yi[i] : yd[i];
      checkLabel(i, y);
      int off = i * p;
      double eta = bv;
      for (int j = 0; j < p; j++) {
        eta += x.data[off + j] * wv[j];
      }
      // softplus(+-eta) and sigmoid(eta) from one exponential, e = exp(-|eta|), with the results of
      // Real.softplus and Real.sigmoid bit for bit
      double e = Math.exp(-Math.abs(eta));
      double l = Math.log1p(e);
      v -= y == 1.0 ? (eta < 0 ? -eta + l : l) : (eta > 0 ? eta + l : l);
      double r = y - (eta >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e));
      gb += r;
      for (int j = 0; j < p; j++) {
        gw[j] += r * x.data[off + j];
      }
    }
    Real[] parents = new Real[p + 1];
    double[] d = new double[p + 1];
    for (int j = 0; j < p; j++) {
      parents[j] = w[j];
      d[j] = gw[j];
    }
    parents[p] = b;
    d[p] = gb;
    return node(parents, v, d);
  }

  private static boolean anyVariable(Real[] xs) {
    for (Real x : xs) {
      if (x.isVariable()) {
        return true;
      }
    }
    return false;
  }

  private static void checkLabel(int i, double y) {
    if (y != 0.0 && y != 1.0) {
      throw new DomainException("Bernoulli likelihood: label y[" + i + "] must be 0 or 1, got " + y);
    }
  }

  private static void checkDesign(String op, DMatrixRMaj x, Real[] w, int ny) {
    if (x.numCols != w.length) {
      throw new IllegalArgumentException(op + ": matrix has " + x.numCols + " columns, weights have " + w.length);
    }
    if (x.numRows != ny) {
      throw new IllegalArgumentException(op + ": matrix has " + x.numRows + " rows, y has " + ny);
    }
  }

  private static double checkSigma(Real sigma) {
    double s = sigma.value();
    if (!(s > 0) || s == Double.POSITIVE_INFINITY) {
      throw new DomainException("Normal likelihood: sigma must be positive and finite, got " + s);
    }
    return s;
  }

  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

  /**
   * The normal log density log N(x | mu, sigma) as one tape node with its analytic partials
   * (Stan's {@code normal_lpdf}): -0.5 z^2 - log sigma - log sqrt(2 pi) for z = (x - mu) / sigma,
   * with partials -z / sigma, z / sigma and (z^2 - 1) / sigma. Replayable ({@link Tape#record}).
   * Sigma is not checked (a distribution checks its parameters when built).
   *
   * @param x the value
   * @param mu the mean
   * @param sigma the standard deviation
   * @return log N(x | mu, sigma)
   */
  public static Real normalLogDensity(Real x, Real mu, Real sigma) {
    return Real.normalLpdf(x, mu, sigma, sigma.isVariable() ? 0 : Math.log(sigma.untrackedValue()));
  }

  /**
   * As {@link #normalLogDensity(Real, Real, Real)} with log(sigma) given for a constant sigma (for
   * a distribution that keeps it); for a variable sigma, log(sigma) is recomputed and
   * {@code logSigma} is not read.
   *
   * @param x the value
   * @param mu the mean
   * @param sigma the standard deviation
   * @param logSigma log(sigma)
   * @return log N(x | mu, sigma)
   */
  public static Real normalLogDensity(Real x, Real mu, Real sigma, Real logSigma) {
    return Real.normalLpdf(x, mu, sigma, sigma.isVariable() ? 0 : logSigma.untrackedValue());
  }

  /**
   * The Cauchy log density log Cauchy(x | loc, scale) = -log pi - log scale - log(1 + z^2), z =
   * (x - loc) / scale, as one tape node with its analytic partials. Replayable. The scale is not
   * checked.
   *
   * @param x the value
   * @param loc the location
   * @param scale the scale
   * @return log Cauchy(x | loc, scale)
   */
  public static Real cauchyLogDensity(Real x, Real loc, Real scale) {
    return Real.cauchyLpdf(x, loc, scale, scale.isVariable() ? 0 : Math.log(scale.untrackedValue()));
  }

  /**
   * Builds one tape node with value {@code v} whose partial derivative with respect to
   * {@code inputs[i]} is {@code partials[i]}. This is how new vectorised operations (for example
   * a distribution's summed log density over an array of data) are added.
   */
  public static Real node(Real[] inputs, double v, double[] partials) {
    Tape t = null;
    for (Real x : inputs) {
      if (x.tape() != null) {
        if (t != null && t != x.tape()) {
          throw new IllegalStateException("cannot combine nodes of two different tapes");
        }
        t = x.tape();
      }
    }
    if (t == null) {
      return Real.of(v);
    }
    int[] ps = new int[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      ps[i] = inputs[i].index();
    }
    return new Real(v, t, t.pushN(ps, partials, inputs.length));
  }
}
