package org.probity.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.probity.ad.Grad;
import org.probity.ad.Real;

/**
 * One property over every distribution: the reverse-mode gradient ({@link Grad#grad}) of the log
 * density with respect to the value (continuous distributions) and every continuous parameter,
 * with the distribution built inside the function from the tape variables, equals the central
 * difference {@link Grad#numericGradient} (step 1e-6) within 1e-5 (|ad - fd| &lt;= 1e-5 (1 + |fd|)).
 * The CDFs (and survival functions), whose parameter derivatives {@link Truncated} relies on, are
 * checked the same way, as is every distribution truncated to an interval around its median.
 * Categorical and DiscreteUniform have no continuous parameter and are absent.
 */
class GradientCheckTest {
  private static final double H = 1e-6;
  private static final double TOL = 1e-5;

  /** A row: name, function of the parameter vector, point. */
  record Row(String name, Function<Real[], Real> f, double[] point) {
  }

  /** A continuous family: a constructor from its parameters and a point (params..., x). */
  record Family(String name, Function<Real[], ContinuousCdf> make, double[] params, double x) {
  }

  static List<Family> families() {
    return List.of(
        new Family("Normal", p -> Normal.of(p[0], p[1]), new double[] {0.3, 1.7}, 1.1),
        new Family("Uniform", p -> Uniform.of(p[0], p[1]), new double[] {-1, 2.5}, 0.4),
        new Family("Beta", p -> Beta.of(p[0], p[1]), new double[] {2.5, 1.5}, 0.35),
        new Family("HalfNormal", p -> HalfNormal.of(p[0]), new double[] {1.3}, 0.9),
        new Family("LogNormal", p -> LogNormal.of(p[0], p[1]), new double[] {0.2, 0.6}, 1.4),
        new Family("StudentT", p -> StudentT.of(p[0], p[1], p[2]), new double[] {3.5, 0.5, 1.2}, 1.9),
        new Family("Cauchy", p -> Cauchy.of(p[0], p[1]), new double[] {0.5, 1.5}, -0.7),
        new Family("HalfCauchy", p -> HalfCauchy.of(p[0]), new double[] {2.5}, 1.2),
        new Family("Laplace", p -> Laplace.of(p[0], p[1]), new double[] {0.5, 1.5}, -0.7),
        new Family("Logistic", p -> Logistic.of(p[0], p[1]), new double[] {0.5, 0.8}, 1.7),
        new Family("Gamma", p -> Gamma.of(p[0], p[1]), new double[] {2.5, 1.5}, 1.2),
        new Family("Gamma.ofShapeScale", p -> Gamma.ofShapeScale(p[0], p[1]), new double[] {0.7, 2}, 0.8),
        new Family("InverseGamma", p -> InverseGamma.of(p[0], p[1]), new double[] {3, 2}, 0.8),
        new Family("Exponential", p -> Exponential.of(p[0]), new double[] {1.5}, 0.6),
        new Family("ChiSquared", p -> ChiSquared.of(p[0]), new double[] {3.5}, 2.2),
        new Family("Weibull", p -> Weibull.of(p[0], p[1]), new double[] {1.7, 2}, 1.3));
  }

  private static Real[] head(Real[] p, int n) {
    Real[] h = new Real[n];
    System.arraycopy(p, 0, h, 0, n);
    return h;
  }

  private static double[] append(double[] a, double... b) {
    double[] c = new double[a.length + b.length];
    System.arraycopy(a, 0, c, 0, a.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (Family fam : families()) {
      int k = fam.params().length;
      rows.add(new Row(fam.name() + " logProb", p -> fam.make().apply(head(p, k)).logProb(p[k]), append(fam.params(), fam.x())));
      rows.add(new Row(fam.name() + " cdf", p -> fam.make().apply(head(p, k)).cdf(p[k]), append(fam.params(), fam.x())));
      rows.add(new Row(fam.name() + " survival", p -> fam.make().apply(head(p, k)).survival(p[k]), append(fam.params(), fam.x())));
      ContinuousCdf base = fam.make().apply(Real.of(fam.params()));
      double lo = base.inverseCdf(0.2);
      double hi = base.inverseCdf(0.9);
      double x = base.inverseCdf(0.6);
      rows.add(new Row("Truncated(" + fam.name() + ") logProb", p -> Truncated.of(fam.make().apply(head(p, k)), p[k], p[k + 1]).logProb(p[k + 2]),
          append(fam.params(), lo, hi, x)));
      double upperLo = base.inverseCdf(0.7);
      double upperX = base.inverseCdf(0.8);
      rows.add(new Row("Truncated(" + fam.name() + ", upper tail) logProb",
          p -> Truncated.of(fam.make().apply(head(p, k)), p[k], Real.of(Double.POSITIVE_INFINITY)).logProb(p[k + 1]),
          append(fam.params(), upperLo, upperX)));
    }
    rows.add(new Row("Mixture logProb", p -> Mixture.of(new Real[] {p[0], p[0].rminus(1)},
        List.of(Normal.of(p[1], p[2]), Gamma.of(p[3], p[4]))).logProb(p[5]), new double[] {0.3, -1, 0.8, 2, 1.5, 0.7}));
    rows.add(new Row("Mixture.ofLogWeights logProb", p -> Mixture.ofLogWeights(new Real[] {p[0], p[1]},
        List.of(Normal.of(p[2], 1), Laplace.of(p[3], Real.of(2)))).logProb(p[4]), new double[] {0.2, -0.5, -1, 1, 0.1}));
    rows.add(new Row("Bernoulli true", p -> org.probity.dist.Bernoulli.of(p[0]).logProb(true), new double[] {0.3}));
    rows.add(new Row("Bernoulli false", p -> org.probity.dist.Bernoulli.of(p[0]).logProb(false), new double[] {0.3}));
    rows.add(new Row("BernoulliLogit true", p -> BernoulliLogit.of(p[0]).logProb(true), new double[] {-1.3}));
    rows.add(new Row("BernoulliLogit false", p -> BernoulliLogit.of(p[0]).logProb(false), new double[] {0.8}));
    rows.add(new Row("BernoulliLogitGlm", p -> BernoulliLogitGlm.of(new double[][] {{0.5, -1}, {1.5, 0.2}, {-0.3, 2}},
        p[0], new Real[] {p[1], p[2]}).logProb(new int[] {1, 0, 1}), new double[] {0.2, -0.4, 0.9}));
    for (int k : new int[] {0, 4, 12}) {
      rows.add(new Row("Binomial k=" + k, p -> Binomial.of(12, p[0]).logProb(k), new double[] {0.35}));
      rows.add(new Row("Poisson k=" + k, p -> Poisson.of(p[0]).logProb(k), new double[] {3.7}));
      rows.add(new Row("Geometric k=" + k, p -> Geometric.of(p[0]).logProb(k), new double[] {0.3}));
      rows.add(new Row("NegativeBinomial k=" + k, p -> NegativeBinomial.of(p[0], p[1]).logProb(k), new double[] {2.5, 0.4}));
      rows.add(new Row("BetaBinomial k=" + k, p -> BetaBinomial.of(12, p[0], p[1]).logProb(k), new double[] {2.5, 0.7}));
    }
    rows.add(new Row("Dirichlet", p -> Dirichlet.of(p[0], p[1], p[2]).logProb(new Real[] {p[3], p[4], p[3].plus(p[4]).rminus(1)}),
        new double[] {2, 3.5, 1.5, 0.2, 0.5}));
    rows.add(new Row("MvNormal(mean, covariance)", p -> MvNormal.of(new Real[] {p[0], p[1]}, new double[][] {{2, 0.6}, {0.6, 1}})
        .logProb(new Real[] {p[2], p[3]}), new double[] {0.5, -1, 1.2, 0.1}));
    rows.add(new Row("MvNormal.ofCholesky", p -> MvNormal.ofCholesky(new Real[] {p[0], p[1], p[2]},
        new Real[][] {{p[3]}, {p[4], p[5]}, {p[6], p[7], p[8]}}).logProb(new Real[] {p[9], p[10], p[11]}),
        new double[] {0.5, -1, 0.2, 1.3, 0.4, 0.9, -0.3, 0.2, 0.7, 1.1, -0.4, 0.8}));
    rows.add(new Row("Multinomial", p -> Multinomial.of(6, p[0], p[1], p[0].plus(p[1]).rminus(1)).logProb(new int[] {1, 3, 2}),
        new double[] {0.25, 0.45}));
    return rows;
  }

  @TestFactory
  Stream<DynamicTest> reverseModeMatchesCentralDifferences() {
    return rows().stream().map(r -> DynamicTest.dynamicTest(r.name(), () -> {
      Grad.ValueAndGradient ad = Grad.grad(r.f(), r.point());
      double[] fd = Grad.numericGradient(r.f(), r.point(), H);
      assertEquals(r.f().apply(Real.of(r.point())).value(), ad.value(), 1e-12 * Math.max(1, Math.abs(ad.value())), r.name() + " value");
      boolean someNonZero = false;
      for (int i = 0; i < fd.length; i++) {
        assertTrue(Double.isFinite(ad.gradient()[i]), r.name() + " d/dp" + i + " is " + ad.gradient()[i]);
        assertEquals(fd[i], ad.gradient()[i], TOL * (1 + Math.abs(fd[i])), r.name() + " d/dp" + i);
        someNonZero |= fd[i] != 0;
      }
      assertTrue(someNonZero, r.name() + ": every derivative is zero, the check would be vacuous");
    }));
  }
}
