package org.probity.inference.hmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.probity.random.Rngs;

/** Metrics: kinetic energy, velocity, momentum law p ~ N(0, M), validation. */
class MetricTest {

  @Test
  void denseMomentaHaveCovarianceTheMetric() {
    double[][] inv = {{2.0, 0.6, 0.1}, {0.6, 1.0, -0.3}, {0.1, -0.3, 0.5}};
    DenseMetric m = Metric.dense(inv);
    double[][] mass = Targets.inverse(inv);
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(Rngs.of(2));
    int n = 200_000;
    double[][] s = new double[3][3];
    double[] p = new double[3];
    double kinetic = 0;
    for (int k = 0; k < n; k++) {
      m.sampleMomentum(g, p);
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) {
          s[i][j] += p[i] * p[j] / n;
        }
      }
      kinetic += m.kineticEnergy(p) / n;
    }
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        // sd of a product moment is at most sqrt(M_ii M_jj (1 + rho^2)) / sqrt(n); 5 of them.
        double tol = 5 * Math.sqrt(2 * mass[i][i] * mass[j][j] / n);
        assertEquals(mass[i][j], s[i][j], tol, "(" + i + ", " + j + ")");
      }
    }
    // T = p' M^-1 p / 2 is chi-square(3) / 2 under p ~ N(0, M): mean 1.5, sd sqrt(6)/2.
    assertEquals(1.5, kinetic, 5 * Math.sqrt(1.5 / n));
    double[] v = new double[3];
    m.velocity(new double[] {1, 2, 3}, v);
    assertEquals(2.0 + 1.2 + 0.3, v[0], 1e-15);
    assertEquals(0.5 * (1 * (2.0 + 1.2 + 0.3) + 2 * (0.6 + 2.0 - 0.9) + 3 * (0.1 - 0.6 + 1.5)),
        m.kineticEnergy(new double[] {1, 2, 3}), 1e-14);
  }

  @Test
  void diagonalMomentaHaveVarianceOneOverTheInverseMetric() {
    DiagonalMetric m = Metric.diagonal(4.0, 0.25);
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(Rngs.of(3));
    int n = 200_000;
    double[] s = new double[2];
    double[] p = new double[2];
    for (int k = 0; k < n; k++) {
      m.sampleMomentum(g, p);
      s[0] += p[0] * p[0] / n;
      s[1] += p[1] * p[1] / n;
    }
    assertEquals(0.25, s[0], 5 * 0.25 * Math.sqrt(2.0 / n));
    assertEquals(4.0, s[1], 5 * 4.0 * Math.sqrt(2.0 / n));
    assertEquals(0.5 * (4.0 * 1 + 0.25 * 4), m.kineticEnergy(new double[] {1, 2}), 1e-15);
  }

  @Test
  void invalidMetricsAreRefusedNamingTheEntry() {
    InvalidMetricException e = assertThrows(InvalidMetricException.class, () -> Metric.diagonal(1.0, -2.0));
    assertTrue(e.getMessage().contains("entry 1") && e.getMessage().contains("-2.0"), e.getMessage());
    e = assertThrows(InvalidMetricException.class,
        () -> Metric.dense(new double[][] {{1, 2}, {2, 1}}));
    assertTrue(e.getMessage().contains("not positive definite"), e.getMessage());
    e = assertThrows(InvalidMetricException.class,
        () -> Metric.dense(new double[][] {{1, 0.5}, {0.4, 1}}));
    assertTrue(e.getMessage().contains("symmetric"), e.getMessage());
    assertThrows(InvalidMetricException.class,
        () -> new Nuts(Targets.standardNormal(3), Metric.unit(2), 0.1, 10, 1000, Rngs.of(1)));
  }
}
