package org.probity.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.commons.statistics.distribution.TDistribution;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.probity.examples.RegressionEvidence.Data;
import org.probity.examples.RegressionEvidence.Evidence;

/**
 * The model-comparison example: its exact evidence is the Gaussian marginal likelihood, and over
 * eight seeds the tempered-SMC and AIS log evidences agree with it within the Student-t tolerance of
 * their replicates (as in {@code TemperedConjugateTest}), and both prefer the parabola.
 */
class RegressionEvidenceTest {
  static final Data DATA = RegressionEvidence.data();
  static final int REPLICATES = 8;

  @Test
  void exactEvidenceIsTheGaussianMarginalLikelihood() {
    for (int degree = 1; degree <= 2; degree++) {
      assertEquals(direct(DATA, degree), RegressionEvidence.exactLogEvidence(DATA, degree), 1e-8, "degree " + degree);
    }
  }

  /** log Normal(y; 0, sigma^2 I + tau^2 Phi Phi') by an n x n Cholesky factorisation. */
  static double direct(Data d, int degree) {
    int n = d.x().length;
    DMatrixRMaj c = new DMatrixRMaj(n, n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int p = 0; p <= degree; p++) {
          s += Math.pow(d.x()[i], p) * Math.pow(d.x()[j], p);
        }
        c.set(i, j, RegressionEvidence.TAU * RegressionEvidence.TAU * s
            + (i == j ? RegressionEvidence.SIGMA * RegressionEvidence.SIGMA : 0));
      }
    }
    CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
    assertTrue(chol.decompose(c.copy()));
    DMatrixRMaj l = chol.getT(null);
    double logDet = 0;
    for (int i = 0; i < n; i++) {
      logDet += 2 * Math.log(l.get(i, i));
    }
    DMatrixRMaj y = new DMatrixRMaj(n, 1, true, d.y());
    DMatrixRMaj z = new DMatrixRMaj(n, 1);
    CommonOps_DDRM.solve(c, y, z);
    return -0.5 * n * Math.log(2 * Math.PI) - 0.5 * logDet - 0.5 * CommonOps_DDRM.dot(y, z);
  }

  @Test
  void temperedSmcAndAisAgreeWithTheExactEvidenceAndPreferTheParabola() {
    double[][][] logZ = new double[2][2][REPLICATES]; // [degree - 1][smc, ais][replicate]
    for (int r = 0; r < REPLICATES; r++) {
      List<Evidence> ev = RegressionEvidence.compare(DATA, 200, r + 1);
      for (Evidence e : ev) {
        logZ[e.degree() - 1][0][r] = e.smc().logEvidence();
        logZ[e.degree() - 1][1][r] = e.ais().logEvidence();
      }
    }
    double t = TDistribution.of(REPLICATES - 1).inverseSurvivalProbability(0.0005);
    for (int degree = 1; degree <= 2; degree++) {
      double exact = RegressionEvidence.exactLogEvidence(DATA, degree);
      for (int k = 0; k < 2; k++) {
        double[] xs = logZ[degree - 1][k];
        double m = mean(xs, x -> x);
        double v = mean(xs, x -> (x - m) * (x - m)) * REPLICATES / (REPLICATES - 1);
        // E[log Zhat] = log Z - Var(log Zhat) / 2 to first order (Zhat is unbiased)
        assertEquals(exact, m + v / 2, t * Math.sqrt(v / REPLICATES),
            (k == 0 ? "tempered SMC" : "AIS") + ", degree " + degree + ": log evidences " + java.util.Arrays.toString(xs));
      }
    }
    double exactBf = RegressionEvidence.exactLogEvidence(DATA, 2) - RegressionEvidence.exactLogEvidence(DATA, 1);
    assertEquals(4.57, exactBf, 0.005, "the example's data favour the parabola, odds about 100 to 1");
    for (int r = 0; r < REPLICATES; r++) {
      assertTrue(logZ[1][0][r] - logZ[0][0][r] > 3 && logZ[1][1][r] - logZ[0][1][r] > 3, "replicate " + r);
    }
  }

  static double mean(double[] xs, ToDoubleFunction<Double> f) {
    double s = 0;
    for (double x : xs) {
      s += f.applyAsDouble(x);
    }
    return s / xs.length;
  }

  @Test
  void mainPrintsTheComparison() {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      RegressionEvidence.main(new String[] {"60", "2"});
    } finally {
      System.setOut(old);
    }
    String out = buf.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("log Bayes factor, parabola vs line") && out.contains("P(parabola | data)")
        && out.contains("stage"), out);
  }
}
