package org.probity.dist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Real;

/**
 * The multinomial distribution: counts of n independent draws over K categories with
 * probabilities p. Values are count vectors {@code int[]} (the integer-vector convention of
 * {@link Distribution}; the Enumerator compares array results by content). Sampled by sequential
 * conditional binomials; its support (all compositions of n into K non-negative parts,
 * C(n+K-1, K-1) of them) is enumerable.
 */
public final class Multinomial implements Distribution<int[]> {
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
  public int[] sample(UniformRandomProvider rng) {
    int[] k = new int[p.length];
    int left = n;
    double massLeft = 1;
    for (int i = 0; i < p.length - 1; i++) {
      double q = massLeft > 0 ? Math.min(1, Math.max(0, p[i].value() / massLeft)) : 0;
      k[i] = left == 0 || q == 0 ? 0 : q == 1 ? left : Binomial.splitting(rng, left, q);
      left -= k[i];
      massLeft -= p[i].value();
    }
    k[p.length - 1] = left;
    return k;
  }

  @Override
  public Real logProb(int[] k) {
    if (k.length != p.length) {
      throw new DistributionException(name() + ": expected " + p.length + " counts, got " + k.length);
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
      int c = k[i];
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
  public List<int[]> enumerateSupport() {
    return enumerateSupport(MAX_ENUMERATION);
  }

  /** {@link #enumerateSupport()} when there are at most {@code limit} compositions (at most {@code Integer.MAX_VALUE - 8}). */
  @Override
  public List<int[]> enumerateSupport(long limit) {
    long max = Math.min(limit, Integer.MAX_VALUE - 8);
    double size = Math.exp(Special.logGamma(n + p.length) - Special.logGamma(n + 1.0) - Special.logGamma(p.length));
    if (size > max + 0.5) {
      throw new SupportTooLargeException(name(), size, max);
    }
    List<int[]> out = new ArrayList<>();
    compositions(new int[p.length], 0, n, out);
    return Collections.unmodifiableList(out);
  }

  private static void compositions(int[] k, int i, int left, List<int[]> out) {
    if (i == k.length - 1) {
      k[i] = left;
      out.add(k.clone());
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

  /** The count vectors of length K summing to n. */
  @Override
  public Constraint support() {
    return new Constraint.Compositions(n, p.length);
  }

  @Override
  public String toString() {
    return "Multinomial(" + n + ", " + Arrays.toString(Real.values(p)) + ")";
  }
}
