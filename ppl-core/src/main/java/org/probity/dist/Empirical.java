package org.probity.dist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Real;

/**
 * A distribution over finitely many values of any type, each with a probability (Pyro's
 * {@code Empirical}, WebPPL's {@code Categorical({vs, ps})}): WebPPL's {@code uniformDraw}, a
 * categorical choice among named outcomes, and the result of a nested inference (an exact
 * enumeration or a weighted sample) used as a distribution. Equal values (arrays by content) are
 * merged, their masses added; the log mass of a value outside the support is negative infinity.
 * Sampling draws one uniform (as {@link Categorical} does) and returns a value of the support.
 *
 * @param <T> the type of the values
 */
public final class Empirical<T> implements Distribution<T> {
  private final List<T> values;
  private final double[] p;
  private final Categorical index;
  private final Map<Object, Integer> position;

  private Empirical(List<T> values, double[] p) {
    this.values = Collections.unmodifiableList(values);
    this.p = p;
    this.index = Categorical.of(p);
    Map<Object, Integer> pos = new HashMap<>();
    for (int i = 0; i < values.size(); i++) {
      pos.put(key(values.get(i)), i);
    }
    this.position = pos;
  }

  /**
   * Every value equally likely (WebPPL's {@code uniformDraw}); a value listed twice has twice the mass.
   *
   * @param values the values, not empty
   * @param <T> their type
   * @return the distribution
   * @throws DistributionException if the list is empty or holds null
   */
  public static <T> Empirical<T> uniform(List<? extends T> values) {
    double[] w = new double[values.size()];
    Arrays.fill(w, 1.0);
    return ofWeights(values, w);
  }

  /**
   * Values with non-negative weights, normalised (not all zero); values of zero weight are left out.
   *
   * @param values the values, not empty
   * @param weights their weights, as many as values
   * @param <T> their type
   * @return the distribution
   * @throws DistributionException if the lengths differ, a weight is negative or not finite, or all are zero
   */
  public static <T> Empirical<T> ofWeights(List<? extends T> values, double... weights) {
    check(values, weights.length);
    double[] lw = new double[weights.length];
    for (int i = 0; i < weights.length; i++) {
      if (!(weights[i] >= 0) || !Double.isFinite(weights[i])) {
        throw new DistributionException("Empirical: weight " + i + " (of value " + values.get(i)
            + ") must be finite and non-negative, got " + weights[i]);
      }
      lw[i] = Math.log(weights[i]);
    }
    return ofLogWeights(values, lw);
  }

  /**
   * Values with unnormalised log weights (logits), normalised with log-sum-exp; values of log
   * weight negative infinity are left out.
   *
   * @param values the values, not empty
   * @param logWeights their log weights, as many as values, below +infinity, not all negative infinity
   * @param <T> their type
   * @return the distribution
   * @throws DistributionException if the lengths differ, a log weight is NaN or +infinity, or all are -infinity
   */
  public static <T> Empirical<T> ofLogWeights(List<? extends T> values, double... logWeights) {
    check(values, logWeights.length);
    double m = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < logWeights.length; i++) {
      if (Double.isNaN(logWeights[i]) || logWeights[i] == Double.POSITIVE_INFINITY) {
        throw new DistributionException("Empirical: log weight " + i + " (of value " + values.get(i)
            + ") must be a number below +Infinity, got " + logWeights[i]);
      }
      m = Math.max(m, logWeights[i]);
    }
    if (m == Double.NEGATIVE_INFINITY) {
      throw new DistributionException("Empirical: every weight is zero");
    }
    Map<Object, Integer> at = new LinkedHashMap<>();
    List<T> vs = new ArrayList<>();
    List<Double> mass = new ArrayList<>();
    double total = 0;
    for (int i = 0; i < logWeights.length; i++) {
      double w = Math.exp(logWeights[i] - m);
      if (w == 0) {
        continue;
      }
      total += w;
      Integer j = at.get(key(values.get(i)));
      if (j == null) {
        at.put(key(values.get(i)), vs.size());
        vs.add(values.get(i));
        mass.add(w);
      } else {
        mass.set(j, mass.get(j) + w);
      }
    }
    double[] p = new double[vs.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = mass.get(i) / total;
    }
    // the probabilities sum to 1 up to rounding; fold the rounding into the largest so Categorical accepts them
    int big = 0;
    double s = 0;
    for (int i = 0; i < p.length; i++) {
      s += p[i];
      big = p[i] > p[big] ? i : big;
    }
    p[big] += 1 - s;
    return new Empirical<>(vs, p);
  }

  private static void check(List<?> values, int weights) {
    if (values.isEmpty()) {
      throw new DistributionException("Empirical: the list of values must not be empty");
    }
    if (values.size() != weights) {
      throw new DistributionException("Empirical: " + values.size() + " values but " + weights + " weights");
    }
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null) {
        throw new DistributionException("Empirical: value " + i + " is null");
      }
    }
  }

  /** Equal values by content: arrays are wrapped so that they hash and compare by their entries. */
  private static Object key(Object v) {
    return v.getClass().isArray() ? new ArrayKey(v) : v;
  }

  private record ArrayKey(Object array) {
    @Override
    public boolean equals(Object o) {
      return o instanceof ArrayKey k && Arrays.deepEquals(new Object[] {array}, new Object[] {k.array});
    }

    @Override
    public int hashCode() {
      return Arrays.deepHashCode(new Object[] {array});
    }
  }

  /**
   * The distinct values of positive probability, in the order first given.
   *
   * @return the values (unmodifiable)
   */
  public List<T> values() {
    return values;
  }

  /**
   * The probability of each value of {@link #values()}.
   *
   * @return a copy of the probabilities
   */
  public double[] probabilities() {
    return p.clone();
  }

  /**
   * The probability of one value.
   *
   * @param x a value
   * @return its probability, 0 outside the support
   */
  public double probability(T x) {
    Integer i = x == null ? null : position.get(key(x));
    return i == null ? 0.0 : p[i];
  }

  @Override
  public T sample(UniformRandomProvider rng) {
    return values.get(index.sample(rng));
  }

  @Override
  public double logDensity(T x) {
    Integer i = x == null ? null : position.get(key(x));
    return i == null ? Double.NEGATIVE_INFINITY : Math.log(p[i]);
  }

  @Override
  public Real logProb(T x) {
    return Real.of(logDensity(x));
  }

  @Override
  public boolean hasFiniteSupport() {
    return true;
  }

  @Override
  public List<T> enumerateSupport() {
    return values;
  }

  @Override
  public Constraint support() {
    return new Constraint.Enumerated();
  }

  @Override
  public String name() {
    StringBuilder sb = new StringBuilder("Empirical(");
    for (int i = 0; i < Math.min(values.size(), 5); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      Object v = values.get(i);
      String t = v.getClass().isArray() ? Arrays.deepToString(new Object[] {v}) : String.valueOf(v);
      sb.append(t.length() > 20 ? t.substring(0, 17) + "..." : t).append(':').append(String.format("%.3g", p[i]));
    }
    if (values.size() > 5) {
      sb.append(", ... ").append(values.size()).append(" values");
    }
    return sb.append(')').toString();
  }

  @Override
  public String toString() {
    return name();
  }
}
