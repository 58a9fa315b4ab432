package org.probity.examples;

import static org.probity.Probity.*;

import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.probity.ad.Cholesky;
import org.probity.ad.GpCovariance;
import org.probity.ad.Matrices;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.inference.mcmc.Mcmc;
import org.probity.inference.mcmc.McmcResult;
import org.probity.random.Rngs;

/**
 * Gaussian-process regression with unknown hyperparameters (Rasmussen and Williams, "Gaussian
 * Processes for Machine Learning", 2006, chapters 2 and 5; Stan's user guide, section 10.2, the
 * marginal-likelihood form), by NUTS with {@code Mcmc.run(model, seed)}'s defaults, on the
 * differentiable linear algebra of the tape ({@link GpCovariance#gpExpQuadCov},
 * {@link Matrices#addDiagonal}, {@link Cholesky#factor}):
 *
 * <pre>
 *   rho ~ InverseGamma(5, 5),  alpha ~ HalfNormal(1),  sigma ~ HalfNormal(1)
 *   y ~ MvNormal(0, K(x; alpha, rho) + sigma^2 I)        K[i][j] = alpha^2 exp(-(x_i - x_j)^2 / (2 rho^2))
 *   returned: E[f | y, alpha, rho, sigma] = K (K + sigma^2 I)^-1 y      (columns f.1 .. f.N)
 * </pre>
 *
 * The latent function f is integrated out; each draw returns its conditional posterior mean, so
 * the average of the draws of f.i estimates the posterior mean E[f_i | y] (Rao-Blackwellised).
 * {@link #exact} computes that mean and the hyperparameters' posterior means by quadrature over
 * (log rho, log alpha, log sigma), each term by EJML's Cholesky. Arguments: [points N (default
 * 20)] [seed (default 1)].
 */
@Example(name = "gp-regression", description = "Gaussian-process regression, unknown hyperparameters; NUTS defaults vs the exact posterior mean of f")
public final class GpRegression {
  /** Jitter added to the kernel's diagonal. */
  public static final double JITTER = 1e-9;

  private GpRegression() {
  }

  /** Inputs and noisy observations. */
  public record Data(double[] x, double[] y) {
  }

  /** N points on [0, 10], y = sin(x) + Normal(0, 0.3^2). */
  public static Data synthetic(int n, long seed) {
    UniformRandomProvider rng = Rngs.of(seed);
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = 10.0 * i / (n - 1);
      y[i] = Math.sin(x[i]) + 0.3 * g.sample();
    }
    return new Data(x, y);
  }

  /** The conditional posterior mean of the latent function at the inputs, a derived quantity (f.1 .. f.N). */
  public record Latent(double[] f) {
  }

  /** The model. */
  public static Prob<Latent> model(Data data) {
    int n = data.x().length;
    Real[] zero = Real.of(new double[n]);
    Real[] y = Real.of(data.y().clone());
    return sample("rho", inverseGamma(5, 5)).flatMap(rho -> sample("alpha", halfNormal(1)).flatMap(alpha ->
        sample("sigma", halfNormal(1)).flatMap(sigma -> {
          Real[][] k = GpCovariance.gpExpQuadCov(data.x(), alpha, rho);
          Real[][] l = Cholesky.factor(Matrices.addDiagonal(k, sigma.square().plus(JITTER)));
          return observe(mvNormalCholesky(zero, l), y).then(() -> pure(new Latent(conditionalMean(k, l, data.y()))));
        })));
  }

  /** K (L L')^-1 y on the values (no tape nodes): the mean of f given y and the hyperparameters. */
  static double[] conditionalMean(Real[][] k, Real[][] l, double[] y) {
    int n = y.length;
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      double s = y[i];
      for (int j = 0; j < i; j++) {
        s -= l[i][j].value() * z[j];
      }
      z[i] = s / l[i][i].value();
    }
    for (int i = n - 1; i >= 0; i--) {
      double s = z[i];
      for (int j = i + 1; j < n; j++) {
        s -= l[j][i].value() * z[j];
      }
      z[i] = s / l[i][i].value();
    }
    double[] f = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < n; j++) {
        s += k[i][j].value() * z[j];
      }
      f[i] = s;
    }
    return f;
  }

  /** NUTS with the default settings and the given seed. */
  public static McmcResult<Latent> run(Data data, long seed) {
    return Mcmc.run(model(data), seed);
  }

  /**
   * The exact posterior means (by quadrature) of f at the inputs and of the hyperparameters, and
   * the posterior mass in the outermost cells of the grid (small when the grid covers the
   * posterior).
   *
   * @param f E[f_i | y]
   * @param rho E[rho | y]
   * @param alpha E[alpha | y]
   * @param sigma E[sigma | y]
   * @param edgeMass the posterior mass of the grid's outer cells
   */
  public record Exact(double[] f, double rho, double alpha, double sigma, double edgeMass) {
  }

  /**
   * The posterior means by quadrature: a midpoint grid of {@code points}^3 over log rho in
   * [log 0.3, log 6], log alpha in [log 0.1, log 5] and log sigma in [log 0.05, log 1.5], each
   * point weighted by the prior (with the log-scale Jacobian) times the GP marginal likelihood
   * N(y | 0, K + sigma^2 I) and carrying the conditional mean K (K + sigma^2 I)^-1 y.
   */
  public static Exact exact(Data data, int points) {
    int n = data.x().length;
    double[] lo = {Math.log(0.3), Math.log(0.1), Math.log(0.05)};
    double[] hi = {Math.log(6), Math.log(5), Math.log(1.5)};
    double[] h = new double[3];
    for (int d = 0; d < 3; d++) {
      h[d] = (hi[d] - lo[d]) / points;
    }
    DMatrixRMaj k = new DMatrixRMaj(n, n);
    DMatrixRMaj c = new DMatrixRMaj(n, n);
    CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
    int cells = points * points * points;
    double[] logW = new double[cells];
    double[][] means = new double[cells][];
    double[][] theta = new double[cells][];
    boolean[] edge = new boolean[cells];
    double maxLog = Double.NEGATIVE_INFINITY;
    for (int a = 0, cell = 0; a < points; a++) {
      for (int b = 0; b < points; b++) {
        for (int s = 0; s < points; s++, cell++) {
          double lrho = lo[0] + (a + 0.5) * h[0];
          double lalpha = lo[1] + (b + 0.5) * h[1];
          double lsigma = lo[2] + (s + 0.5) * h[2];
          double rho = Math.exp(lrho);
          double alpha = Math.exp(lalpha);
          double sigma = Math.exp(lsigma);
          for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
              double d = data.x()[i] - data.x()[j];
              double kij = alpha * alpha * Math.exp(-d * d / (2 * rho * rho));
              k.set(i, j, kij);
              c.set(i, j, kij + (i == j ? sigma * sigma + JITTER : 0));
            }
          }
          if (!chol.decompose(c)) {
            throw new IllegalStateException("K + sigma^2 I is not positive definite at rho " + rho);
          }
          DMatrixRMaj l = chol.getT(null);
          double[] z = forwardSolve(l, data.y());
          double quad = 0;
          double logDet = 0;
          for (int i = 0; i < n; i++) {
            quad += z[i] * z[i];
            logDet += Math.log(l.get(i, i));
          }
          // InverseGamma(5, 5) on rho, HalfNormal(1) on alpha and sigma, and the Jacobian rho alpha sigma.
          double logPrior = -6 * lrho - 5 / rho - 0.5 * alpha * alpha - 0.5 * sigma * sigma + lrho + lalpha + lsigma;
          logW[cell] = -0.5 * quad - logDet + logPrior;
          maxLog = Math.max(maxLog, logW[cell]);
          double[] w = backSolve(l, z);
          double[] m = new double[n];
          for (int i = 0; i < n; i++) {
            double acc = 0;
            for (int j = 0; j < n; j++) {
              acc += k.get(i, j) * w[j];
            }
            m[i] = acc;
          }
          means[cell] = m;
          theta[cell] = new double[] {rho, alpha, sigma};
          edge[cell] = a == 0 || b == 0 || s == 0 || a == points - 1 || b == points - 1 || s == points - 1;
        }
      }
    }
    double total = 0;
    double edgeMass = 0;
    double[] f = new double[n];
    double[] hyper = new double[3];
    for (int cell = 0; cell < cells; cell++) {
      double w = Math.exp(logW[cell] - maxLog);
      total += w;
      edgeMass += edge[cell] ? w : 0;
      for (int i = 0; i < n; i++) {
        f[i] += w * means[cell][i];
      }
      for (int d = 0; d < 3; d++) {
        hyper[d] += w * theta[cell][d];
      }
    }
    for (int i = 0; i < n; i++) {
      f[i] /= total;
    }
    return new Exact(f, hyper[0] / total, hyper[1] / total, hyper[2] / total, edgeMass / total);
  }

  /** L'^-1 b for lower-triangular L. */
  private static double[] backSolve(DMatrixRMaj l, double[] b) {
    int n = b.length;
    double[] z = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = b[i];
      for (int j = i + 1; j < n; j++) {
        s -= l.get(j, i) * z[j];
      }
      z[i] = s / l.get(i, i);
    }
    return z;
  }

  /** L^-1 b for lower-triangular L. */
  private static double[] forwardSolve(DMatrixRMaj l, double[] b) {
    int n = b.length;
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      double s = b[i];
      for (int j = 0; j < i; j++) {
        s -= l.get(i, j) * z[j];
      }
      z[i] = s / l.get(i, i);
    }
    return z;
  }

  /** Prints the summary and warnings, then the exact posterior mean of f beside NUTS's. */
  public static void main(String[] args) {
    Args cli = Args.of("gp-regression", args, "points: number of inputs (default 20)", "seed: random seed (default 1)");
    if (cli.help()) {
      return;
    }
    int n = cli.positiveInt(0, 20);
    long seed = cli.longValue(1, 1);
    Data data = synthetic(n, seed);
    McmcResult<Latent> r = run(data, seed);
    System.out.print(r);
    Exact exact = exact(data, 30);
    System.out.println("\nposterior means: NUTS vs exact (quadrature over the hyperparameters)");
    String[] hyper = {"rho", "alpha", "sigma"};
    double[] e = {exact.rho(), exact.alpha(), exact.sigma()};
    for (int d = 0; d < 3; d++) {
      System.out.printf(Locale.ROOT, "  %-18s NUTS %7.3f  exact %7.3f%n", hyper[d],
          r.summary().row(hyper[d]).orElseThrow().mean(), e[d]);
    }
    for (int i = 0; i < n; i++) {
      double m = r.summary().row("f." + (i + 1)).orElseThrow().mean();
      System.out.printf(Locale.ROOT, "  f(x = %5.2f)       NUTS %7.3f  exact %7.3f  (y = %.3f)%n", data.x()[i], m,
          exact.f()[i], data.y()[i]);
    }
  }
}
