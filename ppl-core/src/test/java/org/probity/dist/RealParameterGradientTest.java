package org.probity.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.probity.ad.Grad;
import org.probity.ad.GradientCheck;
import org.probity.ad.Real;
import org.probity.random.Rngs;

/**
 * The Real parameter paths added for gradient-based inference, each against Richardson finite
 * differences ({@link GradientCheck#mismatch}, 1e-6 relative, which also requires the tape value
 * to equal the constant-path value bit for bit): Categorical from probabilities, logits and
 * weights; MvNormal with a covariance of reals; PoissonLog; the GLM likelihoods. Each row must
 * have a non-zero derivative (else the check would be vacuous). Also: the Real factories draw the
 * same values as their double counterparts.
 */
class RealParameterGradientTest {
  /** A row: name, function of the parameter vector, point. */
  record Row(String name, Function<Real[], Real> f, double[] point) {
  }

  static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      int kk = k;
      rows.add(new Row("Categorical.ofLogits k=" + k, p -> Categorical.ofLogits(p).logProb(kk), new double[] {0.3, -1.2, 2.0}));
      rows.add(new Row("Categorical.ofProbabilities k=" + k,
          p -> Categorical.ofProbabilities(p[0], p[1], p[0].plus(p[1]).rminus(1)).logProb(kk), new double[] {0.25, 0.45}));
      rows.add(new Row("Categorical.ofWeights k=" + k, p -> Categorical.ofWeights(p).logProb(kk), new double[] {0.5, 2.0, 1.3}));
    }
    rows.add(new Row("MvNormal.of(real mean, real covariance)", p -> {
      Real[][] s = {{p[3], p[4], p[6]}, {p[4], p[5], p[7]}, {p[6], p[7], p[8]}};
      return MvNormal.of(new Real[] {p[0], p[1], p[2]}, s).logProb(new Real[] {p[9], p[10], p[11]});
    }, new double[] {0.4, -0.6, 0.9, 2.0, 0.5, 1.5, 0.3, -0.4, 1.2, 1.1, -0.2, 0.4}));
    for (double eta : new double[] {-2, 0.5, 5}) {
      for (int k : new int[] {0, 3, 40}) {
        rows.add(new Row("PoissonLog eta=" + eta + " k=" + k, p -> PoissonLog.of(p[0]).logProb(k), new double[] {eta}));
      }
    }
    double[][] x = {{0.5, -1}, {1.5, 0.2}, {-0.3, 2}, {0.8, 0.1}};
    rows.add(new Row("NormalIdGlm", p -> NormalIdGlm.of(x, p[0], new Real[] {p[1], p[2]}, p[3]).logProb(new double[] {0.3, 1.9, -1.1, 0.7}),
        new double[] {0.2, -0.4, 0.9, 1.3}));
    rows.add(new Row("PoissonLogGlm", p -> PoissonLogGlm.of(x, p[0], new Real[] {p[1], p[2]}).logProb(new int[] {1, 0, 7, 2}),
        new double[] {0.2, -0.4, 0.9}));
    return rows;
  }

  @TestFactory
  Stream<DynamicTest> reverseModeMatchesFiniteDifferences() {
    return rows().stream().map(r -> DynamicTest.dynamicTest(r.name(), () -> {
      assertNull(GradientCheck.mismatch(r.f(), r.point(), GradientCheck.TOL));
      boolean nonZero = false;
      for (double g : Grad.grad(r.f(), r.point()).gradient()) {
        nonZero |= g != 0;
      }
      assertTrue(nonZero, r.name() + ": every derivative is zero, the check would be vacuous");
    }));
  }

  @Test
  void categoricalFormsAgreeWithTheDoubleFactories() {
    double[] logits = {0.3, -1.2, 2.0, -30};
    double[] p = Categorical.ofLogWeights(logits).probabilities();
    Categorical[] same = {
      Categorical.ofLogWeights(logits), Categorical.ofLogits(logits), Categorical.ofLogits(Real.of(logits)),
      Categorical.of(p), Categorical.ofProbabilities(Real.of(p)), Categorical.ofWeights(p), Categorical.ofWeights(Real.of(p))
    };
    for (Categorical c : same) {
      for (int k = 0; k < p.length; k++) {
        assertEquals(Math.log(p[k]), c.logPmf(k), 1e-12, c + " k=" + k);
        assertEquals(c.logPmf(k), c.logProb(k).value(), 0, c + " k=" + k);
      }
      UniformRandomProvider a = Rngs.of(3);
      UniformRandomProvider b = Rngs.of(3);
      for (int n = 0; n < 100; n++) {
        assertEquals(same[0].sample(a), c.sample(b), c.toString());
      }
    }
  }
}
