package org.probity.dist;

import java.util.function.IntFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Real;
import org.probity.ad.Reals;

/**
 * Independent, not identically distributed coordinates: entry i of a {@code double[]} drawn from
 * {@code component(i)}. The vectorised observation behind {@code plate(data, i -> dist)}, e.g.
 * y[i] ~ Normal(a + b x[i], sigma) for a regression.
 */
public final class Product implements Distribution<double[]> {
  private final Continuous[] components;

  private Product(Continuous[] components) {
    this.components = components;
  }

  /** The product of {@code component(0..n-1)}. */
  public static Product of(int n, IntFunction<? extends Continuous> component) {
    if (n < 0) {
      throw new DistributionException("Product: size n must be non-negative, got " + n);
    }
    Continuous[] cs = new Continuous[n];
    for (int i = 0; i < n; i++) {
      cs[i] = component.apply(i);
    }
    return new Product(cs);
  }

  @Override
  public double[] sample(UniformRandomProvider rng) {
    double[] xs = new double[components.length];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = components[i].sampleDouble(rng);
    }
    return xs;
  }

  @Override
  public Real logProb(double[] xs) {
    check(xs);
    Real[] terms = new Real[xs.length];
    boolean constant = true;
    for (int i = 0; i < xs.length; i++) {
      terms[i] = components[i].logProb(Real.of(xs[i]));
      constant &= !terms[i].isVariable();
    }
    if (constant) {
      double s = 0;
      for (Real t : terms) {
        s += t.value();
      }
      return Real.of(s);
    }
    return Reals.sum(terms);
  }

  @Override
  public double logDensity(double[] xs) {
    check(xs);
    double s = 0;
    for (int i = 0; i < xs.length; i++) {
      s += components[i].logDensity(xs[i]);
    }
    return s;
  }

  private void check(double[] xs) {
    if (xs.length != components.length) {
      throw new DistributionException("Product of " + components.length + " components: got " + xs.length + " values");
    }
  }

  @Override
  public String name() {
    return "Product(" + components.length + " components, first " + (components.length > 0 ? components[0].name() : "none") + ")";
  }

  @Override
  public String toString() {
    return name();
  }
}
