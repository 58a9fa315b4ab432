package org.probity.testkit.programs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.probity.core.Address;
import org.probity.core.Observe;
import org.probity.core.Prob;
import org.probity.core.Pure;
import org.probity.core.Sample;
import org.probity.dist.Bernoulli;
import org.probity.dist.Binomial;
import org.probity.dist.Categorical;
import org.probity.dist.DiscreteUniform;
import org.probity.dist.Distribution;

/**
 * A finite distribution used by generated programs, with values coded as integers: Bernoulli(p)
 * (false = 0, true = 1), Categorical(w), the discrete uniform on {0..n-1}
 * ({@link DiscreteUniform}{@code .of(0, n - 1)}) and Binomial(n, p) ({@link Binomial}). Programs
 * sample and observe the real core distributions; {@link #probabilities()} gives the exact
 * probabilities independently (for tests that weight by them).
 *
 * @param kind which family
 * @param p the success probability (Bernoulli, Binomial)
 * @param n the number of outcomes (uniform) or of trials (Binomial)
 * @param weights the categorical probabilities (Categorical only; empty otherwise)
 */
public record FiniteDist(Kind kind, double p, int n, List<Double> weights) {

  /** The families. */
  public enum Kind {
    /** Bernoulli(p). */
    BERNOULLI,
    /** Categorical(weights). */
    CATEGORICAL,
    /** Uniform on {0, ..., n-1}. */
    UNIFORM,
    /** Binomial(n, p). */
    BINOMIAL
  }

  /** Copies the weights. */
  public FiniteDist {
    weights = List.copyOf(weights);
  }

  /** Bernoulli(p). */
  public static FiniteDist bernoulli(double p) {
    return new FiniteDist(Kind.BERNOULLI, p, 2, List.of());
  }

  /** Categorical with the given (normalised) probabilities. */
  public static FiniteDist categorical(double... w) {
    List<Double> ws = new ArrayList<>();
    for (double x : w) {
      ws.add(x);
    }
    return new FiniteDist(Kind.CATEGORICAL, 0, w.length, ws);
  }

  /** Uniform on {0, ..., n-1}. */
  public static FiniteDist uniform(int n) {
    return new FiniteDist(Kind.UNIFORM, 0, n, List.of());
  }

  /** Binomial(n, p). */
  public static FiniteDist binomial(int n, double p) {
    return new FiniteDist(Kind.BINOMIAL, p, n, List.of());
  }

  /** The number of values {0, ..., size-1} in the support. */
  public int supportSize() {
    return kind == Kind.BINOMIAL ? n + 1 : n;
  }

  /** The probability of each value {0, ..., supportSize-1}. */
  public double[] probabilities() {
    switch (kind) {
      case BERNOULLI:
        return new double[] {1 - p, p};
      case CATEGORICAL:
        return weights.stream().mapToDouble(Double::doubleValue).toArray();
      case UNIFORM: {
        double[] u = new double[n];
        Arrays.fill(u, 1.0 / n);
        return u;
      }
      default: {
        double[] b = new double[n + 1];
        for (int k = 0; k <= n; k++) {
          b[k] = choose(n, k) * Math.pow(p, k) * Math.pow(1 - p, n - k);
        }
        double s = Arrays.stream(b).sum();
        for (int k = 0; k <= n; k++) {
          b[k] /= s;
        }
        return b;
      }
    }
  }

  private static double choose(int n, int k) {
    double c = 1;
    for (int i = 1; i <= k; i++) {
      c = c * (n - k + i) / i;
    }
    return c;
  }

  /**
   * The core distribution: Bernoulli over Boolean, otherwise {@link Categorical},
   * {@link DiscreteUniform} or {@link Binomial} over Integer.
   */
  public Distribution<?> distribution() {
    switch (kind) {
      case BERNOULLI:
        return Bernoulli.of(p);
      case CATEGORICAL:
        return Categorical.of(probabilities());
      case UNIFORM:
        return DiscreteUniform.of(0, n - 1);
      default:
        return Binomial.of(n, p);
    }
  }

  @SuppressWarnings("unchecked")
  private Distribution<Integer> integerDistribution() {
    return (Distribution<Integer>) distribution();
  }

  /** A choice from this distribution at {@code address} (null: anonymous), as an integer. */
  public Prob<Integer> sample(Address address) {
    if (kind == Kind.BERNOULLI) {
      return new Sample<Boolean, Integer>(address, Bernoulli.of(p), b -> new Pure<>(b ? 1 : 0));
    }
    return new Sample<Integer, Integer>(address, integerDistribution(), Pure::new);
  }

  /** A choice from this distribution at {@code address} (null: anonymous) continuing with {@code k} of its integer value. */
  public <A> Prob<A> sample(Address address, Function<Integer, ? extends Prob<A>> k) {
    if (kind == Kind.BERNOULLI) {
      return new Sample<Boolean, A>(address, Bernoulli.of(p), b -> k.apply(b ? 1 : 0));
    }
    return new Sample<Integer, A>(address, integerDistribution(), k);
  }

  /** Observes the value {@code v} (taken modulo the support size), then continues. */
  public <A> Prob<A> observe(Address address, int v, Supplier<? extends Prob<A>> next) {
    int x = Math.floorMod(v, supportSize());
    if (kind == Kind.BERNOULLI) {
      return new Observe<Boolean, A>(address, Bernoulli.of(p), x == 1, next);
    }
    return new Observe<Integer, A>(address, integerDistribution(), x, next);
  }

  /** Simpler distributions: fewer outcomes, then Bernoulli(1/2). */
  public List<FiniteDist> shrink() {
    List<FiniteDist> out = new ArrayList<>();
    switch (kind) {
      case BERNOULLI:
        if (p != 0.5) {
          out.add(bernoulli(0.5));
        }
        break;
      case CATEGORICAL:
        out.add(bernoulli(0.5));
        if (n > 2) {
          out.add(uniform(n - 1));
        }
        out.add(uniform(n));
        break;
      case UNIFORM:
        out.add(bernoulli(0.5));
        if (n > 2) {
          out.add(uniform(n - 1));
        }
        break;
      default:
        out.add(bernoulli(p));
        if (n > 1) {
          out.add(binomial(n - 1, p));
        }
    }
    return out;
  }

  @Override
  public String toString() {
    switch (kind) {
      case BERNOULLI:
        return "bernoulli(" + p + ")";
      case CATEGORICAL:
        return "categorical" + weights.toString().replace('[', '(').replace(']', ')');
      case UNIFORM:
        return "uniform{0.." + (n - 1) + "}";
      default:
        return "binomial(" + n + ", " + p + ")";
    }
  }
}
