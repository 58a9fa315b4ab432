package org.probity.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Real;
import org.probity.ad.Reals;

/**
 * {@code n} independent draws from one continuous distribution as one vector-valued site (value
 * {@code Real[]}): what {@code normal(mu, s).vector(J)} builds. Observed as data through
 * {@link Plate}, its log density is the base's {@link Continuous#logProbSum}, a single tape node
 * (on the double path, {@link Continuous#logDensitySum}).
 */
public record Iid(Continuous base, int n) implements IndependentVector {
  /** Validates the size. */
  public Iid {
    if (n < 0) {
      throw new DistributionException("Iid: size n must be non-negative, got " + n);
    }
  }

  @Override
  public int size() {
    return n;
  }

  @Override
  public Continuous component(int i) {
    return base;
  }

  @Override
  public double[] sampleDoubles(UniformRandomProvider rng) {
    if (base instanceof Normal normal) {
      return normal.sampleDoubles(rng, n); // one ziggurat sampler for all n draws (random-walk proposals)
    }
    double[] xs = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = base.sampleDouble(rng);
    }
    return xs;
  }

  /** The sum of the base's log densities; one node through {@link Continuous#logProbSum} when the values are constants. */
  @Override
  public Real logProb(Real[] xs) {
    checkLength(xs.length);
    boolean constant = true;
    for (Real x : xs) {
      constant &= !x.isVariable();
    }
    if (constant) {
      return base.logProbSum(Real.values(xs));
    }
    Real[] terms = new Real[n];
    for (int i = 0; i < n; i++) {
      terms[i] = base.logProb(xs[i]);
    }
    return Reals.sum(terms);
  }

  @Override
  public double logDensity(Real[] xs) {
    checkLength(xs.length);
    double s = 0;
    for (Real x : xs) {
      s += base.logDensity(x.value());
    }
    return s;
  }

  @Override
  public Real logProb(double[] data) {
    checkLength(data.length);
    return base.logProbSum(data);
  }

  /** The base's {@link Continuous#logDensitySum} of the data. */
  @Override
  public double logDensity(double[] data) {
    checkLength(data.length);
    return base.logDensitySum(data);
  }

  /** The base's support for each of the n entries. */
  @Override
  public Constraint support() {
    return new Constraint.Independent(base.support(), n);
  }

  @Override
  public String name() {
    return "Iid(" + base.name() + ", " + n + ")";
  }
}
