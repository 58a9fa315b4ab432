package org.probity.inference.smc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.probity.ad.Real;
import org.probity.dist.Distribution;
import org.probity.dist.DistributionException;

/**
 * The distribution of the ancestor indices one resampling step draws: values are non-decreasing
 * {@code int[]} of length n (particle j of the new population copies particle {@code a[j]} of the
 * old), a canonical order since a population is an exchangeable collection. Every scheme has
 * finite support, so under the Enumerator a resampling step is an exact finite choice and
 * {@code Enumerator.enumerate(smc(model))} is the exact distribution of the algorithm's output.
 *
 * <p>Sampling runs in O(n + K) time (K old particles), never O(n log n): the uniform points are
 * generated already sorted and merged with the cumulative weights.
 */
public abstract class ResamplingDistribution implements Distribution<int[]> {
  /** Normalised probabilities of the old particles. */
  private final double[] weights;
  private final double total;
  private final double inverseTotal; // NaN when 1 / total overflows
  private volatile double[] p;
  /** Cumulative sums of the normalised probabilities, the last forced to 1. */
  protected final double[] cum;
  /** The number of ancestors drawn. */
  protected final int n;
  /** Index of the last particle with positive probability (points past the end map to it). */
  protected final int lastPositive;
  private volatile Map<List<Integer>, Double> supportCache;

  /**
   * Validates and normalises {@code weights} (non-negative, not all zero) and records n. The
   * weights are read, not copied (resampling is on the hot path of SMC): do not modify the array
   * while the distribution is in use.
   */
  protected ResamplingDistribution(double[] weights, int n) {
    if (n < 1) {
      throw new DistributionException(getClass().getSimpleName() + ": number of ancestors n must be at least 1, got " + n);
    }
    if (weights.length == 0) {
      throw new DistributionException(getClass().getSimpleName() + ": weights must not be empty");
    }
    // one pass: validate, total, and the unnormalised cumulative sums; then scale them in place
    double[] c = new double[weights.length];
    double s = 0;
    int last = -1;
    for (int i = 0; i < weights.length; i++) {
      double w = weights[i];
      if (!(w >= 0 && w < Double.POSITIVE_INFINITY)) {
        throw new DistributionException(getClass().getSimpleName() + ": weight [" + i + "] must be finite and non-negative, got " + w);
      }
      if (w > 0) {
        last = i;
      }
      s += w; // adding 0 leaves s unchanged: a zero-weight particle's interval is empty
      c[i] = s;
    }
    if (last < 0) {
      throw new DistributionException(getClass().getSimpleName() + ": all " + weights.length + " weights are zero");
    }
    if (s == Double.POSITIVE_INFINITY) {
      throw new DistributionException(getClass().getSimpleName() + ": the weights' total overflows");
    }
    double inv = 1.0 / s; // +Infinity when the total is subnormal: then divide instead
    boolean divide = inv == Double.POSITIVE_INFINITY;
    for (int i = 0; i < last; i++) {
      // (rounding must not put a point past the last interval)
      c[i] = Math.min(divide ? c[i] / s : c[i] * inv, 1.0);
    }
    for (int i = last; i < c.length; i++) {
      c[i] = 1.0;
    }
    this.weights = weights;
    this.total = s;
    this.inverseTotal = divide ? Double.NaN : inv;
    this.n = n;
    this.cum = c;
    this.lastPositive = last;
  }

  /** The normalised probabilities of the old particles (computed once, when first asked for). */
  protected final double[] p() {
    double[] q = p;
    if (q == null) {
      q = new double[weights.length];
      for (int i = 0; i < q.length; i++) {
        q[i] = inverseTotal == inverseTotal ? weights[i] * inverseTotal : weights[i] / total;
      }
      p = q;
    }
    return q;
  }

  /** The number of old particles. */
  protected final int k() {
    return cum.length;
  }

  /** The number of ancestors drawn. */
  public int size() {
    return n;
  }

  /** The normalised probabilities of the old particles (a copy). */
  public double[] probabilities() {
    return p().clone();
  }

  /**
   * Maps non-decreasing points in [0, 1) to ancestors: the index i with cum[i-1] &lt;= u &lt; cum[i]
   * (one linear merge, O(points + K)); zero-probability particles are never chosen.
   */
  protected final int[] ancestorsOf(double[] sortedPoints) {
    int[] a = new int[sortedPoints.length];
    int i = 0;
    for (int j = 0; j < sortedPoints.length; j++) {
      double u = sortedPoints[j];
      while (i < lastPositive && u >= cum[i]) { // a zero-weight particle has cum[i] == cum[i - 1] <= u
        i++;
      }
      a[j] = i;
    }
    return a;
  }

  /** Offspring counts of an ancestor array, or null if it is not a valid value of this distribution. */
  protected final int[] counts(int[] a) {
    if (a == null || a.length != n) {
      return null;
    }
    int[] c = new int[k()];
    int prev = 0;
    for (int x : a) {
      if (x < prev || x >= k()) {
        return null;
      }
      c[x]++;
      prev = x;
    }
    return c;
  }

  /**
   * The exact finite distribution: outcome to probability, listed by {@link #computeSupport()}
   * once and cached (only the Enumerator and tests ask for it).
   */
  protected final Map<List<Integer>, Double> outcomes() {
    Map<List<Integer>, Double> m = supportCache;
    if (m == null) {
      m = computeSupport();
      supportCache = m;
    }
    return m;
  }

  /** Lists every outcome with its probability (outcomes distinct). */
  protected abstract Map<List<Integer>, Double> computeSupport();

  @Override
  public double logDensity(int[] a) {
    Double pr = outcomes().get(key(a));
    return pr == null ? Double.NEGATIVE_INFINITY : Math.log(pr);
  }

  @Override
  public Real logProb(int[] a) {
    return Real.of(logDensity(a));
  }

  @Override
  public boolean hasFiniteSupport() {
    return true;
  }

  @Override
  public List<int[]> enumerateSupport() {
    List<int[]> out = new ArrayList<>();
    for (List<Integer> k : outcomes().keySet()) {
      out.add(k.stream().mapToInt(Integer::intValue).toArray());
    }
    return out;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "(n=" + n + ", p=" + Arrays.toString(p()) + ")";
  }

  static List<Integer> key(int[] a) {
    List<Integer> k = new ArrayList<>(a.length);
    for (int x : a) {
      k.add(x);
    }
    return k;
  }

  /** Adds an outcome's probability to a support map (merging equal outcomes). */
  static void add(Map<List<Integer>, Double> m, int[] outcome, double prob) {
    if (prob > 0) {
      m.merge(key(outcome), prob, Double::sum);
    }
  }

  /** A new insertion-ordered support map. */
  static Map<List<Integer>, Double> newSupport() {
    return new LinkedHashMap<>();
  }

  /** Log of the multinomial coefficient m! / prod c_i! times prod q_i^c_i. */
  static double multinomialLogPmf(int[] c, double[] q) {
    int m = 0;
    double s = 0;
    for (int i = 0; i < c.length; i++) {
      if (c[i] == 0) {
        continue;
      }
      if (q[i] == 0) {
        return Double.NEGATIVE_INFINITY;
      }
      s += c[i] * Math.log(q[i]) - logFactorial(c[i]);
      m += c[i];
    }
    return s + logFactorial(m);
  }

  static double logFactorial(int k) {
    double s = 0;
    for (int i = 2; i <= k; i++) {
      s += Math.log(i);
    }
    return s;
  }

  /** Every count vector of total m over the indices with q > 0, as sorted ancestor arrays, with their multinomial probabilities. */
  static void multisets(double[] q, int m, int[] base, Map<List<Integer>, Double> out) {
    int[] c = new int[q.length];
    fill(q, m, 0, c, base, out);
  }

  private static void fill(double[] q, int left, int i, int[] c, int[] base, Map<List<Integer>, Double> out) {
    if (i == q.length) {
      if (left == 0) {
        int[] total = c.clone();
        for (int j = 0; j < total.length; j++) {
          total[j] += base[j];
        }
        add(out, fromCounts(total), Math.exp(multinomialLogPmf(c, q)));
      }
      return;
    }
    int max = q[i] > 0 ? left : 0;
    for (int k = 0; k <= max; k++) {
      c[i] = k;
      fill(q, left - k, i + 1, c, base, out);
    }
    c[i] = 0;
  }

  /** The sorted ancestor array with the given offspring counts. */
  static int[] fromCounts(int[] counts) {
    int m = 0;
    for (int x : counts) {
      m += x;
    }
    int[] a = new int[m];
    int j = 0;
    for (int i = 0; i < counts.length; i++) {
      for (int k = 0; k < counts[i]; k++) {
        a[j++] = i;
      }
    }
    return a;
  }
}
