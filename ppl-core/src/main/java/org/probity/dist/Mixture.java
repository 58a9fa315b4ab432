package org.probity.dist;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Real;
import org.probity.ad.Reals;

/**
 * A finite mixture of continuous components with the component indicator marginalised out:
 * density sum_i w_i f_i(x), computed as log-sum-exp of log w_i + log f_i(x) (one tape node), so
 * a Gaussian mixture model needs no discrete latent variables. Differentiable in the value, the
 * weights and every component's parameters.
 *
 * <p>The double path ({@link #logDensity(double)}, and {@link #logDensitySum} for a vectorised
 * observation such as {@code plate(mixture, y)}) reads the parameters untracked, allocates nothing
 * per point, and for all-{@link Normal} components evaluates the terms in closed form
 * ({@code NormalMixtureTerms}), as a hand-written Gaussian mixture likelihood does.
 */
public final class Mixture implements Continuous {
  private final Real[] logWeights;
  private final double[] weights;
  private final List<Continuous> components;
  // the double paths' constants, read without following the Real parameters
  private final double[] logWeightValues;
  private final Continuous[] parts;
  private final NormalMixtureTerms normalTerms;

  private Mixture(Real[] logWeights, List<? extends Continuous> components) {
    if (components.isEmpty()) {
      throw new DistributionException("Mixture: parameter components must not be empty");
    }
    if (logWeights.length != components.size()) {
      throw new DistributionException("Mixture: parameter weights has " + logWeights.length + " entries for " + components.size() + " components");
    }
    this.logWeights = logWeights;
    this.components = List.copyOf(components);
    this.weights = new double[logWeights.length];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = Math.exp(logWeights[i].value());
    }
    this.logWeightValues = new double[logWeights.length];
    for (int i = 0; i < logWeightValues.length; i++) {
      logWeightValues[i] = logWeights[i].untrackedValue();
    }
    this.parts = this.components.toArray(new Continuous[0]);
    this.normalTerms = NormalMixtureTerms.of(logWeightValues, this.components);
  }

  /** The mixture with probabilities {@code weights} (non-negative, summing to 1 within 1e-9). */
  public static Mixture of(double[] weights, List<? extends Continuous> components) {
    return of(Real.of(weights), components);
  }

  /** The mixture with probabilities {@code weights}. */
  public static Mixture of(double[] weights, Continuous... components) {
    return of(weights, List.of(components));
  }

  /** The mixture with differentiable probabilities (non-negative, summing to 1 within 1e-9). */
  public static Mixture of(Real[] weights, List<? extends Continuous> components) {
    double s = 0;
    Real[] lw = new Real[weights.length];
    for (int i = 0; i < weights.length; i++) {
      double w = weights[i].value();
      if (!(w >= 0) || !Double.isFinite(w)) {
        throw new DistributionException("Mixture: parameter weights[" + i + "] must be finite and non-negative, got " + w);
      }
      s += w;
      lw[i] = weights[i].log();
    }
    if (Math.abs(s - 1) > 1e-9) {
      throw new DistributionException("Mixture: parameter weights must sum to 1, got sum " + s);
    }
    return new Mixture(lw, components);
  }

  /** The mixture with weights proportional to exp(logWeights), normalised by log-sum-exp. */
  public static Mixture ofLogWeights(Real[] logWeights, List<? extends Continuous> components) {
    for (int i = 0; i < logWeights.length; i++) {
      double v = logWeights[i].value();
      if (Double.isNaN(v) || v == Double.POSITIVE_INFINITY) {
        throw new DistributionException("Mixture: parameter logWeights[" + i + "] must be below +Infinity, got " + v);
      }
    }
    Real z = Reals.logSumExp(logWeights);
    if (z.value() == Double.NEGATIVE_INFINITY) {
      throw new DistributionException("Mixture: all " + logWeights.length + " weights are zero");
    }
    Real[] lw = new Real[logWeights.length];
    for (int i = 0; i < lw.length; i++) {
      lw[i] = logWeights[i].minus(z);
    }
    return new Mixture(lw, components);
  }

  /** The components. */
  public List<Continuous> components() {
    return components;
  }

  /** The mixing probabilities (a copy). */
  public double[] weights() {
    return weights.clone();
  }

  @Override
  public double sampleDouble(UniformRandomProvider rng) {
    double u = rng.nextDouble();
    double c = 0;
    int last = weights.length - 1;
    for (int i = 0; i < last; i++) {
      c += weights[i];
      if (u < c) {
        return components.get(i).sampleDouble(rng);
      }
    }
    return components.get(last).sampleDouble(rng);
  }

  @Override
  public Real logProb(Real x) {
    Real[] terms = new Real[weights.length];
    for (int i = 0; i < terms.length; i++) {
      terms[i] = logWeights[i].plus(components.get(i).logProb(x));
    }
    return Reals.logSumExp(terms);
  }

  @Override
  public double logDensity(double x) {
    if (normalTerms != null) {
      return normalTerms.logDensity(x);
    }
    return logDensity(x, new double[parts.length]);
  }

  /**
   * The sum of {@link #logDensity(double)} over {@code xs}, in order from 0, so a vectorised
   * observation weighs exactly what one observation per point would.
   */
  @Override
  public double logDensitySum(double[] xs) {
    if (normalTerms != null) {
      return normalTerms.logDensitySum(xs);
    }
    double[] t = new double[parts.length];
    double total = 0;
    for (double x : xs) {
      total += logDensity(x, t);
    }
    return total;
  }

  // log-sum-exp of log w_i + log f_i(x) in two passes, with t as scratch for the terms
  private double logDensity(double x, double[] t) {
    double m = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < t.length; i++) {
      t[i] = logWeightValues[i] + parts[i].logDensity(x);
      m = Math.max(m, t[i]);
    }
    if (m == Double.NEGATIVE_INFINITY) {
      return m;
    }
    double s = 0;
    for (double v : t) {
      s += Math.exp(v - m);
    }
    return m + Math.log(s);
  }

  @Override
  public double mean() {
    double m = 0;
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] > 0) {
        m += weights[i] * components.get(i).mean();
      }
    }
    return m;
  }

  @Override
  public double variance() {
    double m = mean();
    double v = 0;
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] > 0) {
        double d = components.get(i).mean() - m;
        v += weights[i] * (components.get(i).variance() + d * d);
      }
    }
    return v;
  }

  @Override
  public double supportLowerBound() {
    double lo = Double.POSITIVE_INFINITY;
    for (Continuous c : components) {
      lo = Math.min(lo, c.supportLowerBound());
    }
    return lo;
  }

  @Override
  public double supportUpperBound() {
    double hi = Double.NEGATIVE_INFINITY;
    for (Continuous c : components) {
      hi = Math.max(hi, c.supportUpperBound());
    }
    return hi;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Mixture(");
    for (int i = 0; i < weights.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(weights[i]).append(" * ").append(components.get(i).name());
    }
    return sb.append(")").toString();
  }
}
