package org.probity.inference.smc;

import static org.probity.Probity.*;

import org.probity.ad.Real;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.probity.core.Prob;
import org.probity.random.Rngs;

/**
 * Test models with exact filters: a linear-Gaussian state-space model (Kalman filter) and a
 * hidden Markov model with discrete states and Gaussian emissions (forward algorithm).
 */
final class SsmModels {
  static final double A = 0.9;
  static final double Q = 0.5;
  static final double R = 1.0;
  static final double P0 = 1.0;

  private SsmModels() {
  }

  /** Data simulated from the linear-Gaussian model with a seed. */
  static double[] data(int t, long seed) {
    UniformRandomProvider rng = Rngs.of(seed);
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    double[] y = new double[t];
    double x = Math.sqrt(P0) * g.sample();
    for (int i = 0; i < t; i++) {
      if (i > 0) {
        x = A * x + Math.sqrt(Q) * g.sample();
      }
      y[i] = x + Math.sqrt(R) * g.sample();
    }
    return y;
  }

  /**
   * x[0] ~ N(0, P0), x[t] ~ N(A x[t-1], Q), y[t] ~ N(x[t], R) for t below {@code steps}; returns
   * x[steps-1]. Named sites x[t] so that a proposal can find the step's observation.
   */
  static Prob<Double> linearGaussian(double[] y, int steps) {
    return sample(addr("x", 0), normal(0, Math.sqrt(P0)), x0 -> observe(normal(x0.value(), Math.sqrt(R)), y[0], () ->
        fold(1, steps, x0.value(), (x, t) -> sample(addr("x", t), normal(A * x, Math.sqrt(Q)), x1 ->
            observe(normal(x1.value(), Math.sqrt(R)), y[t], () -> pure(x1.value()))))));
  }

  /** The linear Gaussian model with the state-space combinator (sites x[t]), its result mapped to a double. */
  static Prob<Double> linearGaussianStateSpace(double[] y, int steps) {
    return stateSpace(normal(0, Math.sqrt(P0)), (Real x) -> normal(A * x.value(), Math.sqrt(Q)),
        (Real x) -> normal(x.value(), Math.sqrt(R))).named("x")
        .observe(reals(java.util.Arrays.copyOf(y, steps))).map(Real::value);
  }

  /** Kalman filter: filtering means, variances and the cumulative log evidence log p(y[0..t]). */
  static double[][] kalman(double[] y) {
    int t = y.length;
    double[] mean = new double[t];
    double[] var = new double[t];
    double[] logZ = new double[t];
    double m = 0;
    double p = P0;
    double lz = 0;
    for (int i = 0; i < t; i++) {
      if (i > 0) {
        m = A * m;
        p = A * A * p + Q;
      }
      double s = p + R;
      lz += -0.5 * Math.log(2 * Math.PI * s) - 0.5 * (y[i] - m) * (y[i] - m) / s;
      double k = p / s;
      m = m + k * (y[i] - m);
      p = (1 - k) * p;
      mean[i] = m;
      var[i] = p;
      logZ[i] = lz;
    }
    return new double[][] {mean, var, logZ};
  }

  // ---- hidden Markov model ----
  static final double[] INIT = {0.5, 0.3, 0.2};
  static final double[][] TRANS = {{0.8, 0.15, 0.05}, {0.1, 0.8, 0.1}, {0.05, 0.15, 0.8}};
  static final double[] MU = {-2, 0, 2};
  static final double SIGMA = 1.0;

  /** Observations simulated from the HMM. */
  static double[] hmmData(int t, long seed) {
    UniformRandomProvider rng = Rngs.of(seed);
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    double[] y = new double[t];
    int x = categorical(INIT).sample(rng);
    for (int i = 0; i < t; i++) {
      if (i > 0) {
        x = categorical(TRANS[x]).sample(rng);
      }
      y[i] = MU[x] + SIGMA * g.sample();
    }
    return y;
  }

  /** The HMM over y[0..steps-1], returning the last state. */
  static Prob<Integer> hmm(double[] y, int steps) {
    return sample(categorical(INIT), x0 -> observe(normal(MU[x0], SIGMA), y[0], () ->
        fold(1, steps, x0, (x, t) -> sample(categorical(TRANS[x]), x1 ->
            observe(normal(MU[x1], SIGMA), y[t], () -> pure(x1))))));
  }

  /** The same HMM written with the state-space combinator (distributions built once). */
  static Prob<Integer> hmmStateSpace(double[] y, int steps) {
    org.probity.dist.Categorical[] trans = new org.probity.dist.Categorical[TRANS.length];
    org.probity.dist.Normal[] emit = new org.probity.dist.Normal[MU.length];
    for (int i = 0; i < trans.length; i++) {
      trans[i] = categorical(TRANS[i]);
      emit[i] = normal(MU[i], SIGMA);
    }
    return stateSpace(categorical(INIT), (Integer x) -> trans[x], (Integer x) -> emit[x])
        .observe(reals(java.util.Arrays.copyOf(y, steps)));
  }

  /** Forward algorithm: filtering distributions p(x[t] | y[0..t]) and cumulative log evidence. */
  static double[][] forward(double[] y, double[] logZ) {
    int k = INIT.length;
    double[][] filt = new double[y.length][k];
    double[] alpha = INIT.clone();
    double lz = 0;
    for (int t = 0; t < y.length; t++) {
      if (t > 0) {
        double[] next = new double[k];
        for (int i = 0; i < k; i++) {
          for (int j = 0; j < k; j++) {
            next[j] += alpha[i] * TRANS[i][j];
          }
        }
        alpha = next;
      }
      double s = 0;
      for (int j = 0; j < k; j++) {
        alpha[j] *= Math.exp(normal(MU[j], SIGMA).logDensity(y[t]));
        s += alpha[j];
      }
      for (int j = 0; j < k; j++) {
        alpha[j] /= s;
      }
      lz += Math.log(s);
      logZ[t] = lz;
      filt[t] = alpha.clone();
    }
    return filt;
  }
}
