package org.probity;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.probity.ad.Real;
import org.probity.core.Address;
import org.probity.core.Combinators;
import org.probity.core.Defer;
import org.probity.core.Factor;
import org.probity.core.Observe;
import org.probity.core.Prob;
import org.probity.core.Pure;
import org.probity.core.Sample;
import org.probity.core.Unit;
import org.probity.dist.Bernoulli;
import org.probity.dist.Beta;
import org.probity.dist.Categorical;
import org.probity.dist.Continuous;
import org.probity.dist.Distribution;
import org.probity.dist.Normal;
import org.probity.dist.Product;
import org.probity.dist.Uniform;

/**
 * The modelling vocabulary in one place: {@code import static org.probity.Probity.*;} and a model
 * reads like its mathematics, e.g. {@code sample(normal(0, 1)).flatMap(mu -> observe(normal(mu, 1), 0.5))}.
 */
public final class Probity {
  private static final Supplier<Prob<Unit>> DONE = () -> new Pure<>(Unit.UNIT);

  private Probity() {
  }

  // ---- primitives ----

  /** The program that returns {@code a}. */
  public static <A> Prob<A> pure(A a) {
    return new Pure<>(a);
  }

  /** An anonymous random choice. */
  public static <X> Prob<X> sample(Distribution<X> dist) {
    return new Sample<X, X>(null, dist, Pure::new);
  }

  /** A named random choice. */
  public static <X> Prob<X> sample(String name, Distribution<X> dist) {
    return new Sample<X, X>(Address.of(name), dist, Pure::new);
  }

  /** A random choice at a hierarchical address. */
  public static <X> Prob<X> sample(Address address, Distribution<X> dist) {
    return new Sample<X, X>(address, dist, Pure::new);
  }

  /** An anonymous choice passed straight to its continuation (the fast path: no bind node). */
  public static <X, A> Prob<A> sample(Distribution<X> dist, Function<? super X, ? extends Prob<A>> k) {
    return new Sample<>(null, dist, k);
  }

  /** A named choice passed straight to its continuation. */
  public static <X, A> Prob<A> sample(String name, Distribution<X> dist, Function<? super X, ? extends Prob<A>> k) {
    return new Sample<>(Address.of(name), dist, k);
  }

  /** A choice at a hierarchical address passed straight to its continuation. */
  public static <X, A> Prob<A> sample(Address address, Distribution<X> dist, Function<? super X, ? extends Prob<A>> k) {
    return new Sample<>(address, dist, k);
  }

  /** Conditions on {@code value} having been drawn from {@code dist}. */
  public static <X> Prob<Unit> observe(Distribution<X> dist, X value) {
    return new Observe<X, Unit>(null, dist, value, DONE);
  }

  /** Conditions on a real observation. */
  public static Prob<Unit> observe(Continuous dist, double value) {
    return new Observe<Real, Unit>(null, dist, Real.of(value), DONE);
  }

  /** A named observation. */
  public static <X> Prob<Unit> observe(String name, Distribution<X> dist, X value) {
    return new Observe<X, Unit>(Address.of(name), dist, value, DONE);
  }

  /** Observation followed directly by the rest of the program (the fast path). */
  public static <X, A> Prob<A> observe(Distribution<X> dist, X value, Supplier<? extends Prob<A>> next) {
    return new Observe<>(null, dist, value, next);
  }

  /** Real observation followed directly by the rest of the program (the fast path). */
  public static <A> Prob<A> observe(Continuous dist, double value, Supplier<? extends Prob<A>> next) {
    return new Observe<>(null, dist, Real.of(value), next);
  }

  /** Multiplies the weight by exp(logWeight). */
  public static Prob<Unit> factor(double logWeight) {
    return new Factor<>(Real.of(logWeight), DONE);
  }

  /** Multiplies the weight by exp(logWeight), differentiably. */
  public static Prob<Unit> factor(Real logWeight) {
    return new Factor<>(logWeight, DONE);
  }

  /** Hard conditioning: zero weight unless {@code holds}. */
  public static Prob<Unit> condition(boolean holds) {
    return new Factor<>(holds ? Real.ZERO : Real.NEGATIVE_INFINITY, DONE);
  }

  /** A program built only when reached (for recursion). */
  public static <A> Prob<A> defer(Supplier<? extends Prob<A>> thunk) {
    return new Defer<>(thunk);
  }

  /** A hierarchical address, e.g. {@code addr("z", t)} prints as {@code z[t]}. */
  public static Address addr(Object... parts) {
    return Address.of(parts);
  }

  // ---- combinators ----

  /** Folds over [from, to). */
  public static <S> Prob<S> fold(int from, int to, S init, BiFunction<? super S, Integer, ? extends Prob<S>> step) {
    return Combinators.fold(from, to, init, step);
  }

  /** Folds over a list. */
  public static <T, S> Prob<S> fold(List<T> xs, S init, BiFunction<? super S, ? super T, ? extends Prob<S>> step) {
    return Combinators.fold(xs, init, step);
  }

  /** Runs body(i) for i in [from, to) and collects the results. */
  public static <B> Prob<List<B>> forEach(int from, int to, IntFunction<? extends Prob<B>> body) {
    return Combinators.forEach(from, to, body);
  }

  /** Runs body(x) for each element and collects the results. */
  public static <T, B> Prob<List<B>> forEach(List<T> xs, Function<? super T, ? extends Prob<B>> body) {
    return Combinators.forEach(xs, body);
  }

  /** Runs body(x) for each entry of a double array and collects the results. */
  public static <B> Prob<List<B>> forEach(double[] xs, Function<Double, ? extends Prob<B>> body) {
    return Combinators.forEach(xs, body);
  }

  /** Runs a program n times and collects the results. */
  public static <A> Prob<List<A>> replicate(int n, Prob<A> program) {
    return Combinators.replicate(n, program);
  }

  /** n independent draws from a distribution. */
  public static <X> Prob<List<X>> iid(int n, Distribution<X> dist) {
    return Combinators.replicate(n, sample(dist));
  }

  /** Runs the programs in order and collects the results. */
  public static <A> Prob<List<A>> sequence(List<? extends Prob<A>> programs) {
    return Combinators.sequence(programs);
  }

  /** An independent product of body(0..n-1): parallel under the Sampler, a product under the Enumerator. */
  public static <B> Prob<List<B>> independent(int n, IntFunction<? extends Prob<B>> body) {
    return Combinators.independent(n, body);
  }

  /** A vectorised observation: every entry of {@code data} drawn independently from {@code dist}. */
  public static Prob<Unit> plate(Continuous dist, double[] data) {
    return new Observe<double[], Unit>(null, dist.iid(data.length), data, DONE);
  }

  /**
   * A vectorised observation with a distribution per entry: {@code data[i]} drawn independently
   * from {@code dist.apply(i)}, e.g. {@code plate(y, i -> normal(a.plus(b.times(x[i])), sigma))}.
   */
  public static Prob<Unit> plate(double[] data, IntFunction<? extends Continuous> dist) {
    return new Observe<double[], Unit>(null, Product.of(data.length, dist), data.clone(), DONE);
  }

  /** Branches on a random condition. */
  public static <A> Prob<A> ifThenElse(Prob<Boolean> condition, Prob<A> then, Prob<A> otherwise) {
    return Combinators.ifThenElse(condition, then, otherwise);
  }

  /** Runs component i with probability weights[i]. */
  public static <A> Prob<A> mixture(double[] weights, List<? extends Prob<A>> components) {
    return Combinators.mixture(weights, components);
  }

  // ---- distributions ----

  /** Normal(mu, sigma). */
  public static Normal normal(double mu, double sigma) {
    return Normal.of(mu, sigma);
  }

  /** Normal(mu, sigma) with a differentiable mean. */
  public static Normal normal(Real mu, double sigma) {
    return Normal.of(mu, sigma);
  }

  /** Normal(mu, sigma) with differentiable parameters. */
  public static Normal normal(Real mu, Real sigma) {
    return Normal.of(mu, sigma);
  }

  /** Bernoulli(p) over booleans. */
  public static Bernoulli bernoulli(double p) {
    return Bernoulli.of(p);
  }

  /** Bernoulli(p) with a differentiable probability. */
  public static Bernoulli bernoulli(Real p) {
    return Bernoulli.of(p);
  }

  /** Beta(alpha, beta). */
  public static Beta beta(double alpha, double beta) {
    return Beta.of(alpha, beta);
  }

  /** Categorical over 0..K-1. */
  public static Categorical categorical(double... p) {
    return Categorical.of(p);
  }

  /** Uniform on [lo, hi]. */
  public static Uniform uniform(double lo, double hi) {
    return Uniform.of(lo, hi);
  }
}
