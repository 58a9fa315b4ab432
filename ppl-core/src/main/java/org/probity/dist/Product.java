package org.probity.dist;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Real;
import org.probity.ad.Reals;

/**
 * Independent, not identically distributed coordinates as one vector-valued site (value
 * {@code Real[]}): entry i drawn from {@code component(i)}. Observed as data through
 * {@link Plate}, it is the likelihood behind {@code plate(data, i -> dist)}, e.g.
 * y[i] ~ Normal(a + b x[i], sigma) for a regression.
 */
public final class Product implements IndependentVector {
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
  public int size() {
    return components.length;
  }

  @Override
  public Continuous component(int i) {
    return components[i];
  }

  @Override
  public double[] sampleDoubles(UniformRandomProvider rng) {
    double[] xs = new double[components.length];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = components[i].sampleDouble(rng);
    }
    return xs;
  }

  @Override
  public Real logProb(Real[] xs) {
    checkLength(xs.length);
    Real[] terms = new Real[xs.length];
    for (int i = 0; i < xs.length; i++) {
      terms[i] = components[i].logProb(xs[i]);
    }
    return sum(terms);
  }

  @Override
  public double logDensity(Real[] xs) {
    checkLength(xs.length);
    double s = 0;
    for (int i = 0; i < xs.length; i++) {
      s += components[i].logDensity(xs[i].value());
    }
    return s;
  }

  @Override
  public Real logProb(double[] xs) {
    checkLength(xs.length);
    Real[] terms = new Real[xs.length];
    for (int i = 0; i < xs.length; i++) {
      terms[i] = components[i].logProb(Real.of(xs[i]));
    }
    return sum(terms);
  }

  /** The sum as one node, or a constant when no term is on a tape. */
  private static Real sum(Real[] terms) {
    boolean constant = true;
    for (Real t : terms) {
      constant &= !t.isVariable();
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
    checkLength(xs.length);
    double s = 0;
    for (int i = 0; i < xs.length; i++) {
      s += components[i].logDensity(xs[i]);
    }
    return s;
  }

  /** Independent(c, n) when every component has the support c, else the componentwise supports. */
  @Override
  public Constraint support() {
    List<Constraint> cs = new ArrayList<>(components.length);
    boolean same = true;
    for (Continuous c : components) {
      Constraint s = c.support();
      same &= cs.isEmpty() || s.equals(cs.get(0));
      cs.add(s);
    }
    if (same) {
      return new Constraint.Independent(cs.isEmpty() ? new Constraint.RealLine() : cs.get(0), components.length);
    }
    return new Constraint.Componentwise(cs);
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
