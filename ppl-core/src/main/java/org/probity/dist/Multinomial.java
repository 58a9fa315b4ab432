package org.probity.dist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Real;

/**
 * The multinomial distribution: counts of n independent draws over K categories with
 * probabilities p. Values are immutable {@code List<Integer>} rather than {@code int[]} because
 * lists have value equality and hashing, so the Enumerator can merge equal outcomes and choice
 * maps can key on them. Sampled by sequential conditional binomials; its support (all
 * compositions of n into K non-negative parts, C(n+K-1, K-1) of them) is enumerable.
 */
public final class Multinomial implements Distribution<List<Integer>> {
  /** The largest support {@link #enumerateSupport()} will list. */
  public static final long MAX_ENUMERATION = 1_000_000;
  private final int n;
  private final Real[] p;
  private final double logNFactorial;

  private Multinomial(int n, Real[] p) {
    if (n < 0) {
      throw new DistributionException("Multinomial: parameter n must be non-negative, got " + n);
    }
    if (p.length == 0) {
      throw new DistributionException("Multinomial: parameter p must not be empty");
    }
    double s = 0;
    for (int i = 0; i < p.length; i++) {
      DistributionException.probability("Multinomial", "p[" + i + "]", p[i].value());
      s += p[i].value();
    }
    if (Math.abs(s - 1) > 1e-9) {
      throw new DistributionException("Multinomial: parameter p must sum to 1, got sum " + s);
    }
    this.n = n;
    this.p = p.clone();
    this.logNFactorial = Special.logGamma(n + 1.0);
  }

  /** Multinomial(n, p). */
  public static Multinomial of(int n, double... p) {
    return new Multinomial(n, Real.of(p));
  }

  /** Multinomial(n, p) with differentiable probabilities. */
  public static Multinomial of(int n, Real... p) {
    return new Multinomial(n, p);
  }

  /** The number of draws. */
  public int n() {
    return n;
  }

  /** The number of categories K. */
  public int categories() {
    return p.length;
  }

  @Override
  public List<Integer> sample(UniformRandomProvider rng) {
    Integer[] k = new Integer[p.length];
    int left = n;
    double massLeft = 1;
    for (int i = 0; i < p.length - 1; i++) {
      double q = massLeft > 0 ? Math.min(1, Math.max(0, p[i].value() / massLeft)) : 0;
      k[i] = left == 0 ? 0 : Binomial.of(left, q).sample(rng);
      left -= k[i];
      massLeft -= p[i].value();
    }
    k[p.length - 1] = left;
    return List.of(k);
  }

  @Override
  public Real logProb(List<Integer> k) {
    if (k.size() != p.length) {
      throw new DistributionException(name() + ": expected " + p.length + " counts, got " + k.size());
    }
    int total = 0;
    for (int c : k) {
      if (c < 0) {
        return Real.NEGATIVE_INFINITY;
      }
      total += c;
    }
    if (total != n) {
      return Real.NEGATIVE_INFINITY;
    }
    Real lp = Real.of(logNFactorial);
    for (int i = 0; i < p.length; i++) {
      int c = k.get(i);
      lp = lp.plus(Beta.xLogY(Real.of(c), p[i])).minus(Special.logGamma(c + 1.0));
    }
    return lp;
  }

  @Override
  public boolean hasFiniteSupport() {
    return true;
  }

  /** All compositions of n into K parts, in lexicographic order of the count vectors. */
  @Override
  public List<List<Integer>> enumerateSupport() {
    double size = Math.exp(Special.logGamma(n + p.length) - Special.logGamma(n + 1.0) - Special.logGamma(p.length));
    if (size > MAX_ENUMERATION + 0.5) {
      throw new UnsupportedOperationException(name() + " has about " + Math.round(size) + " outcomes, more than " + MAX_ENUMERATION + " to enumerate");
    }
    List<List<Integer>> out = new ArrayList<>();
    compositions(new Integer[p.length], 0, n, out);
    return Collections.unmodifiableList(out);
  }

  private static void compositions(Integer[] k, int i, int left, List<List<Integer>> out) {
    if (i == k.length - 1) {
      k[i] = left;
      out.add(List.of(k));
      return;
    }
    for (int c = 0; c <= left; c++) {
      k[i] = c;
      compositions(k, i + 1, left - c, out);
    }
  }

  /** The mean counts n p. */
  public double[] mean() {
    double[] m = new double[p.length];
    for (int i = 0; i < m.length; i++) {
      m[i] = n * p[i].value();
    }
    return m;
  }

  @Override
  public String toString() {
    return "Multinomial(" + n + ", " + Arrays.toString(Real.values(p)) + ")";
  }
}
