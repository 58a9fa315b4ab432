package org.probity.inference.plots;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Ranks of all chains' draws taken together, 1..S, ties given their average rank. */
final class Ranks {
  private Ranks() {
  }

  static double[][] pooled(double[][] x) {
    int chains = x.length;
    int n = x[0].length;
    int total = chains * n;
    Integer[] order = IntStream.range(0, total).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(k -> x[k / n][k % n]));
    double[][] ranks = new double[chains][n];
    int i = 0;
    while (i < total) {
      int j = i;
      double v = x[order[i] / n][order[i] % n];
      while (j + 1 < total && x[order[j + 1] / n][order[j + 1] % n] == v) {
        j++;
      }
      double average = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        ranks[order[k] / n][order[k] % n] = average;
      }
      i = j + 1;
    }
    return ranks;
  }
}
