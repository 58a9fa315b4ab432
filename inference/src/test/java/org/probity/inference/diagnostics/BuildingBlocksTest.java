package org.probity.inference.diagnostics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/** Split chains, ranks, folding, quantiles and autocovariance on hand-checked examples. */
class BuildingBlocksTest {

  @Test
  void splitDropsTheMiddleDrawOfOddChains() {
    double[][] split = SplitChains.split(new double[][] {{1, 2, 3, 4, 5}, {6, 7, 8, 9, 10}});
    assertArrayEquals(new double[][] {{1, 2}, {6, 7}, {4, 5}, {9, 10}}, split);
    assertArrayEquals(new double[][] {{1, 2}, {3, 4}}, SplitChains.split(new double[][] {{1, 2,
        3, 4}}));
  }

  @Test
  void ranksAverageTiesAcrossChains() {
    double[][] r = RankNormalization.ranks(new double[][] {{3, 1, 2}, {2, 5, 2}});
    assertArrayEquals(new double[][] {{5, 1, 3}, {3, 6, 3}}, r);
  }

  @Test
  void zScaleUsesBlomOffset() {
    double[][] z = RankNormalization.zScale(new double[][] {{10, 30}, {20, 40}});
    NormalDistribution n = NormalDistribution.of(0, 1);
    for (int r = 1; r <= 4; r++) {
      double expected = n.inverseCumulativeProbability((r - 0.375) / 4.25);
      double actual = r == 1 ? z[0][0] : r == 2 ? z[1][0] : r == 3 ? z[0][1] : z[1][1];
      assertEquals(expected, actual, 1e-15);
    }
  }

  @Test
  void foldIsDistanceFromPooledMedian() {
    assertArrayEquals(new double[][] {{1.5, 0.5}, {0.5, 2.5}},
        Folding.fold(new double[][] {{1, 2}, {3, 5}}));
  }

  @Test
  void quantileType7MatchesRForSmallSample() {
    double[] x = {3, 1, 4, 1, 5, 9, 2, 6};
    // R: quantile(c(3,1,4,1,5,9,2,6), c(0, .1, .25, .5, .9, 1))
    assertEquals(1.0, Quantiles.quantile(x, 0), 1e-15);
    assertEquals(1.0, Quantiles.quantile(x, 0.1), 1e-15);
    assertEquals(1.75, Quantiles.quantile(x, 0.25), 1e-15);
    assertEquals(3.5, Quantiles.quantile(x, 0.5), 1e-15);
    assertEquals(6.9, Quantiles.quantile(x, 0.9), 1e-12);
    assertEquals(9.0, Quantiles.quantile(x, 1), 1e-15);
  }

  @Test
  void fftAutocovarianceMatchesDirectSum() {
    for (String set : new String[] {"ar1_09", "cauchy", "odd_length", "single_chain"}) {
      for (double[] chain : ReferenceData.draws(set)) {
        double[] fft = Autocovariance.fft(chain);
        double[] direct = Autocovariance.direct(chain);
        for (int k = 0; k < chain.length; k++) {
          assertEquals(direct[k], fft[k], 1e-9 * Math.abs(direct[0]), set + " lag " + k);
        }
      }
    }
  }

  @Test
  void autocovarianceOfConstantChainIsZero() {
    assertArrayEquals(new double[4], Autocovariance.fft(new double[] {1, 1, 1, 1}));
  }
}
