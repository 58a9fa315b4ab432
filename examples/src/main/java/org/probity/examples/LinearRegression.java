package org.probity.examples;

import static org.probity.Probity.*;

import org.apache.commons.rng.UniformRandomProvider;
import org.probity.core.Prob;
import org.probity.random.Rngs;
import org.probity.semantics.ImportanceSampling;
import org.probity.semantics.WeightedSample;

/**
 * Bayesian linear regression with known noise: intercept, slope ~ Normal(0, tau), y_i ~
 * Normal(intercept + slope x_i, sigma), by likelihood-weighted importance sampling, beside the
 * exact conjugate Gaussian posterior (Bishop, "Pattern Recognition and Machine Learning", 3.3).
 */
@Example(name = "regression", description = "Bayesian linear regression, known noise; importance sampling vs the exact Gaussian posterior")
public final class LinearRegression {
  /** Prior standard deviation of intercept and slope. */
  public static final double TAU = 2.0;
  /** Known noise standard deviation. */
  public static final double SIGMA = 1.0;

  private LinearRegression() {
  }

  /** A line. */
  public record Line(double intercept, double slope) {
  }

  /** Observed inputs and outputs. */
  public record Data(double[] x, double[] y) {
  }

  /** {@code n} points from y = 1 + 2 x + Normal(0, sigma) noise, x ~ Uniform(-1, 1), from a seed. */
  public static Data synthetic(int n, long seed) {
    UniformRandomProvider rng = Rngs.of(seed);
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = uniform(-1, 1).sampleDouble(rng);
      y[i] = 1 + 2 * x[i] + normal(0, SIGMA).sampleDouble(rng);
    }
    return new Data(x, y);
  }

  /** intercept, slope ~ Normal(0, tau); y_i ~ Normal(intercept + slope x_i, sigma). */
  public static Prob<Line> model(double[] x, double[] y) {
    return sample(normal(0, TAU), intercept ->
        sample(normal(0, TAU), slope ->
        plate(y, i -> normal(intercept.plus(slope.times(x[i])), SIGMA))
        .map(done -> new Line(intercept.value(), slope.value()))));
  }

  /** The exact posterior N(mean, cov): precision X'X / sigma^2 + I / tau^2, mean cov X'y / sigma^2. */
  public record Gaussian(double[] mean, double[][] cov) {
    /** Standard deviation of coordinate i. */
    public double sd(int i) {
      return Math.sqrt(cov[i][i]);
    }
  }

  /** The conjugate posterior of (intercept, slope), by hand for two parameters. */
  public static Gaussian exactPosterior(double[] x, double[] y) {
    double s2 = SIGMA * SIGMA;
    double n = x.length;
    double sx = 0;
    double sxx = 0;
    double sy = 0;
    double sxy = 0;
    for (int i = 0; i < x.length; i++) {
      sx += x[i];
      sxx += x[i] * x[i];
      sy += y[i];
      sxy += x[i] * y[i];
    }
    double p00 = n / s2 + 1 / (TAU * TAU);
    double p01 = sx / s2;
    double p11 = sxx / s2 + 1 / (TAU * TAU);
    double det = p00 * p11 - p01 * p01;
    double[][] cov = {{p11 / det, -p01 / det}, {-p01 / det, p00 / det}};
    double b0 = sy / s2;
    double b1 = sxy / s2;
    double[] mean = {cov[0][0] * b0 + cov[0][1] * b1, cov[1][0] * b0 + cov[1][1] * b1};
    return new Gaussian(mean, cov);
  }

  /** Likelihood weighting with {@code n} samples. */
  public static WeightedSample<Line> posterior(Data data, int n, long seed) {
    return ImportanceSampling.run(model(data.x(), data.y()), n, seed);
  }

  /** Prints the importance-sampling posterior beside the exact one. */
  public static void main(String[] args) {
    Args a = Args.of("regression", args, "samples: importance samples (default 100000)");
    if (a.help()) {
      return;
    }
    int n = a.positiveInt(0, 100_000);
    Data data = synthetic(10, 7);
    WeightedSample<Line> post = posterior(data, n, 42);
    Gaussian exact = exactPosterior(data.x(), data.y());
    System.out.printf("Linear regression, %d points from y = 1 + 2x + N(0, %.1f); priors N(0, %.1f)%n", data.x().length, SIGMA, TAU);
    System.out.println("importance sampling: " + post.summary("intercept", Line::intercept));
    System.out.println("importance sampling: " + post.summary("slope", Line::slope));
    System.out.printf("%-21s%-12s mean %9.4f  sd %8.4f%n", "exact Gaussian:", "intercept", exact.mean()[0], exact.sd(0));
    System.out.printf("%-21s%-12s mean %9.4f  sd %8.4f%n", "exact Gaussian:", "slope", exact.mean()[1], exact.sd(1));
  }
}
