package org.probity.dist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.sample;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.probity.ad.Real;
import org.probity.semantics.Enumeration;
import org.probity.semantics.Enumerator;

/** Invalid parameters are rejected with a message naming distribution, parameter and value; finite supports enumerate exactly. */
class ParametersAndSupportTest {
  record Bad(String dist, String param, String value, Executable build) {
  }

  static List<Bad> bad() {
    double nan = Double.NaN;
    return List.of(
        new Bad("HalfNormal", "sigma", "-1.0", () -> HalfNormal.of(-1)),
        new Bad("LogNormal", "sigma", "0.0", () -> LogNormal.of(0, 0)),
        new Bad("LogNormal", "mu", "NaN", () -> LogNormal.of(nan, 1)),
        new Bad("StudentT", "nu", "0.0", () -> StudentT.of(0, 0, 1)),
        new Bad("Cauchy", "scale", "-2.0", () -> Cauchy.of(0, -2)),
        new Bad("HalfCauchy", "scale", "Infinity", () -> HalfCauchy.of(Double.POSITIVE_INFINITY)),
        new Bad("HalfCauchy", "location", "1.0", () -> HalfCauchy.of(1, 5)),
        new Bad("Laplace", "b", "0.0", () -> Laplace.of(0, 0)),
        new Bad("Logistic", "s", "-1.0", () -> Logistic.of(0, -1)),
        new Bad("Gamma", "shape", "-0.5", () -> Gamma.of(-0.5, 1)),
        new Bad("Gamma", "rate", "0.0", () -> Gamma.of(1, 0)),
        new Bad("Gamma", "scale", "-3.0", () -> Gamma.ofShapeScale(1, -3)),
        new Bad("InverseGamma", "scale", "NaN", () -> InverseGamma.of(1, nan)),
        new Bad("Exponential", "rate", "-1.0", () -> Exponential.of(-1)),
        new Bad("ChiSquared", "k", "0.0", () -> ChiSquared.of(0)),
        new Bad("Weibull", "shape", "0.0", () -> Weibull.of(0, 1)),
        new Bad("Beta", "alpha", "0.0", () -> Beta.of(0, 1)),
        new Bad("Truncated", "lo", "3.0", () -> Truncated.of(Normal.of(0, 1), 3, 1)),
        new Bad("Truncated", "[50.0, 60.0]", "0.0", () -> Truncated.of(Exponential.of(100), 50, 60)),
        new Bad("Mixture", "weights", "0.9", () -> Mixture.of(new double[] {0.5, 0.4}, Normal.of(0, 1), Normal.of(1, 1))),
        new Bad("Mixture", "weights[1]", "-0.5", () -> Mixture.of(new double[] {1.5, -0.5}, Normal.of(0, 1), Normal.of(1, 1))),
        new Bad("Bernoulli", "p", "1.5", () -> Bernoulli.of(1.5)),
        new Bad("BernoulliLogit", "eta", "Infinity", () -> BernoulliLogit.of(Double.POSITIVE_INFINITY)),
        new Bad("BernoulliLogitGlm", "coefficients[1]", "NaN",
            () -> BernoulliLogitGlm.of(new double[][] {{1, 2}}, Real.of(0), Real.of(1, Double.NaN))),
        new Bad("Binomial", "n", "-1", () -> Binomial.of(-1, 0.5)),
        new Bad("Binomial", "p", "1.5", () -> Binomial.of(3, 1.5)),
        new Bad("Poisson", "rate", "0.0", () -> Poisson.of(0)),
        new Bad("Geometric", "p", "0.0", () -> Geometric.of(0)),
        new Bad("NegativeBinomial", "r", "-1.0", () -> NegativeBinomial.of(-1, 0.5)),
        new Bad("NegativeBinomial", "p", "0.0", () -> NegativeBinomial.of(2, 0)),
        new Bad("BetaBinomial", "b", "-1.0", () -> BetaBinomial.of(4, 1, -1)),
        new Bad("DiscreteUniform", "hi", "hi=2", () -> DiscreteUniform.of(5, 2)),
        new Bad("Dirichlet", "alpha[1]", "0.0", () -> Dirichlet.of(1, 0, 2)),
        new Bad("Dirichlet", "alpha", "1", () -> Dirichlet.of(1.0)),
        new Bad("MvNormal", "covariance", "positive definite", () -> MvNormal.of(new double[] {0, 0}, new double[][] {{1, 2}, {2, 1}})),
        new Bad("MvNormal", "covariance", "symmetric", () -> MvNormal.of(new double[] {0, 0}, new double[][] {{1, 0.2}, {0.3, 1}})),
        new Bad("MvNormal", "cholesky[1][1]", "-1.0", () -> MvNormal.ofCholesky(new double[] {0, 0}, new double[][] {{1}, {0, -1}})),
        new Bad("Multinomial", "p", "0.8", () -> Multinomial.of(3, 0.5, 0.3)),
        new Bad("Multinomial", "n", "-2", () -> Multinomial.of(-2, 0.5, 0.5)));
  }

  @TestFactory
  Stream<DynamicTest> invalidParametersNameDistributionParameterAndValue() {
    return bad().stream().map(b -> DynamicTest.dynamicTest(b.dist() + " " + b.param() + " " + b.value(), () -> {
      DistributionException e = assertThrows(DistributionException.class, b.build());
      String m = e.getMessage();
      assertTrue(m.startsWith(b.dist()), m);
      assertTrue(m.contains(b.param()), m);
      assertTrue(m.contains(b.value()), m);
    }));
  }

  @Test
  void inverseCdfRejectsNonProbabilities() {
    DistributionException e = assertThrows(DistributionException.class, () -> Gamma.of(2, 1).inverseCdf(1.5));
    assertTrue(e.getMessage().contains("Gamma") && e.getMessage().contains("1.5"), e.getMessage());
  }

  @Test
  void wrongDimensionsAreRejected() {
    assertThrows(DistributionException.class, () -> Dirichlet.of(1, 2).logProb(Real.of(0.2, 0.3, 0.5)));
    assertThrows(DistributionException.class, () -> MvNormal.of(new double[] {0, 0}, new double[][] {{1, 0}, {0, 1}}).logProb(new Real[] {Real.of(1.0)}));
    assertThrows(DistributionException.class, () -> Multinomial.of(2, 0.5, 0.5).logProb(new int[] {2}));
  }

  @Test
  void finiteSupportsEnumerate() {
    assertEquals(List.of(0, 1, 2, 3), Binomial.of(3, 0.2).enumerateSupport());
    assertEquals(List.of(false, true), BernoulliLogit.of(0.4).enumerateSupport());
    assertFalse(BernoulliLogitGlm.of(new double[][] {{1}}, Real.of(0), new Real[] {Real.of(1)}).hasFiniteSupport());
    assertEquals(List.of(0, 1, 2, 3, 4), BetaBinomial.of(4, 1, 2).enumerateSupport());
    assertEquals(List.of(-1, 0, 1, 2), DiscreteUniform.of(-1, 2).enumerateSupport());
    assertFalse(Poisson.of(2).hasFiniteSupport());
    assertFalse(Geometric.of(0.5).hasFiniteSupport());
    assertFalse(NegativeBinomial.of(2, 0.5).hasFiniteSupport());
    assertThrows(UnsupportedOperationException.class, () -> Poisson.of(2).enumerateSupport());
  }

  @Test
  void multinomialEnumeratesEveryCompositionOnce() {
    Multinomial m = Multinomial.of(4, 0.1, 0.2, 0.3, 0.4);
    List<int[]> s = m.enumerateSupport();
    assertEquals(35, s.size()); // C(4 + 3, 3)
    assertEquals(35, s.stream().map(java.util.Arrays::toString).collect(java.util.stream.Collectors.toSet()).size());
    for (int[] k : s) {
      assertEquals(4, java.util.Arrays.stream(k).sum());
      assertTrue(java.util.Arrays.stream(k).allMatch(c -> c >= 0));
    }
    assertArrayEquals(new int[] {0, 0, 0, 4}, s.get(0));
    assertArrayEquals(new int[] {4, 0, 0, 0}, s.get(s.size() - 1));
    assertThrows(SupportTooLargeException.class, () -> Multinomial.of(200, 0.1, 0.1, 0.1, 0.1, 0.1, 0.5).enumerateSupport());
  }

  @Test
  void enumeratorHandlesTheNewDiscreteDistributions() {
    Enumeration<int[]> e = Enumerator.enumerate(sample(Multinomial.of(2, 0.5, 0.5)));
    assertEquals(0.25, e.probability(new int[] {2, 0}), 1e-12);
    assertEquals(0.5, e.probability(new int[] {1, 1}), 1e-12);
    Enumeration<Integer> b = Enumerator.enumerate(sample(BetaBinomial.of(3, 1, 1)));
    for (int k = 0; k <= 3; k++) {
      assertEquals(0.25, b.probability(k), 1e-12); // BetaBinomial(n, 1, 1) is uniform on 0..n
    }
  }
}
