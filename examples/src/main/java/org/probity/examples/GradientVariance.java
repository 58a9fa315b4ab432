package org.probity.examples;

import static org.probity.Probity.addr;
import static org.probity.Probity.bernoulli;
import static org.probity.Probity.forEach;
import static org.probity.Probity.normal;
import static org.probity.Probity.observe;
import static org.probity.Probity.pure;
import static org.probity.Probity.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.random.Rngs;
import org.probity.vi.adev.Baseline;
import org.probity.vi.adev.Estimator;
import org.probity.vi.adev.Estimators;
import org.probity.vi.adev.Expectation;
import org.probity.vi.objectives.Generative;
import org.probity.vi.objectives.Objectives;
import org.probity.vi.param.Gradient;
import org.probity.vi.param.Init;
import org.probity.vi.param.ParamStore;
import org.probity.vi.param.Params;

/**
 * The gradient estimators side by side on a discrete-latent model: three binary causes z_i ~
 * Bernoulli(1/2) of one observation y ~ Normal(sum_i w_i z_i, 0.5), y = 1.3, and the mean-field
 * guide q(z_i) = Bernoulli(logistic(phi_i)). The ELBO's gradient is estimated many times by
 * REINFORCE, REINFORCE with a moving-average baseline, leave-one-out REINFORCE over 4 draws,
 * MVD and ENUM; the table gives each estimator's mean gradient (against the exact gradient, which
 * ENUM computes), its total variance (the sum over the three coordinates) and its cost. The
 * trade-off of the genjax.vi paper's figure 7 in miniature: ENUM is exact but costs one run of the
 * rest per support point at every choice (2^3 here), MVD runs the rest twice per choice, REINFORCE
 * once. Arguments: [estimates per estimator (default 20000)] [seed (default 1)].
 */
@Example(name = "vi-estimators", description = "Gradient variance of REINFORCE, REINFORCE+baseline, leave-one-out, MVD and ENUM on a discrete-latent ELBO")
public final class GradientVariance {
  static final double[] W = {1.0, 0.6, -0.4};
  static final double Y = 1.3;
  static final double[] PHI = {0.2, -0.3, 0.5};

  private GradientVariance() {
  }

  /** One estimator's row: the mean and variance of each gradient coordinate, and microseconds per estimate. */
  public record Row(String estimator, double[] mean, double[] variance, double micros) {
    /** The sum of the coordinates' variances. */
    public double totalVariance() {
      return variance[0] + variance[1] + variance[2];
    }
  }

  static Prob<double[]> model() {
    return forEach(0, W.length, i -> sample(addr("z", i), bernoulli(0.5))).flatMap(zs -> {
      double mean = 0;
      for (int i = 0; i < W.length; i++) {
        mean += zs.get(i) ? W[i] : 0;
      }
      return observe(normal(mean, 0.5), Y).then(() -> pure(new double[0]));
    });
  }

  static Prob<List<Boolean>> guide(Params p, Estimator e) {
    Real[] phi = p.vector("phi", W.length, Init.values(PHI));
    return Estimators.with(forEach(0, W.length, i -> sample(addr("z", i), bernoulli(phi[i].logistic()))), e);
  }

  /** The ELBO with every guide choice estimated by {@code e}. */
  public static Expectation elbo(Estimator e) {
    return Objectives.elbo(Generative.of(model()), Generative.of(p -> guide(p, e)));
  }

  /** The exact gradient of the ELBO (ENUM's estimate, deterministic). */
  public static double[] exactGradient() {
    return elbo(Estimators.ENUM).gradEstimate(new ParamStore(), Rngs.of(0)).get("phi");
  }

  /** Each estimator's row from {@code n} estimates. */
  public static List<Row> run(int n, long seed) {
    String[] names = {"REINFORCE", "REINFORCE+baseline", "leave-one-out(4)", "MVD", "ENUM"};
    Estimator[] estimators = {Estimators.REINFORCE, Baseline.movingAverage(0.9), Estimators.leaveOneOut(4), Estimators.MVD,
        Estimators.ENUM};
    UniformRandomProvider rng = Rngs.of(seed);
    for (Estimator e : estimators) {
      Expectation elbo = elbo(e);
      ParamStore store = new ParamStore();
      for (int i = 0; i < 500; i++) {
        elbo.gradEstimate(store, rng); // warm-up: the JIT, and the moving-average baseline
      }
    }
    List<Row> rows = new ArrayList<>();
    for (int k = 0; k < names.length; k++) {
      Expectation elbo = elbo(estimators[k]);
      ParamStore store = new ParamStore();
      double[] mean = new double[W.length];
      double[] m2 = new double[W.length];
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        Gradient g = elbo.gradEstimate(store, rng);
        for (int j = 0; j < W.length; j++) { // Welford's running mean and sum of squares
          double x = g.get("phi", j);
          double d = x - mean[j];
          mean[j] += d / (i + 1);
          m2[j] += d * (x - mean[j]);
        }
      }
      double micros = (System.nanoTime() - t0) * 1e-3 / n;
      double[] var = new double[W.length];
      for (int j = 0; j < W.length; j++) {
        var[j] = m2[j] / (n - 1);
      }
      rows.add(new Row(names[k], mean, var, micros));
    }
    return rows;
  }

  /** Prints the table. */
  public static void main(String[] args) {
    Args cli = Args.of("vi-estimators", args, "estimates: gradient estimates per estimator (default 20000)",
        "seed: random seed (default 1)");
    if (cli.help()) {
      return;
    }
    int n = cli.positiveInt(0, 20_000);
    List<Row> rows = run(n, cli.longValue(1, 1));
    double[] exact = exactGradient();
    System.out.printf(Locale.ROOT, "ELBO gradient of a 3-cause discrete model, %d estimates per estimator%n", n);
    System.out.printf(Locale.ROOT, "exact gradient (ENUM): [%.4f, %.4f, %.4f]%n", exact[0], exact[1], exact[2]);
    System.out.printf(Locale.ROOT, "%-20s %-28s %14s %12s%n", "estimator", "mean gradient", "total variance", "us/estimate");
    for (Row r : rows) {
      System.out.printf(Locale.ROOT, "%-20s [%7.4f, %7.4f, %7.4f] %14.4g %12.1f%n", r.estimator(), r.mean()[0], r.mean()[1],
          r.mean()[2], r.totalVariance(), r.micros());
    }
  }
}
