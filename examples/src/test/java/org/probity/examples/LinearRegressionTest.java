package org.probity.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.probity.examples.LinearRegression.Data;
import org.probity.examples.LinearRegression.Gaussian;
import org.probity.examples.LinearRegression.Line;
import org.probity.semantics.WeightedSample;

/** The regression example's importance-sampling posterior against the conjugate Gaussian posterior. */
class LinearRegressionTest {
  private static final int N = 50_000;

  @Test
  void posteriorMeansWithinFiveMonteCarloStandardErrorsOfTheExactMeans() {
    Data data = LinearRegression.synthetic(10, 7);
    WeightedSample<Line> post = LinearRegression.posterior(data, N, 11);
    Gaussian exact = LinearRegression.exactPosterior(data.x(), data.y());
    assertTrue(post.ess() > 500, "ESS " + post.ess());
    check(post, Line::intercept, exact.mean()[0], "intercept");
    check(post, Line::slope, exact.mean()[1], "slope");
  }

  @Test
  void exactPosteriorSolvesTheNormalEquations() {
    // sigma = 1, tau = 2: sum x = 2, sum x^2 = 6, sum y = 8, sum x y = 14.
    double[] x = {-1, 0, 1, 2};
    double[] y = {-1, 1, 3, 5};
    Gaussian g = LinearRegression.exactPosterior(x, y);
    // Precision [[4 + 1/4, 2], [2, 6 + 1/4]]; right-hand side X'y = [8, 14].
    double p00 = 4.25;
    double p01 = 2;
    double p11 = 6.25;
    double det = p00 * p11 - p01 * p01;
    assertEquals((p11 * 8 - p01 * 14) / det, g.mean()[0], 1e-12);
    assertEquals((-p01 * 8 + p00 * 14) / det, g.mean()[1], 1e-12);
    assertEquals(p11 / det, g.cov()[0][0], 1e-12);
    assertEquals(-p01 / det, g.cov()[0][1], 1e-12);
  }

  private static void check(WeightedSample<Line> post, ToDoubleFunction<Line> f, double exact, String name) {
    double mcse = Math.sqrt(post.variance(f) / post.ess());
    double mean = post.expectation(f);
    assertEquals(exact, mean, 5 * mcse, name + ": IS mean " + mean + ", MCSE " + mcse);
  }
}
