package org.probity.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.probity.ad.Real;
import org.probity.ad.Reals;

/**
 * The Dirichlet distribution on the probability simplex of dimension K &gt;= 2 with
 * concentrations alpha: density Gamma(sum alpha) / prod Gamma(alpha_i) prod x_i^(alpha_i - 1)
 * (with respect to Lebesgue measure on the first K-1 coordinates). Values are {@code Real[]}.
 * Sampled by normalising independent Gamma(alpha_i, 1) draws.
 */
public final class Dirichlet implements Distribution<Real[]> {
  private static final double SIMPLEX_TOLERANCE = 1e-9;
  private final Real[] alpha;
  private final Real logNormaliser;

  private Dirichlet(Real[] alpha) {
    if (alpha.length < 2) {
      throw new DistributionException("Dirichlet: parameter alpha must have at least 2 entries, got " + alpha.length);
    }
    Real sum = Real.ZERO;
    Real lg = Real.ZERO;
    for (int i = 0; i < alpha.length; i++) {
      DistributionException.positive("Dirichlet", "alpha[" + i + "]", alpha[i].value());
      sum = sum.plus(alpha[i]);
      lg = lg.plus(alpha[i].logGamma());
    }
    this.alpha = alpha.clone();
    this.logNormaliser = sum.logGamma().minus(lg);
  }

  /** Dirichlet(alpha). */
  public static Dirichlet of(double... alpha) {
    return new Dirichlet(Real.of(alpha));
  }

  /** Dirichlet(alpha) with differentiable concentrations. */
  public static Dirichlet of(Real... alpha) {
    return new Dirichlet(alpha);
  }

  /** The symmetric Dirichlet with K entries all equal to {@code a}. */
  public static Dirichlet symmetric(int k, double a) {
    double[] al = new double[k];
    java.util.Arrays.fill(al, a);
    return of(al);
  }

  /** The dimension K. */
  public int dimension() {
    return alpha.length;
  }

  @Override
  public Real[] sample(UniformRandomProvider rng) {
    int k = alpha.length;
    double[] g = new double[k];
    double s = 0;
    for (int attempt = 0; attempt < 100 && !(s > 0); attempt++) {
      s = 0;
      for (int i = 0; i < k; i++) {
        g[i] = AhrensDieterMarsagliaTsangGammaSampler.of(rng, alpha[i].value(), 1).sample();
        s += g[i];
      }
    }
    if (!(s > 0)) {
      throw new DistributionException(name() + ": every gamma draw underflowed to 0 (concentrations too small to sample in double precision)");
    }
    Real[] x = new Real[k];
    for (int i = 0; i < k; i++) {
      x[i] = Real.of(OpenSupport.unit(g[i] / s));
    }
    return x;
  }

  @Override
  public boolean hasRsample() {
    return true;
  }

  /**
   * The draw of {@link #sample}, x_i = g_i / sum g, with each standard gamma g_i carrying its
   * implicit reparameterisation gradient dg_i/dalpha_i (Figurnov, Mohamed and Mnih 2018, section
   * 3.3): dx_i/dalpha_j = (delta_ij dg_j/dalpha_j - x_i dg_j/dalpha_j) / sum g, one node per
   * coordinate with the K concentrations as parents.
   */
  @Override
  public Real[] rsample(UniformRandomProvider rng) {
    int k = alpha.length;
    double[] g = new double[k];
    double s = 0;
    for (int attempt = 0; attempt < 100 && !(s > 0); attempt++) {
      s = 0;
      for (int i = 0; i < k; i++) {
        g[i] = AhrensDieterMarsagliaTsangGammaSampler.of(rng, alpha[i].value(), 1).sample();
        s += g[i];
      }
    }
    if (!(s > 0)) {
      throw new DistributionException(name() + ": every gamma draw underflowed to 0 (concentrations too small to sample in double precision)");
    }
    double[] dg = new double[k];
    for (int j = 0; j < k; j++) {
      dg[j] = alpha[j].isVariable() ? IncompleteGamma.implicitShapeDerivative(alpha[j].value(), g[j]) : 0;
    }
    Real[] x = new Real[k];
    for (int i = 0; i < k; i++) {
      double xi = OpenSupport.unit(g[i] / s); // a component that underflowed or rounded to 1 stays in the open simplex
      double[] d = new double[k];
      for (int j = 0; j < k; j++) {
        d[j] = ((i == j ? dg[j] : 0) - xi * dg[j]) / s;
      }
      x[i] = Reals.node(alpha, xi, d);
    }
    return x;
  }

  @Override
  public Real logProb(Real[] x) {
    if (x.length != alpha.length) {
      throw new DistributionException(name() + ": expected a vector of length " + alpha.length + ", got " + x.length);
    }
    double s = 0;
    for (Real xi : x) {
      if (!(xi.value() >= 0 && xi.value() <= 1)) {
        return Real.NEGATIVE_INFINITY;
      }
      s += xi.value();
    }
    if (Math.abs(s - 1) > SIMPLEX_TOLERANCE) {
      return Real.NEGATIVE_INFINITY;
    }
    Real lp = logNormaliser;
    for (int i = 0; i < x.length; i++) {
      lp = lp.plus(Beta.xLogY(alpha[i].minus(1), x[i]));
    }
    return lp;
  }

  /** The mean vector alpha / sum alpha. */
  public double[] mean() {
    double s = 0;
    for (Real a : alpha) {
      s += a.value();
    }
    double[] m = new double[alpha.length];
    for (int i = 0; i < m.length; i++) {
      m[i] = alpha[i].value() / s;
    }
    return m;
  }

  /** The marginal variances alpha_i (a0 - alpha_i) / (a0^2 (a0 + 1)). */
  public double[] variance() {
    double s = 0;
    for (Real a : alpha) {
      s += a.value();
    }
    double[] v = new double[alpha.length];
    for (int i = 0; i < v.length; i++) {
      double a = alpha[i].value();
      v[i] = a * (s - a) / (s * s * (s + 1));
    }
    return v;
  }

  /** The probability simplex of dimension K. */
  @Override
  public Constraint support() {
    return new Constraint.Simplex(alpha.length);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Dirichlet(");
    for (int i = 0; i < alpha.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(alpha[i]);
    }
    return sb.append(")").toString();
  }
}
