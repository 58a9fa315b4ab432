package org.probity.examples;

import static org.probity.Probity.*;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.probity.core.Prob;
import org.probity.core.Pure;
import org.probity.dist.Categorical;
import org.probity.dist.Normal;
import org.probity.inference.smc.Population;
import org.probity.inference.smc.Resampler;
import org.probity.inference.smc.Smc;
import org.probity.inference.smc.SmcResult;
import org.probity.inference.smc.Transform;
import org.probity.random.Rngs;

/** Bootstrap particle filter on a three-state hidden Markov model with Gaussian emissions, against the exact forward algorithm. */
@Example(name = "hmm", description = "Three-state HMM with Gaussian emissions: bootstrap particle filter against the exact forward algorithm")
public final class HmmFilter {
  static final double[] INIT = {0.5, 0.3, 0.2};
  static final double[][] TRANS = {{0.8, 0.15, 0.05}, {0.1, 0.8, 0.1}, {0.05, 0.15, 0.8}};
  static final double[] MU = {-2, 0, 2};
  static final double SIGMA = 1.0;

  private HmmFilter() {
  }

  /** Observations simulated from the model. */
  public static double[] simulate(int t, long seed) {
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

  /**
   * x[0] ~ INIT, x[t] ~ TRANS[x[t-1]], y[t] ~ N(MU[x[t]], SIGMA); returns the last state. Written
   * with the state-space combinator, so SMC keeps each particle as its state alone; the
   * distributions are built once (a distribution is an immutable value).
   */
  public static Prob<Integer> model(double[] y) {
    Categorical init = categorical(INIT);
    Categorical[] trans = new Categorical[TRANS.length];
    Normal[] emit = new Normal[MU.length];
    for (int k = 0; k < TRANS.length; k++) {
      trans[k] = categorical(TRANS[k]);
      emit[k] = normal(MU[k], SIGMA);
    }
    return stateSpace(init, (Integer x) -> trans[x], (Integer x) -> emit[x]).observe(reals(y));
  }

  /** The forward algorithm: p(x[T-1] | y) in [0..K-1] and the log evidence in [K]; {@code logZ[t]} gets log p(y[0..t]). */
  public static double[] forward(double[] y, double[] logZ) {
    int k = INIT.length;
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
    }
    double[] out = java.util.Arrays.copyOf(alpha, k + 1);
    out[k] = lz;
    return out;
  }

  /** Filters 200 simulated observations and prints the running and final estimates next to the exact values. */
  public static void main(String[] args) {
    Args a = Args.of("hmm", args, "particles: SMC particles (default 5000)",
        "steps: simulated observations (default 200)");
    if (a.help()) {
      return;
    }
    int particles = a.positiveInt(0, 5_000);
    int steps = a.positiveInt(1, 200);
    double[] y = simulate(steps, 42);
    double[] logZ = new double[steps];
    double[] exact = forward(y, logZ);
    System.out.println("step   SMC log p(y[0..t])   exact       ESS before resampling   E[x[t] | y[0..t]]");
    Transform<Integer> report = p -> {
      if (p.step() % Math.max(1, steps / 10) == 0) {
        System.out.printf("%4d   %16.4f   %10.4f   %8.1f                %6.3f%n", p.step(), p.logEvidenceEstimate(),
            logZ[p.step() - 1], p.ess(), p.filteringExpectation((Integer x) -> x));
      }
      return new Pure<>(p);
    };
    SmcResult<Integer> r = Smc.run(Smc.sis(Population.spawn(model(y), particles),
        report.andThen(Transform.resample(Resampler.SYSTEMATIC))), 1);
    System.out.println(r);
    System.out.printf("log evidence: SMC %.4f, exact (forward algorithm) %.4f%n", r.logEvidence(), exact[3]);
    for (int k = 0; k < 3; k++) {
      int state = k;
      System.out.printf("P(x[%d] = %d | y): SMC %.4f, exact %.4f%n", steps - 1, k, r.expectation(x -> x == state ? 1 : 0), exact[k]);
    }
  }
}
