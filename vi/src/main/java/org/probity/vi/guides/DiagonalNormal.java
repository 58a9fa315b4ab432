package org.probity.vi.guides;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.probity.ad.BlockNode;
import org.probity.ad.Real;
import org.probity.ad.Reals;
import org.probity.dist.Constraint;
import org.probity.dist.Distribution;
import org.probity.dist.DistributionException;

/**
 * N(loc, diag(scale^2)) on R^n as one vector site (value {@code Real[]}), vectorised for
 * variational guides: the reparameterised draw loc + scale * eps is one tape block for all n
 * coordinates, the log density one node with parents x, loc and scale.
 */
public final class DiagonalNormal implements Distribution<Real[]> {
  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
  private final Real[] loc;
  private final Real[] scale;

  private DiagonalNormal(Real[] loc, Real[] scale) {
    if (loc.length != scale.length) {
      throw new DistributionException("DiagonalNormal: loc has " + loc.length + " entries, scale " + scale.length);
    }
    for (int i = 0; i < scale.length; i++) {
      double s = scale[i].value();
      if (!(s > 0) || !Double.isFinite(s)) {
        throw new DistributionException("DiagonalNormal: scale[" + i + "] must be positive and finite, got " + s);
      }
      if (!Double.isFinite(loc[i].value())) {
        throw new DistributionException("DiagonalNormal: loc[" + i + "] must be finite, got " + loc[i].value());
      }
    }
    this.loc = loc.clone();
    this.scale = scale.clone();
  }

  /** N(loc, diag(scale^2)). */
  public static DiagonalNormal of(Real[] loc, Real[] scale) {
    return new DiagonalNormal(loc, scale);
  }

  /** The dimension n. */
  public int dimension() {
    return loc.length;
  }

  @Override
  public Real[] sample(UniformRandomProvider rng) {
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    Real[] x = new Real[loc.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = Real.of(loc[i].value() + scale[i].value() * g.sample());
    }
    return x;
  }

  @Override
  public boolean hasRsample() {
    return true;
  }

  /** loc + scale * eps for the eps {@link #sample} would draw: one block, d x_i / d loc_i = 1, d x_i / d scale_i = eps_i. */
  @Override
  public Real[] rsample(UniformRandomProvider rng) {
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    int n = loc.length;
    double[] eps = new double[n];
    double[] x = new double[n];
    Real[] inputs = new Real[2 * n];
    for (int i = 0; i < n; i++) {
      eps[i] = g.sample();
      x[i] = loc[i].value() + scale[i].value() * eps[i];
      inputs[i] = loc[i];
      inputs[n + i] = scale[i];
    }
    return BlockNode.of(inputs, x, (out, in) -> {
      for (int i = 0; i < n; i++) {
        in[i] += out[i];
        in[n + i] += out[i] * eps[i];
      }
    });
  }

  /** sum_i log N(x_i | loc_i, scale_i), one node. */
  @Override
  public Real logProb(Real[] x) {
    int n = loc.length;
    if (x.length != n) {
      throw new DistributionException("DiagonalNormal: expected a vector of length " + n + ", got " + x.length);
    }
    Real[] in = new Real[3 * n];
    double[] d = new double[3 * n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      double s = scale[i].value();
      double z = (x[i].value() - loc[i].value()) / s;
      total += -0.5 * z * z - Math.log(s) - HALF_LOG_TWO_PI;
      in[i] = x[i];
      d[i] = -z / s;
      in[n + i] = loc[i];
      d[n + i] = z / s;
      in[2 * n + i] = scale[i];
      d[2 * n + i] = (z * z - 1) / s;
    }
    return Reals.node(in, total, d);
  }

  @Override
  public double logDensity(Real[] x) {
    double total = 0;
    for (int i = 0; i < loc.length; i++) {
      double s = scale[i].value();
      double z = (x[i].value() - loc[i].value()) / s;
      total += -0.5 * z * z - Math.log(s) - HALF_LOG_TWO_PI;
    }
    return total;
  }

  @Override
  public Constraint support() {
    return Constraint.realVector(loc.length);
  }

  @Override
  public String name() {
    return "DiagonalNormal(" + loc.length + ")";
  }

  @Override
  public String toString() {
    return name();
  }
}
