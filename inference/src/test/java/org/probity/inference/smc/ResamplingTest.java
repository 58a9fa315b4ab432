package org.probity.inference.smc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.probity.dist.Distribution;
import org.probity.dist.DistributionException;
import org.probity.random.Rngs;

/**
 * The resampling schemes as distributions: exact supports that sum to one and are unbiased
 * (expected offspring n * p_i), sampling frequencies that match the exact probabilities within
 * Monte Carlo error, and zero-weight particles never chosen.
 */
class ResamplingTest {
  static final Map<String, Resampler> SCHEMES = new java.util.LinkedHashMap<>();

  static {
    SCHEMES.put("multinomial", Resampler.MULTINOMIAL);
    SCHEMES.put("systematic", Resampler.SYSTEMATIC);
    SCHEMES.put("stratified", Resampler.STRATIFIED);
    SCHEMES.put("residual", Resampler.RESIDUAL);
  }

  /** Weight vectors with ties, zeros and awkward ratios, drawn from a seeded generator. */
  static List<double[]> weightVectors() {
    List<double[]> ws = new ArrayList<>();
    ws.add(new double[] {1, 1, 1});
    ws.add(new double[] {0.5, 0, 0.5});
    ws.add(new double[] {0, 3, 1, 0});
    ws.add(new double[] {0.1, 0.2, 0.7});
    UniformRandomProvider rng = Rngs.of(7);
    for (int r = 0; r < 4; r++) {
      double[] w = new double[2 + r];
      for (int i = 0; i < w.length; i++) {
        w[i] = rng.nextDouble() < 0.2 ? 0 : Math.exp(3 * rng.nextDouble());
      }
      w[r % w.length] += 0.5;
      ws.add(w);
    }
    return ws;
  }

  @TestFactory
  Stream<DynamicTest> exactSupportIsNormalisedAndUnbiased() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<String, Resampler> s : SCHEMES.entrySet()) {
      for (double[] w : weightVectors()) {
        for (int n : new int[] {1, 2, 3, 5}) {
          tests.add(DynamicTest.dynamicTest(s.getKey() + " n=" + n + " " + java.util.Arrays.toString(w), () -> {
            Distribution<int[]> d = s.getValue().ancestors(w, n);
            double total = 0;
            double wsum = java.util.Arrays.stream(w).sum();
            double[] offspring = new double[w.length];
            for (int[] a : d.enumerateSupport()) {
              double p = Math.exp(d.logDensity(a));
              assertTrue(p > 0);
              assertEquals(n, a.length);
              total += p;
              for (int j = 0; j < a.length; j++) {
                assertTrue(j == 0 || a[j] >= a[j - 1], "ancestors are sorted");
                assertTrue(w[a[j]] > 0, "zero-weight particles are never chosen");
                offspring[a[j]] += p;
              }
            }
            assertEquals(1.0, total, 1e-12);
            for (int i = 0; i < w.length; i++) {
              assertEquals(n * w[i] / wsum, offspring[i], 1e-12, "expected offspring of " + i);
            }
          }));
        }
      }
    }
    return tests.stream();
  }

  /** Sample frequencies of each outcome within 5 standard errors of its exact probability. */
  @TestFactory
  Stream<DynamicTest> samplingMatchesTheExactDistribution() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<String, Resampler> s : SCHEMES.entrySet()) {
      tests.add(DynamicTest.dynamicTest(s.getKey(), () -> {
        double[] w = {0.15, 0.0, 0.5, 0.35};
        int n = 4;
        Distribution<int[]> d = s.getValue().ancestors(w, n);
        int draws = 20_000;
        Map<List<Integer>, Integer> freq = new HashMap<>();
        UniformRandomProvider rng = Rngs.of(11);
        for (int r = 0; r < draws; r++) {
          int[] a = d.sample(rng);
          assertTrue(d.logDensity(a) > Double.NEGATIVE_INFINITY, "a drawn outcome is in the support: " + java.util.Arrays.toString(a));
          freq.merge(ResamplingDistribution.key(a), 1, Integer::sum);
        }
        for (int[] a : d.enumerateSupport()) {
          double p = Math.exp(d.logDensity(a));
          double f = freq.getOrDefault(ResamplingDistribution.key(a), 0) / (double) draws;
          assertEquals(p, f, 5 * Math.sqrt(p * (1 - p) / draws) + 1e-12, "frequency of " + java.util.Arrays.toString(a));
        }
      }));
    }
    return tests.stream();
  }

  /** Weights whose total is subnormal (1 / total overflows) resample like the same weights scaled up. */
  @Test
  void subnormalWeightsResampleLikeTheirScaledCopies() {
    double[] tiny = {0, 1e-320, 1e-320, 3e-320};
    double[] scaled = {0, 1, 1, 3};
    for (var e : SCHEMES.entrySet()) {
      ResamplingDistribution a = (ResamplingDistribution) e.getValue().ancestors(tiny, 4);
      ResamplingDistribution b = (ResamplingDistribution) e.getValue().ancestors(scaled, 4);
      assertArrayEquals(b.probabilities(), a.probabilities(), 1e-3, e.getKey());
      for (int[] x : b.enumerateSupport()) {
        assertEquals(b.logDensity(x), a.logDensity(x), 1e-2, e.getKey() + " " + java.util.Arrays.toString(x));
      }
      for (long seed = 0; seed < 20; seed++) {
        assertTrue(a.sample(Rngs.of(seed))[0] > 0, e.getKey() + ": a zero-weight particle was chosen");
      }
    }
  }

  @Test
  void systematicFromOneUniformIsEvenlySpread() {
    int[] a = new SystematicResampling(new double[] {1, 1, 2}, 4).sample(Rngs.of(3));
    assertArrayEquals(new int[] {0, 1, 2, 2}, a);
  }

  @Test
  void residualCopiesTheIntegerPartDeterministically() {
    ResidualResampling d = new ResidualResampling(new double[] {0.5, 0.25, 0.25}, 4);
    assertEquals(1, d.enumerateSupport().size());
    assertArrayEquals(new int[] {0, 0, 1, 2}, d.sample(Rngs.of(1)));
  }

  @Test
  void largePopulationsResampleInLinearTimeAndStayValid() {
    int n = 100_000;
    double[] w = new double[n];
    UniformRandomProvider rng = Rngs.of(5);
    for (int i = 0; i < n; i++) {
      w[i] = rng.nextDouble();
    }
    for (Resampler r : SCHEMES.values()) {
      int[] a = r.ancestors(w, n).sample(rng);
      assertEquals(n, a.length);
      for (int j = 1; j < n; j++) {
        assertTrue(a[j] >= a[j - 1]);
      }
    }
  }

  @Test
  void invalidWeightsAreRejected() {
    assertThrows(DistributionException.class, () -> new MultinomialResampling(new double[] {0, 0}, 2));
    assertThrows(DistributionException.class, () -> new SystematicResampling(new double[] {1, Double.NaN}, 2));
    assertThrows(DistributionException.class, () -> new StratifiedResampling(new double[] {1, -1}, 2));
  }
}
