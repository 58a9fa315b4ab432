package org.probity.examples;

import static org.probity.Probity.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.inference.tempered.Schedule;
import org.probity.inference.tempered.TemperedConfig;
import org.probity.inference.tempered.TemperedResult;
import org.probity.inference.tempered.TemperedSmc;
import org.probity.random.Rngs;

/**
 * Model comparison by log evidence: is a curve a line or a parabola? Polynomial regressions of
 * degree 1 and 2 with known noise, alpha, beta_j ~ Normal(0, tau), y ~ NormalIdGlm([x, x^2, ...],
 * alpha, beta, sigma) (one observation of the whole vector), on data drawn from a parabola. The
 * log evidence of each model comes from tempered SMC with NUTS moves (adaptive schedule) and from
 * annealed importance sampling, beside the exact Gaussian evidence; the difference is the log
 * Bayes factor, and with equal prior odds the posterior probability of each model follows.
 * Arguments: [particles (default 1000)] [seed (default 1)].
 */
@Example(name = "evidence", description = "Model comparison by log evidence: line vs parabola, tempered SMC with NUTS and AIS vs the exact Gaussian evidence")
public final class RegressionEvidence {
  /** The prior standard deviation of every coefficient. */
  public static final double TAU = 2.0;
  /** The known noise standard deviation. */
  public static final double SIGMA = 0.5;
  /** The curve the data are drawn from: y = 0.5 + 1.0 x - 0.3 x^2 + noise. */
  public static final double[] TRUE = {0.5, 1.0, -0.3};

  private RegressionEvidence() {
  }

  /** Inputs and outputs. */
  public record Data(double[] x, double[] y) {
  }

  /** The example's data: 30 points from seed 1 (the exact log Bayes factor is 4.57 for the parabola). */
  public static Data data() {
    return synthetic(30, 1);
  }

  /** {@code n} points with x ~ Uniform(-2, 2) and y from the true parabola plus Normal(0, sigma) noise. */
  public static Data synthetic(int n, long seed) {
    UniformRandomProvider rng = Rngs.of(seed);
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = uniform(-2, 2).sampleDouble(rng);
      y[i] = TRUE[0] + TRUE[1] * x[i] + TRUE[2] * x[i] * x[i] + normal(0, SIGMA).sampleDouble(rng);
    }
    return new Data(x, y);
  }

  /** The design matrix of a polynomial of the given degree without its constant column: x, x^2, ... */
  public static DMatrixRMaj design(double[] x, int degree) {
    DMatrixRMaj m = new DMatrixRMaj(x.length, degree);
    for (int i = 0; i < x.length; i++) {
      double p = 1;
      for (int j = 0; j < degree; j++) {
        p *= x[i];
        m.set(i, j, p);
      }
    }
    return m;
  }

  /** The regression of the given degree: alpha, beta_j ~ Normal(0, tau); y ~ NormalIdGlm. Returns (alpha, beta). */
  public static Prob<double[]> model(Data data, int degree) {
    DMatrixRMaj x = design(data.x(), degree);
    Real sigma = Real.of(SIGMA);
    return sample("alpha", normal(0, TAU)).flatMap(alpha ->
        forEach(0, degree, j -> sample(addr("beta", j), normal(0, TAU))).flatMap(betas -> {
          Real[] beta = betas.toArray(new Real[0]);
          return observe(normalIdGlm(x, alpha, beta, sigma), data.y()).map(u -> {
            double[] out = new double[degree + 1];
            out[0] = alpha.value();
            for (int j = 0; j < degree; j++) {
              out[j + 1] = beta[j].value();
            }
            return out;
          });
        }));
  }

  /**
   * The exact log evidence of the regression of the given degree. With Phi = [1, x, ..., x^d]
   * (n x k), the posterior precision P = I / tau^2 + Phi' Phi / sigma^2 and b = Phi' y / sigma^2,
   * y ~ Normal(0, sigma^2 I + tau^2 Phi Phi'), and by the Woodbury identity and the matrix
   * determinant lemma log p(y) = -n/2 log(2 pi) - n log sigma - k log tau - 1/2 log det P
   * - 1/2 (y'y / sigma^2 - b' P^-1 b) (Bishop, "Pattern Recognition and Machine Learning", 3.5.1).
   */
  public static double exactLogEvidence(Data data, int degree) {
    int n = data.x().length;
    int k = degree + 1;
    DMatrixRMaj phi = new DMatrixRMaj(n, k);
    for (int i = 0; i < n; i++) {
      double p = 1;
      for (int j = 0; j < k; j++) {
        phi.set(i, j, p);
        p *= data.x()[i];
      }
    }
    DMatrixRMaj precision = new DMatrixRMaj(k, k);
    CommonOps_DDRM.multTransA(phi, phi, precision);
    CommonOps_DDRM.scale(1 / (SIGMA * SIGMA), precision);
    for (int j = 0; j < k; j++) {
      precision.add(j, j, 1 / (TAU * TAU));
    }
    DMatrixRMaj y = new DMatrixRMaj(n, 1, true, data.y());
    DMatrixRMaj b = new DMatrixRMaj(k, 1);
    CommonOps_DDRM.multTransA(phi, y, b);
    CommonOps_DDRM.scale(1 / (SIGMA * SIGMA), b);
    DMatrixRMaj mean = new DMatrixRMaj(k, 1);
    if (!CommonOps_DDRM.solve(precision, b, mean)) {
      throw new IllegalStateException("the posterior precision is singular");
    }
    double yy = CommonOps_DDRM.dot(y, y);
    double bm = CommonOps_DDRM.dot(b, mean);
    return -0.5 * n * Math.log(2 * Math.PI) - n * Math.log(SIGMA) - k * Math.log(TAU)
        - 0.5 * Math.log(CommonOps_DDRM.det(precision)) - 0.5 * (yy / (SIGMA * SIGMA) - bm);
  }

  /** One model's evidence: exact, by tempered SMC and by AIS, with the SMC posterior means of the coefficients. */
  public record Evidence(int degree, double exact, TemperedResult<double[]> smc, TemperedResult<double[]> ais) {
    /** The SMC posterior mean of coefficient j (0: alpha). */
    public double mean(int j) {
      return smc.expectation(c -> c[j]);
    }
  }

  /**
   * Tempered SMC with NUTS moves ({@code TemperedConfig.defaults()}: adaptive schedule, 2 moves
   * per stage) and AIS (geometric schedule of 100 stages, a fifth of the particles) on the
   * regressions of degree 1 and 2.
   */
  public static List<Evidence> compare(Data data, int particles, long seed) {
    List<Evidence> out = new ArrayList<>();
    for (int degree = 1; degree <= 2; degree++) {
      Prob<double[]> m = model(data, degree);
      TemperedResult<double[]> smc = TemperedSmc.run(m, TemperedConfig.defaults().particles(particles).seed(seed));
      TemperedResult<double[]> ais = TemperedSmc.run(m, TemperedConfig.ais(Schedule.geometric(100, 1e-3))
          .particles(Math.max(10, particles / 5)).moves(1).seed(seed));
      out.add(new Evidence(degree, exactLogEvidence(data, degree), smc, ais));
    }
    return out;
  }

  /** Prints each model's log evidence (SMC, AIS, exact), the log Bayes factor and the posterior model probabilities. */
  public static void main(String[] args) {
    Args a = Args.of("evidence", args, "particles: tempered-SMC particles (default 1000)",
        "seed: random seed (default 1)");
    if (a.help()) {
      return;
    }
    int particles = a.positiveInt(0, 1000);
    long seed = a.longValue(1, 1);
    Data data = data();
    List<Evidence> ev = compare(data, particles, seed);
    System.out.printf(Locale.ROOT, "Line or parabola? %d points from y = %.1f %+.1f x %+.1f x^2 + N(0, %.1f); "
        + "coefficients ~ N(0, %.1f)%n%n", data.x().length, TRUE[0], TRUE[1], TRUE[2], SIGMA, TAU);
    System.out.printf(Locale.ROOT, "%-9s %14s %12s %12s %7s%n", "model", "tempered SMC", "AIS", "exact", "stages");
    // log evidences: tempered SMC and AIS estimates, the closed form, and the SMC's number of stages
    for (Evidence e : ev) {
      System.out.printf(Locale.ROOT, "%-9s %14.3f %12.3f %12.3f %7d%n", e.degree() == 1 ? "line" : "parabola",
          e.smc().logEvidence(), e.ais().logEvidence(), e.exact(), e.smc().stageCount());
    }
    double logBf = ev.get(1).smc().logEvidence() - ev.get(0).smc().logEvidence();
    double exactBf = ev.get(1).exact() - ev.get(0).exact();
    System.out.printf(Locale.ROOT, "%nlog Bayes factor, parabola vs line: %.2f (exact %.2f)%n", logBf, exactBf);
    System.out.printf(Locale.ROOT, "P(parabola | data) with even prior odds: %.6f (exact %.6f)%n",
        1 / (1 + Math.exp(-logBf)), 1 / (1 + Math.exp(-exactBf)));
    Evidence q = ev.get(1);
    System.out.printf(Locale.ROOT, "parabola's posterior means: alpha %.3f, beta (%.3f, %.3f)%n%n", q.mean(0), q.mean(1),
        q.mean(2));
    System.out.println("tempered SMC on the parabola, stage by stage:");
    System.out.print(q.smc().stageTable());
  }
}
