package org.probity.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.*;

import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.core.Weighted;
import org.probity.dist.DistributionException;
import org.probity.dist.Empirical;
import org.probity.random.Rngs;

/**
 * Distributions over values (Empirical, uniformDraw, categorical over values) and the results of
 * inference used as distributions (an Enumeration's and a WeightedSample's): their masses,
 * sampling frequencies, and exact nested inference; WeightedSample's histograms; the facade's
 * categorical and gamma parametrisations.
 */
class NestedInferenceTest {

  @Test
  void anEmpiricalDistributionMergesEqualValuesAndNormalises() {
    Empirical<String> e = categorical(List.of("a", "b", "a", "c"), 1, 2, 3, 0);
    assertEquals(List.of("a", "b"), e.values(), "c has zero weight");
    assertEquals(4.0 / 6, e.probability("a"), 1e-15);
    assertEquals(Math.log(2.0 / 6), e.logDensity("b"), 1e-15);
    assertEquals(Double.NEGATIVE_INFINITY, e.logDensity("c"));
    Empirical<double[]> arrays = uniformDraw(List.of(new double[] {1, 2}, new double[] {1, 2}, new double[] {3}));
    assertEquals(2.0 / 3, arrays.probability(new double[] {1, 2}), 1e-15, "arrays compare by content");
    Empirical<Integer> logits = categoricalLogits(List.of(7, 8), 0.0, Math.log(3));
    assertEquals(0.75, logits.probability(8), 1e-15);
    assertThrows(DistributionException.class, () -> uniformDraw(List.of()));
    assertThrows(DistributionException.class, () -> categorical(List.of(1, 2), 1));
    assertThrows(DistributionException.class, () -> categorical(List.of(1, 2), 1, -1));
    assertThrows(DistributionException.class, () -> categorical(List.of(1, 2), 0, 0));
  }

  @Test
  void anEmpiricalDistributionSamplesItsProbabilities() {
    Empirical<String> e = categorical(List.of("x", "y", "z"), 0.2, 0.5, 0.3);
    UniformRandomProvider rng = Rngs.of(17);
    int n = 20_000;
    int y = 0;
    for (int i = 0; i < n; i++) {
      y += e.sample(rng).equals("y") ? 1 : 0;
    }
    assertEquals(0.5, y / (double) n, 4 * Math.sqrt(0.25 / n));
    assertEquals(1.0 / 3, Enumerator.enumerate(sample(uniformDraw(List.of("r", "g", "b")))).probability("g"), 1e-15);
  }

  @Test
  void anEnumerationIsADistributionForAnOuterModel() {
    // inner: the number of heads in two fair flips; outer: a prior over a bias-like switch, observing
    // the inner model's distribution at the value 2 and at 0
    Enumeration<Integer> inner = Enumerator.enumerate(sample(bernoulli(0.5)).flatMap(a ->
        sample(bernoulli(0.5)).map(b -> (a ? 1 : 0) + (b ? 1 : 0))));
    assertEquals(0.25, inner.asDistribution().probability(2), 1e-15);
    Prob<Integer> outer = sample(categorical(0.5, 0.5), k -> sample(inner.asDistribution(), heads ->
        observe(bernoulli(k == 1 ? 0.9 : 0.1), heads == 2).map(u -> k)));
    // P(obs | k = 1) = 0.25 * 0.9 + 0.75 * 0.1 = 0.3, P(obs | k = 0) = 0.25 * 0.1 + 0.75 * 0.9 = 0.7,
    // so P(k = 1 | obs) = 0.3 / (0.3 + 0.7)
    Enumeration<Integer> post = Enumerator.enumerate(outer);
    assertEquals(0.3, post.probability(1), 1e-12);
    assertEquals(Math.log(0.5), Enumerator.enumerate(observe(inner.asDistribution(), 1)).logEvidence(), 1e-15);
  }

  @Test
  void aWeightedSampleIsItsWeightedEmpiricalDistribution() {
    WeightedSample<String> w = WeightedSample.of(List.of(new Weighted<>("a", Math.log(1)), new Weighted<>("b", Math.log(3)),
        new Weighted<>("a", Math.log(2)), new Weighted<>(null, Double.NEGATIVE_INFINITY)));
    assertEquals(Map.of("a", 0.5, "b", 0.5), w.histogram());
    assertEquals(Math.log(0.5), w.logDensity("a"), 1e-15);
    assertEquals(Double.NEGATIVE_INFINITY, w.logDensity("c"));
    assertEquals(List.of("a", "b"), w.enumerateSupport());
    Enumeration<String> e = Enumerator.enumerate(sample(w));
    assertEquals(0.5, e.probability("b"), 1e-15);
    assertEquals(Math.log(0.5), Enumerator.enumerate(observe(w, "b")).logEvidence(), 1e-15);
    assertTrue(w.name().startsWith("WeightedSample(4 items"), w.name());
  }

  @Test
  void aWeightedSampleHasHistogramsOfAQuantity() {
    WeightedSample<Real> w = WeightedSample.of(List.of(new Weighted<>(Real.of(0.1), 0.0), new Weighted<>(Real.of(0.6), 0.0),
        new Weighted<>(Real.of(0.9), Math.log(2)), new Weighted<>(Real.of(5.0), Double.NEGATIVE_INFINITY)));
    Histogram h = w.histogram(Real::value, 0, 1, 2);
    assertEquals(0.25, h.mass()[0], 1e-15);
    assertEquals(0.75, h.mass()[1], 1e-15);
    Histogram auto = w.histogram(Real::value, 4);
    assertEquals(0.1, auto.lo(), 1e-15);
    assertEquals(0.9, auto.hi(), 1e-6, "the range of the values of positive weight");
    assertEquals(1.0, java.util.Arrays.stream(auto.mass()).sum(), 1e-15);
    assertTrue(h.toString().contains("0.7500"), h.toString());
    assertThrows(IllegalArgumentException.class, () -> w.histogram(Real::value, 1, 0, 2));
  }

  @Test
  void gammaSaysWhichParametrisationItUses() {
    assertEquals(2.0 / 4, gamma(2, 4).mean(), 1e-15, "gamma(shape, rate)");
    assertEquals(2.0 / 4, gammaShapeRate(2, 4).mean(), 1e-15);
    assertEquals(2.0 * 4, gammaShapeScale(2, 4).mean(), 1e-15);
    assertEquals(gammaShapeRate(3, 0.5).logDensity(Real.of(1.7)), gammaShapeScale(3, 2).logDensity(Real.of(1.7)), 1e-15);
    assertEquals(categoricalWeights(1, 3).probabilities()[1], 0.75, 1e-15);
  }
}
