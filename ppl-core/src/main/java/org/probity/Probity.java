package org.probity;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.ejml.data.DMatrixRMaj;
import org.probity.ad.Real;
import org.probity.core.Address;
import org.probity.core.Combinators;
import org.probity.core.Defer;
import org.probity.core.Factor;
import org.probity.core.InvalidAddressException;
import org.probity.core.Memo;
import org.probity.core.Observe;
import org.probity.core.Prob;
import org.probity.core.Pure;
import org.probity.core.Sample;
import org.probity.core.StateSpace;
import org.probity.core.Unit;
import org.probity.dist.Bernoulli;
import org.probity.dist.BernoulliLogit;
import org.probity.dist.BernoulliLogitGlm;
import org.probity.dist.Beta;
import org.probity.dist.Categorical;
import org.probity.dist.Continuous;
import org.probity.dist.Deterministic;
import org.probity.dist.Distribution;
import org.probity.dist.Empirical;
import org.probity.dist.Normal;
import org.probity.dist.Plate;
import org.probity.dist.Product;
import org.probity.dist.Uniform;
import org.probity.dist.BetaBinomial;
import org.probity.dist.Binomial;
import org.probity.dist.Cauchy;
import org.probity.dist.ChiSquared;
import org.probity.dist.ContinuousCdf;
import org.probity.dist.Dirichlet;
import org.probity.dist.DiscreteUniform;
import org.probity.dist.Exponential;
import org.probity.dist.Flat;
import org.probity.dist.Gamma;
import org.probity.dist.Geometric;
import org.probity.dist.HalfCauchy;
import org.probity.dist.HalfNormal;
import org.probity.dist.InverseGamma;
import org.probity.dist.Laplace;
import org.probity.dist.LkjCholesky;
import org.probity.dist.LogNormal;
import org.probity.dist.Logistic;
import org.probity.dist.Mixture;
import org.probity.dist.Multinomial;
import org.probity.dist.MvNormal;
import org.probity.dist.NegativeBinomial;
import org.probity.dist.NormalIdGlm;
import org.probity.dist.Poisson;
import org.probity.dist.PoissonLog;
import org.probity.dist.PoissonLogGlm;
import org.probity.dist.StudentT;
import org.probity.dist.Truncated;
import org.probity.dist.Weibull;

/**
 * The modelling vocabulary in one place: {@code import static org.probity.Probity.*;} and a model
 * reads like its mathematics, e.g. {@code sample(normal(0, 1)).flatMap(mu -> observe(normal(mu, 1), 0.5))}.
 */
public final class Probity {
  private static final Supplier<Prob<Unit>> DONE = () -> new Pure<>(Unit.UNIT);

  private Probity() {
  }

  // ---- primitives ----

  /**
   * The program that returns {@code a}.
   *
   * @param a the result
   * @param <A> the program's result type
   * @return the program
   */
  public static <A> Prob<A> pure(A a) {
    return new Pure<>(a);
  }

  /**
   * An anonymous random choice.
   *
   * @param dist the distribution
   * @param <X> the value type
   * @return the program that makes the choice and returns its value
   */
  public static <X> Prob<X> sample(Distribution<X> dist) {
    return new Sample<X, X>(null, dist, Pure::new);
  }

  /**
   * A named random choice.
   *
   * @param name the site's name
   * @param dist the distribution
   * @param <X> the value type
   * @return the program that makes the choice and returns its value
   */
  public static <X> Prob<X> sample(String name, Distribution<X> dist) {
    return new Sample<X, X>(Address.of(name), dist, Pure::new);
  }

  /**
   * A random choice at a hierarchical address.
   *
   * @param address the site's address
   * @param dist the distribution
   * @param <X> the value type
   * @return the program that makes the choice and returns its value
   */
  public static <X> Prob<X> sample(Address address, Distribution<X> dist) {
    return new Sample<X, X>(address, dist, Pure::new);
  }

  /**
   * An anonymous choice passed straight to its continuation (the fast path: no bind node).
   *
   * @param dist the distribution
   * @param k the continuation, given the chosen value
   * @param <X> the value type
   * @param <A> the program's result type
   * @return the program that makes the choice and continues with {@code k}
   */
  public static <X, A> Prob<A> sample(Distribution<X> dist, Function<? super X, ? extends Prob<A>> k) {
    return new Sample<>(null, dist, k);
  }

  /**
   * A named choice passed straight to its continuation.
   *
   * @param name the site's name
   * @param dist the distribution
   * @param k the continuation, given the chosen value
   * @param <X> the value type
   * @param <A> the program's result type
   * @return the program that makes the choice and continues with {@code k}
   */
  public static <X, A> Prob<A> sample(String name, Distribution<X> dist, Function<? super X, ? extends Prob<A>> k) {
    return new Sample<>(Address.of(name), dist, k);
  }

  /**
   * A choice at a hierarchical address passed straight to its continuation.
   *
   * @param address the site's address
   * @param dist the distribution
   * @param k the continuation, given the chosen value
   * @param <X> the value type
   * @param <A> the program's result type
   * @return the program that makes the choice and continues with {@code k}
   */
  public static <X, A> Prob<A> sample(Address address, Distribution<X> dist, Function<? super X, ? extends Prob<A>> k) {
    return new Sample<>(address, dist, k);
  }

  /**
   * Conditions on {@code value} having been drawn from {@code dist}.
   *
   * @param dist the distribution
   * @param value the observed value
   * @param <X> the value type
   * @return the program that weighs the run by the density of the value
   */
  public static <X> Prob<Unit> observe(Distribution<X> dist, X value) {
    return new Observe<X, Unit>(null, dist, value, DONE);
  }

  /**
   * Conditions on a real observation.
   *
   * @param dist the distribution
   * @param value the observed value
   * @return the program that weighs the run by the density of the value
   */
  public static Prob<Unit> observe(Continuous dist, double value) {
    return new Observe<Real, Unit>(null, dist, Real.of(value), DONE);
  }

  /**
   * A named observation.
   *
   * @param name the site's name
   * @param dist the distribution
   * @param value the observed value
   * @param <X> the value type
   * @return the program that weighs the run by the density of the value
   */
  public static <X> Prob<Unit> observe(String name, Distribution<X> dist, X value) {
    return new Observe<X, Unit>(Address.of(name), dist, value, DONE);
  }

  /**
   * An observation at a hierarchical address, e.g. {@code observe(addr("y", i), normal(mu, sigma), y[i])}:
   * named observations are the columns of the pointwise log likelihood and the sites of
   * predictive draws ({@link org.probity.trace.Predictive}).
   *
   * @param address the observation's address
   * @param dist its distribution
   * @param value the observed value
   * @param <X> the value's type
   * @return the program that weighs the run by the density of the value
   */
  public static <X> Prob<Unit> observe(Address address, Distribution<X> dist, X value) {
    return new Observe<X, Unit>(address, dist, value, DONE);
  }

  /**
   * A named real observation.
   *
   * @param name the observation's name
   * @param dist its distribution
   * @param value the observed value
   * @return the program that weighs the run by the density of the value
   */
  public static Prob<Unit> observe(String name, Continuous dist, double value) {
    return new Observe<Real, Unit>(Address.of(name), dist, Real.of(value), DONE);
  }

  /**
   * A real observation at a hierarchical address.
   *
   * @param address the observation's address
   * @param dist its distribution
   * @param value the observed value
   * @return the program that weighs the run by the density of the value
   */
  public static Prob<Unit> observe(Address address, Continuous dist, double value) {
    return new Observe<Real, Unit>(address, dist, Real.of(value), DONE);
  }

  /**
   * Observation followed directly by the rest of the program (the fast path).
   *
   * @param dist the distribution
   * @param value the observed value
   * @param next the rest of the program
   * @param <X> the value type
   * @param <A> the program's result type
   * @return the program that weighs the run by the density of the value, then runs {@code next}
   */
  public static <X, A> Prob<A> observe(Distribution<X> dist, X value, Supplier<? extends Prob<A>> next) {
    return new Observe<>(null, dist, value, next);
  }

  /**
   * Real observation followed directly by the rest of the program (the fast path).
   *
   * @param dist the distribution
   * @param value the observed value
   * @param next the rest of the program
   * @param <A> the program's result type
   * @return the program that weighs the run by the density of the value, then runs {@code next}
   */
  public static <A> Prob<A> observe(Continuous dist, double value, Supplier<? extends Prob<A>> next) {
    return new Observe<>(null, dist, Real.of(value), next);
  }

  /**
   * Multiplies the weight by exp(logWeight).
   *
   * @param logWeight the log of the weight factor
   * @return the program that weighs the run
   */
  public static Prob<Unit> factor(double logWeight) {
    return new Factor<>(Real.of(logWeight), DONE);
  }

  /**
   * Multiplies the weight by exp(logWeight), differentiably.
   *
   * @param logWeight the log of the weight factor
   * @return the program that weighs the run
   */
  public static Prob<Unit> factor(Real logWeight) {
    return new Factor<>(logWeight, DONE);
  }

  /**
   * Hard conditioning: zero weight unless {@code holds}.
   *
   * @param holds whether the condition holds
   * @return the program that weighs the run by 1 or 0
   */
  public static Prob<Unit> condition(boolean holds) {
    return new Factor<>(holds ? Real.ZERO : Real.NEGATIVE_INFINITY, DONE);
  }

  /**
   * A deterministic site (PyMC's {@code pm.Deterministic}): records {@code value}, a quantity
   * computed from the model's choices (e.g. {@code mu2 = mu1 + d}), in the trace at {@code name},
   * so that it appears in MCMC summaries and exports, and returns it. It is not a random choice:
   * it adds no weight, no kernel moves it, and every run recomputes it (a replay, a density
   * evaluation or a kernel's re-run takes the value the run computes, never a stored one).
   *
   * @param name the site's name
   * @param value the computed value, not null
   * @param <X> its type
   * @return the program that records the value and returns it
   */
  public static <X> Prob<X> deterministic(String name, X value) {
    return new Sample<X, X>(Address.of(name), Deterministic.of(value), Pure::new);
  }

  /**
   * A deterministic site at a hierarchical address, e.g. {@code deterministic(addr("theta", j), value)}.
   *
   * @param address the site's address
   * @param value the computed value, not null
   * @param <X> its type
   * @return the program that records the value and returns it
   */
  public static <X> Prob<X> deterministic(Address address, X value) {
    return new Sample<X, X>(address, Deterministic.of(value), Pure::new);
  }

  /**
   * A real deterministic site, recorded as a {@link Real}.
   *
   * @param name the site's name
   * @param value the computed value
   * @return the program that records the value and returns it as a Real
   */
  public static Prob<Real> deterministic(String name, double value) {
    return deterministic(name, Real.of(value));
  }

  /**
   * An integer deterministic site, recorded as an {@link Integer} (without this overload Java would
   * widen an int to the real one).
   *
   * @param name the site's name
   * @param value the computed value
   * @return the program that records the value and returns it
   */
  public static Prob<Integer> deterministic(String name, int value) {
    return deterministic(name, Integer.valueOf(value));
  }

  /**
   * A memoised random function (Church's and WebPPL's {@code mem}): {@code mem("eyeColor", person
   * -> uniformDraw(colours))} returns a function whose call with an argument draws from the
   * argument's distribution the first time in a run, at the stable address {@code eyeColor/bob}
   * (an integer argument gives {@code name[k]}, a list of arguments one part each), and returns
   * that same value whenever the run calls it again with the same argument. The memo table is
   * state of the run ({@link Memo}): it travels with every sampled, enumerated, traced or SMC run,
   * and each run has its own. Every interpreter supports it; MCMC moves a memoised value like any
   * choice, and every later call in the re-run sees the new value. An independent part may read
   * values drawn before it but may not draw a new one.
   *
   * @param name the function's name, the first part of its addresses
   * @param f the distribution of the value for each argument
   * @param <K> the argument type: integers, strings, enums, booleans, or lists of them
   * @param <V> the value type
   * @return the memoised function
   */
  public static <K, V> Function<K, Prob<V>> mem(String name, Function<? super K, ? extends Distribution<V>> f) {
    Address base = Address.of(name);
    return key -> defer(() -> Memo.call(keyAddress(base, name, key), f.apply(key)));
  }

  private static Address keyAddress(Address base, String name, Object key) {
    if (key instanceof List<?> parts) {
      Address a = base;
      for (Object p : parts) {
        a = keyPart(a, name, p);
      }
      return a;
    }
    return keyPart(base, name, key);
  }

  private static Address keyPart(Address a, String name, Object key) {
    if (key instanceof Integer || key instanceof String) {
      return a.child(key);
    }
    if ((key instanceof Long || key instanceof Short || key instanceof Byte)
        && ((Number) key).longValue() == ((Number) key).intValue()) {
      return a.child(((Number) key).intValue());
    }
    if (key instanceof Enum<?> e) {
      return a.child(e.name());
    }
    if (key instanceof Boolean || key instanceof Character) {
      return a.child(key.toString());
    }
    throw new InvalidAddressException("mem(\"" + name + "\"): the argument " + key
        + (key == null ? "" : " (" + key.getClass().getSimpleName() + ")")
        + " cannot name an address; use integers, strings, enums, booleans or lists of them");
  }

  /**
   * A model in direct style, one line per parameter instead of a lambda nested in the previous
   * one: {@code model(m -> { Real mu = m.sample("mu", normal(0, 5)); Real tau = m.sample("tau",
   * halfCauchy(5)); m.observe(normal(mu, tau), 1.2); return mu; })}. The result is an ordinary
   * program that every interpreter runs (sampling, enumeration, SMC, MCMC, the log-density view of
   * HMC); it is built by re-running the body, so its cost grows with (number of choices) x (number of
   * effects): see {@link DirectModel} for when to prefer the monadic form.
   *
   * @param body the model's body: its choices come from the context, its result is the model's
   * @param <A> the model's result type
   * @return the program
   */
  public static <A> Prob<A> model(DirectModel.Body<A> body) {
    return DirectModel.of(body);
  }

  /**
   * A program built only when reached (for recursion).
   *
   * @param thunk builds the program
   * @param <A> the program's result type
   * @return the deferred program
   */
  public static <A> Prob<A> defer(Supplier<? extends Prob<A>> thunk) {
    return new Defer<>(thunk);
  }

  /**
   * A hierarchical address, e.g. {@code addr("z", t)} prints as {@code z[t]}.
   *
   * @param parts the parts: names (strings) and indices (integers)
   * @return the address
   */
  public static Address addr(Object... parts) {
    return Address.of(parts);
  }

  // ---- combinators ----

  /**
   * Folds over [from, to).
   *
   * @param from the first index
   * @param to the index after the last
   * @param init the initial state
   * @param step the step from the state and the index (or element) to the next state
   * @param <S> the state type
   * @return the program returning the final state
   */
  public static <S> Prob<S> fold(int from, int to, S init, BiFunction<? super S, Integer, ? extends Prob<S>> step) {
    return Combinators.fold(from, to, init, step);
  }

  /**
   * Folds over a list.
   *
   * @param xs the elements
   * @param init the initial state
   * @param step the step from the state and the index (or element) to the next state
   * @param <T> the element type
   * @param <S> the state type
   * @return the program returning the final state
   */
  public static <T, S> Prob<S> fold(List<T> xs, S init, BiFunction<? super S, ? super T, ? extends Prob<S>> step) {
    return Combinators.fold(xs, init, step);
  }

  /**
   * Runs body(i) for i in [from, to) and collects the results.
   *
   * @param from the first index
   * @param to the index after the last
   * @param body the program for each index (or element)
   * @param <B> the type of each result
   * @return the program returning the results in order
   */
  public static <B> Prob<List<B>> forEach(int from, int to, IntFunction<? extends Prob<B>> body) {
    return Combinators.forEach(from, to, body);
  }

  /**
   * Runs body(x) for each element and collects the results.
   *
   * @param xs the elements
   * @param body the program for each index (or element)
   * @param <T> the element type
   * @param <B> the type of each result
   * @return the program returning the results in order
   */
  public static <T, B> Prob<List<B>> forEach(List<T> xs, Function<? super T, ? extends Prob<B>> body) {
    return Combinators.forEach(xs, body);
  }

  /**
   * Runs body(x) for each entry of a double array and collects the results.
   *
   * @param xs the elements
   * @param body the program for each index (or element)
   * @param <B> the type of each result
   * @return the program returning the results in order
   */
  public static <B> Prob<List<B>> forEach(double[] xs, Function<Double, ? extends Prob<B>> body) {
    return Combinators.forEach(xs, body);
  }

  /**
   * Runs a program n times and collects the results.
   *
   * @param n the number of runs
   * @param program the program
   * @param <A> the program's result type
   * @return the program returning the results in order
   */
  public static <A> Prob<List<A>> replicate(int n, Prob<A> program) {
    return Combinators.replicate(n, program);
  }

  /**
   * n independent draws from a distribution.
   *
   * @param n the number of draws
   * @param dist the distribution
   * @param <X> the value type
   * @return the program returning the draws in order
   */
  public static <X> Prob<List<X>> iid(int n, Distribution<X> dist) {
    return Combinators.replicate(n, sample(dist));
  }

  /**
   * Runs the programs in order and collects the results.
   *
   * @param programs the programs
   * @param <A> the program's result type
   * @return the program returning the results in order
   */
  public static <A> Prob<List<A>> sequence(List<? extends Prob<A>> programs) {
    return Combinators.sequence(programs);
  }

  /**
   * An independent product of body(0..n-1): parallel under the Sampler, a product under the
   * Enumerator.
   *
   * @param n the number of parts
   * @param body the program for each index (or element)
   * @param <B> the type of each result
   * @return the program returning the parts' results in order
   */
  public static <B> Prob<List<B>> independent(int n, IntFunction<? extends Prob<B>> body) {
    return Combinators.independent(n, body);
  }

  /**
   * A vectorised observation: every entry of {@code data} drawn independently from {@code dist}.
   *
   * @param dist the distribution of each entry (or of entry i)
   * @param data the observed entries
   * @return the program that weighs the run by the density of the data
   */
  public static Prob<Unit> plate(Continuous dist, double[] data) {
    return new Observe<double[], Unit>(null, Plate.iid(dist, data.length), data.clone(), DONE);
  }

  /**
   * A named vectorised observation: every entry of {@code data} drawn independently from
   * {@code dist}; its pointwise log likelihood has one column per entry ({@code name[i]}).
   *
   * @param name the observation's name
   * @param dist the distribution of each entry
   * @param data the observed entries
   * @return the program that weighs the run by the density of the data
   */
  public static Prob<Unit> plate(String name, Continuous dist, double[] data) {
    return new Observe<double[], Unit>(Address.of(name), Plate.iid(dist, data.length), data.clone(), DONE);
  }

  /**
   * A named vectorised observation with a distribution per entry.
   *
   * @param name the observation's name
   * @param data the observed entries
   * @param dist the distribution of entry i
   * @return the program that weighs the run by the density of the data
   */
  public static Prob<Unit> plate(String name, double[] data, IntFunction<? extends Continuous> dist) {
    return new Observe<double[], Unit>(Address.of(name), new Plate(Product.of(data.length, dist)), data.clone(), DONE);
  }

  /**
   * A vectorised observation with a distribution per entry: {@code data[i]} drawn independently
   * from {@code dist.apply(i)}, e.g. {@code plate(y, i -> normal(a.plus(b.times(x[i])), sigma))}.
   *
   * @param data the observed entries
   * @param dist the distribution of each entry (or of entry i)
   * @return the program that weighs the run by the density of the data
   */
  public static Prob<Unit> plate(double[] data, IntFunction<? extends Continuous> dist) {
    return new Observe<double[], Unit>(null, new Plate(Product.of(data.length, dist)), data.clone(), DONE);
  }

  /**
   * Branches on a random condition.
   *
   * @param condition the program of the condition
   * @param then the program when the condition is true
   * @param otherwise the program when it is false
   * @param <A> the program's result type
   * @return the program
   */
  public static <A> Prob<A> ifThenElse(Prob<Boolean> condition, Prob<A> then, Prob<A> otherwise) {
    return Combinators.ifThenElse(condition, then, otherwise);
  }

  /**
   * A state-space (hidden Markov) model: z_0 ~ initial, z_t ~ transition(z_{t-1}), y_t ~
   * emission(z_t). {@code stateSpace(init, z -> trans[z], z -> emit[z]).observe(ys)} is the program
   * conditioned on ys, returning the last state; SMC advances it without building closures.
   *
   * @param initial the distribution of the first state
   * @param transition the distribution of a state given the previous one
   * @param emission the distribution of an observation given its state
   * @param <S> the state type
   * @param <Y> the observation type
   * @return the model, to be conditioned with {@code observe(ys)}
   */
  public static <S, Y> StateSpace<S, Y> stateSpace(Distribution<S> initial,
      Function<? super S, ? extends Distribution<S>> transition, Function<? super S, ? extends Distribution<Y>> emission) {
    return StateSpace.of(initial, transition, emission);
  }

  /**
   * Real observations, for {@code stateSpace(...).observe(reals(y))} and other real-valued data.
   *
   * @param xs the values
   * @return the values as reals (constants)
   */
  public static Real[] reals(double... xs) {
    return Real.of(xs);
  }

  /**
   * Runs component i with probability weights[i].
   *
   * @param weights the probability of each component, summing to 1
   * @param components the component programs
   * @param <A> the program's result type
   * @return the program
   */
  public static <A> Prob<A> mixture(double[] weights, List<? extends Prob<A>> components) {
    return Combinators.mixture(weights, components);
  }

  // ---- distributions ----

  /**
   * Normal(mu, sigma).
   *
   * @param mu the mean
   * @param sigma the standard deviation, positive
   * @return the distribution
   */
  public static Normal normal(double mu, double sigma) {
    return Normal.of(mu, sigma);
  }

  /**
   * Normal(mu, sigma) with a differentiable mean.
   *
   * @param mu the mean
   * @param sigma the standard deviation, positive
   * @return the distribution
   */
  public static Normal normal(Real mu, double sigma) {
    return Normal.of(mu, sigma);
  }

  /**
   * Normal(mu, sigma) with differentiable parameters.
   *
   * @param mu the mean
   * @param sigma the standard deviation, positive
   * @return the distribution
   */
  public static Normal normal(Real mu, Real sigma) {
    return Normal.of(mu, sigma);
  }

  /**
   * Bernoulli(p) over booleans.
   *
   * @param p the probability of true, in [0, 1]
   * @return the distribution
   */
  public static Bernoulli bernoulli(double p) {
    return Bernoulli.of(p);
  }

  /**
   * Bernoulli(p) with a differentiable probability.
   *
   * @param p the probability of true, in [0, 1]
   * @return the distribution
   */
  public static Bernoulli bernoulli(Real p) {
    return Bernoulli.of(p);
  }

  /**
   * Bernoulli over booleans with log-odds eta, p = logistic(eta) (Stan's bernoulli_logit).
   *
   * @param eta the log-odds of true
   * @return the distribution
   */
  public static BernoulliLogit bernoulliLogit(double eta) {
    return BernoulliLogit.of(eta);
  }

  /**
   * Bernoulli over booleans with differentiable log-odds eta.
   *
   * @param eta the log-odds of true
   * @return the distribution
   */
  public static BernoulliLogit bernoulliLogit(Real eta) {
    return BernoulliLogit.of(eta);
  }

  /**
   * The logistic-regression likelihood of a 0/1 label vector, label i ~ BernoulliLogit(intercept
   * + x_i . coefficients), as one site and one tape node (Stan's bernoulli_logit_glm); {@code x}
   * is held by reference.
   *
   * @param x the design matrix, one row per observation
   * @param intercept the intercept
   * @param coefficients the coefficients, one per column of x
   * @return the distribution
   */
  public static BernoulliLogitGlm bernoulliLogitGlm(DMatrixRMaj x, Real intercept, Real[] coefficients) {
    return BernoulliLogitGlm.of(x, intercept, coefficients);
  }

  /**
   * As {@link #bernoulliLogitGlm(DMatrixRMaj, Real, Real[])} with the rows copied into a matrix.
   *
   * @param x the design matrix, one row per observation
   * @param intercept the intercept
   * @param coefficients the coefficients, one per column of x
   * @return the distribution
   */
  public static BernoulliLogitGlm bernoulliLogitGlm(double[][] x, Real intercept, Real[] coefficients) {
    return BernoulliLogitGlm.of(x, intercept, coefficients);
  }

  /**
   * The linear-regression likelihood of an observation vector, y_i ~ Normal(alpha + x_i . beta,
   * sigma), as one site and one tape node (Stan's normal_id_glm); {@code x} is held by reference.
   *
   * @param x the design matrix, one row per observation
   * @param alpha the intercept
   * @param beta the coefficients, one per column of x
   * @param sigma the noise standard deviation, positive
   * @return the distribution
   */
  public static NormalIdGlm normalIdGlm(DMatrixRMaj x, Real alpha, Real[] beta, Real sigma) {
    return NormalIdGlm.of(x, alpha, beta, sigma);
  }

  /**
   * As {@link #normalIdGlm(DMatrixRMaj, Real, Real[], Real)} with the rows copied into a matrix.
   *
   * @param x the design matrix, one row per observation
   * @param alpha the intercept
   * @param beta the coefficients, one per column of x
   * @param sigma the noise standard deviation, positive
   * @return the distribution
   */
  public static NormalIdGlm normalIdGlm(double[][] x, Real alpha, Real[] beta, Real sigma) {
    return NormalIdGlm.of(x, alpha, beta, sigma);
  }

  /**
   * The Poisson-regression likelihood of a count vector, y_i ~ PoissonLog(alpha + x_i . beta), as
   * one site and one tape node (Stan's poisson_log_glm); {@code x} is held by reference.
   *
   * @param x the design matrix, one row per observation
   * @param alpha the intercept
   * @param beta the coefficients, one per column of x
   * @return the distribution
   */
  public static PoissonLogGlm poissonLogGlm(DMatrixRMaj x, Real alpha, Real[] beta) {
    return PoissonLogGlm.of(x, alpha, beta);
  }

  /**
   * As {@link #poissonLogGlm(DMatrixRMaj, Real, Real[])} with the rows copied into a matrix.
   *
   * @param x the design matrix, one row per observation
   * @param alpha the intercept
   * @param beta the coefficients, one per column of x
   * @return the distribution
   */
  public static PoissonLogGlm poissonLogGlm(double[][] x, Real alpha, Real[] beta) {
    return PoissonLogGlm.of(x, alpha, beta);
  }

  /**
   * Beta(alpha, beta).
   *
   * @param alpha the first shape, positive
   * @param beta the second shape, positive
   * @return the distribution
   */
  public static Beta beta(double alpha, double beta) {
    return Beta.of(alpha, beta);
  }

  /**
   * Categorical over 0..K-1.
   *
   * @param p the probabilities of 0..K-1, summing to 1
   * @return the distribution
   */
  public static Categorical categorical(double... p) {
    return Categorical.of(p);
  }

  /**
   * Categorical over 0..K-1 with differentiable probabilities (summing to 1).
   *
   * @param p the probabilities of 0..K-1, summing to 1
   * @return the distribution
   */
  public static Categorical categorical(Real... p) {
    return Categorical.ofProbabilities(p);
  }

  /**
   * Categorical over 0..K-1 with probabilities softmax(logits) (Stan's categorical_logit).
   *
   * @param logits the unnormalised log probabilities of 0..K-1
   * @return the distribution
   */
  public static Categorical categoricalLogits(double... logits) {
    return Categorical.ofLogits(logits);
  }

  /**
   * Categorical with probabilities softmax(logits), differentiable in the logits.
   *
   * @param logits the unnormalised log probabilities of 0..K-1
   * @return the distribution
   */
  public static Categorical categoricalLogits(Real... logits) {
    return Categorical.ofLogits(logits);
  }

  /**
   * Categorical over 0..K-1 proportional to non-negative weights that need not sum to 1 (not all zero).
   *
   * @param weights the unnormalised weights
   * @return the distribution
   */
  public static Categorical categoricalWeights(double... weights) {
    return Categorical.ofWeights(weights);
  }

  /**
   * Categorical over 0..K-1 proportional to non-negative weights, differentiable in them.
   *
   * @param weights the unnormalised weights
   * @return the distribution
   */
  public static Categorical categoricalWeights(Real... weights) {
    return Categorical.ofWeights(weights);
  }

  /**
   * A choice among the given values with probabilities proportional to {@code weights} (WebPPL's
   * {@code categorical({vs, ps})}), e.g. {@code categorical(List.of("rain", "sun"), 1, 3)}.
   *
   * @param values the outcomes
   * @param weights their unnormalised, non-negative weights
   * @param <T> the type of the outcomes
   * @return the distribution over the outcomes
   */
  public static <T> Empirical<T> categorical(List<? extends T> values, double... weights) {
    return Empirical.ofWeights(values, weights);
  }

  /**
   * A choice among the given values with probabilities softmax(logits).
   *
   * @param values the outcomes
   * @param logits their unnormalised log probabilities
   * @param <T> the type of the outcomes
   * @return the distribution over the outcomes
   */
  public static <T> Empirical<T> categoricalLogits(List<? extends T> values, double... logits) {
    return Empirical.ofLogWeights(values, logits);
  }

  /**
   * Every value of the list equally likely (WebPPL's {@code uniformDraw}), e.g.
   * {@code sample("colour", uniformDraw(List.of("red", "green", "blue")))}.
   *
   * @param values the outcomes, not empty (a value listed twice has twice the mass)
   * @param <T> their type
   * @return the distribution
   */
  public static <T> Empirical<T> uniformDraw(List<? extends T> values) {
    return Empirical.uniform(values);
  }

  /**
   * Uniform on [lo, hi].
   *
   * @param lo the lower end
   * @param hi the upper end
   * @return the distribution
   */
  public static Uniform uniform(double lo, double hi) {
    return Uniform.of(lo, hi);
  }

  /**
   * Uniform on [lo, hi] with differentiable bounds.
   *
   * @param lo the lower end
   * @param hi the upper end
   * @return the distribution
   */
  public static Uniform uniform(Real lo, Real hi) {
    return Uniform.of(lo, hi);
  }

  /**
   * Beta(alpha, beta) with differentiable shapes.
   *
   * @param alpha the first shape, positive
   * @param beta the second shape, positive
   * @return the distribution
   */
  public static Beta beta(Real alpha, Real beta) {
    return Beta.of(alpha, beta);
  }

  /**
   * HalfNormal(sigma) on [0, inf).
   *
   * @param sigma the scale (the standard deviation of the normal folded at 0), positive
   * @return the distribution
   */
  public static HalfNormal halfNormal(double sigma) {
    return HalfNormal.of(sigma);
  }

  /**
   * HalfNormal(sigma), differentiable.
   *
   * @param sigma the scale (the standard deviation of the normal folded at 0), positive
   * @return the distribution
   */
  public static HalfNormal halfNormal(Real sigma) {
    return HalfNormal.of(sigma);
  }

  /**
   * LogNormal(mu, sigma).
   *
   * @param mu the mean of the logarithm
   * @param sigma the standard deviation of the logarithm, positive
   * @return the distribution
   */
  public static LogNormal logNormal(double mu, double sigma) {
    return LogNormal.of(mu, sigma);
  }

  /**
   * LogNormal(mu, sigma), differentiable.
   *
   * @param mu the mean of the logarithm
   * @param sigma the standard deviation of the logarithm, positive
   * @return the distribution
   */
  public static LogNormal logNormal(Real mu, Real sigma) {
    return LogNormal.of(mu, sigma);
  }

  /**
   * StudentT(nu, mu, sigma).
   *
   * @param nu the degrees of freedom, positive
   * @param mu the location
   * @param sigma the scale, positive
   * @return the distribution
   */
  public static StudentT studentT(double nu, double mu, double sigma) {
    return StudentT.of(nu, mu, sigma);
  }

  /**
   * StudentT(nu, mu, sigma), differentiable.
   *
   * @param nu the degrees of freedom, positive
   * @param mu the location
   * @param sigma the scale, positive
   * @return the distribution
   */
  public static StudentT studentT(Real nu, Real mu, Real sigma) {
    return StudentT.of(nu, mu, sigma);
  }

  /**
   * Cauchy(location, scale).
   *
   * @param loc the location
   * @param scale the scale, positive
   * @return the distribution
   */
  public static Cauchy cauchy(double loc, double scale) {
    return Cauchy.of(loc, scale);
  }

  /**
   * Cauchy(location, scale), differentiable.
   *
   * @param loc the location
   * @param scale the scale, positive
   * @return the distribution
   */
  public static Cauchy cauchy(Real loc, Real scale) {
    return Cauchy.of(loc, scale);
  }

  /**
   * HalfCauchy(scale) on [0, inf).
   *
   * @param scale the scale, positive
   * @return the distribution
   */
  public static HalfCauchy halfCauchy(double scale) {
    return HalfCauchy.of(scale);
  }

  /**
   * HalfCauchy(0, scale): the conventional spelling; the location must be 0.
   *
   * @param location the location, which must be 0
   * @param scale the scale, positive
   * @return the distribution
   */
  public static HalfCauchy halfCauchy(double location, double scale) {
    return HalfCauchy.of(location, scale);
  }

  /**
   * HalfCauchy(scale), differentiable.
   *
   * @param scale the scale, positive
   * @return the distribution
   */
  public static HalfCauchy halfCauchy(Real scale) {
    return HalfCauchy.of(scale);
  }

  /**
   * Laplace(mu, b).
   *
   * @param mu the location
   * @param b the scale, positive
   * @return the distribution
   */
  public static Laplace laplace(double mu, double b) {
    return Laplace.of(mu, b);
  }

  /**
   * Laplace(mu, b), differentiable.
   *
   * @param mu the location
   * @param b the scale, positive
   * @return the distribution
   */
  public static Laplace laplace(Real mu, Real b) {
    return Laplace.of(mu, b);
  }

  /**
   * Logistic(mu, s).
   *
   * @param mu the location
   * @param s the scale, positive
   * @return the distribution
   */
  public static Logistic logistic(double mu, double s) {
    return Logistic.of(mu, s);
  }

  /**
   * Logistic(mu, s), differentiable.
   *
   * @param mu the location
   * @param s the scale, positive
   * @return the distribution
   */
  public static Logistic logistic(Real mu, Real s) {
    return Logistic.of(mu, s);
  }

  /**
   * Gamma(shape, <b>rate</b>): mean shape / rate, the convention of Stan, PyMC, NumPyro and R's
   * positional {@code dgamma(x, shape, rate)}. Code translated from a scale convention (WebPPL's
   * {@code Gamma({shape, scale})}, NumPy, SciPy) should say which it means with
   * {@link #gammaShapeScale} or {@link #gammaShapeRate}.
   *
   * @param shape the shape k &gt; 0
   * @param rate the rate beta &gt; 0
   * @return the distribution
   */
  public static Gamma gamma(double shape, double rate) {
    return Gamma.of(shape, rate);
  }

  /**
   * Gamma(shape, <b>rate</b>), differentiable; see {@link #gamma(double, double)}.
   *
   * @param shape the shape k &gt; 0
   * @param rate the rate beta &gt; 0
   * @return the distribution
   */
  public static Gamma gamma(Real shape, Real rate) {
    return Gamma.of(shape, rate);
  }

  /**
   * Gamma with shape k and rate beta: mean k / beta (the same as {@link #gamma(double, double)},
   * with the parametrisation in its name).
   *
   * @param shape the shape k &gt; 0
   * @param rate the rate beta &gt; 0
   * @return the distribution
   */
  public static Gamma gammaShapeRate(double shape, double rate) {
    return Gamma.of(shape, rate);
  }

  /**
   * Gamma with shape k and rate beta, differentiable.
   *
   * @param shape the shape k &gt; 0
   * @param rate the rate beta &gt; 0
   * @return the distribution
   */
  public static Gamma gammaShapeRate(Real shape, Real rate) {
    return Gamma.of(shape, rate);
  }

  /**
   * Gamma with shape k and scale theta = 1 / rate: mean k theta (WebPPL's {@code Gamma({shape, scale})},
   * NumPy's and SciPy's convention).
   *
   * @param shape the shape k &gt; 0
   * @param scale the scale theta &gt; 0
   * @return the distribution
   */
  public static Gamma gammaShapeScale(double shape, double scale) {
    return Gamma.ofShapeScale(shape, scale);
  }

  /**
   * Gamma with shape k and scale theta, differentiable.
   *
   * @param shape the shape k &gt; 0
   * @param scale the scale theta &gt; 0
   * @return the distribution
   */
  public static Gamma gammaShapeScale(Real shape, Real scale) {
    return Gamma.ofShapeScale(shape, scale);
  }

  /**
   * InverseGamma(shape, scale).
   *
   * @param shape the shape, positive
   * @param scale the scale, positive
   * @return the distribution
   */
  public static InverseGamma inverseGamma(double shape, double scale) {
    return InverseGamma.of(shape, scale);
  }

  /**
   * InverseGamma(shape, scale), differentiable.
   *
   * @param shape the shape, positive
   * @param scale the scale, positive
   * @return the distribution
   */
  public static InverseGamma inverseGamma(Real shape, Real scale) {
    return InverseGamma.of(shape, scale);
  }

  /**
   * Exponential(rate).
   *
   * @param rate the rate, positive
   * @return the distribution
   */
  public static Exponential exponential(double rate) {
    return Exponential.of(rate);
  }

  /**
   * Exponential(rate), differentiable.
   *
   * @param rate the rate, positive
   * @return the distribution
   */
  public static Exponential exponential(Real rate) {
    return Exponential.of(rate);
  }

  /**
   * ChiSquared(k).
   *
   * @param k the degrees of freedom, positive
   * @return the distribution
   */
  public static ChiSquared chiSquared(double k) {
    return ChiSquared.of(k);
  }

  /**
   * ChiSquared(k), differentiable.
   *
   * @param k the degrees of freedom, positive
   * @return the distribution
   */
  public static ChiSquared chiSquared(Real k) {
    return ChiSquared.of(k);
  }

  /**
   * Weibull(shape, scale).
   *
   * @param shape the shape, positive
   * @param scale the scale, positive
   * @return the distribution
   */
  public static Weibull weibull(double shape, double scale) {
    return Weibull.of(shape, scale);
  }

  /**
   * Weibull(shape, scale), differentiable.
   *
   * @param shape the shape, positive
   * @param scale the scale, positive
   * @return the distribution
   */
  public static Weibull weibull(Real shape, Real scale) {
    return Weibull.of(shape, scale);
  }

  /**
   * {@code dist} truncated to [lo, hi] (either may be infinite) and renormalised.
   *
   * @param dist the distribution to truncate
   * @param lo the lower end (may be negative infinity)
   * @param hi the upper end (may be infinity)
   * @return the distribution
   */
  public static Truncated truncated(ContinuousCdf dist, double lo, double hi) {
    return Truncated.of(dist, lo, hi);
  }

  /**
   * {@code dist} truncated to [lo, hi] with differentiable bounds.
   *
   * @param dist the distribution to truncate
   * @param lo the lower end (may be negative infinity)
   * @param hi the upper end (may be infinity)
   * @return the distribution
   */
  public static Truncated truncated(ContinuousCdf dist, Real lo, Real hi) {
    return Truncated.of(dist, lo, hi);
  }

  /**
   * A marginalised finite mixture sum_i weights[i] components[i], as one continuous distribution.
   *
   * @param weights the weight of each component, summing to 1
   * @param components the component distributions
   * @return the distribution
   */
  public static Mixture mixtureOf(double[] weights, Continuous... components) {
    return Mixture.of(weights, components);
  }

  /**
   * A marginalised finite mixture.
   *
   * @param weights the weight of each component, summing to 1
   * @param components the component distributions
   * @return the distribution
   */
  public static Mixture mixtureOf(double[] weights, List<? extends Continuous> components) {
    return Mixture.of(weights, components);
  }

  /**
   * A marginalised finite mixture with differentiable weights.
   *
   * @param weights the weight of each component, summing to 1
   * @param components the component distributions
   * @return the distribution
   */
  public static Mixture mixtureOf(Real[] weights, List<? extends Continuous> components) {
    return Mixture.of(weights, components);
  }

  /**
   * Dirichlet(alpha) over the simplex.
   *
   * @param alpha the concentrations, positive
   * @return the distribution
   */
  public static Dirichlet dirichlet(double... alpha) {
    return Dirichlet.of(alpha);
  }

  /**
   * Dirichlet(alpha), differentiable.
   *
   * @param alpha the concentrations, positive
   * @return the distribution
   */
  public static Dirichlet dirichlet(Real... alpha) {
    return Dirichlet.of(alpha);
  }

  /**
   * Multivariate normal N(mean, covariance).
   *
   * @param mean the mean vector
   * @param covariance the covariance matrix, symmetric positive definite
   * @return the distribution
   */
  public static MvNormal mvNormal(double[] mean, double[][] covariance) {
    return MvNormal.of(mean, covariance);
  }

  /**
   * Multivariate normal with a differentiable mean.
   *
   * @param mean the mean vector
   * @param covariance the covariance matrix, symmetric positive definite
   * @return the distribution
   */
  public static MvNormal mvNormal(Real[] mean, double[][] covariance) {
    return MvNormal.of(mean, covariance);
  }

  /**
   * Multivariate normal differentiable in the mean and the covariance (through its Cholesky
   * factor).
   *
   * @param mean the mean vector
   * @param covariance the covariance matrix, symmetric positive definite
   * @return the distribution
   */
  public static MvNormal mvNormal(Real[] mean, Real[][] covariance) {
    return MvNormal.of(mean, covariance);
  }

  /**
   * Binomial(n, p).
   *
   * @param n the number of trials
   * @param p the success probability, in [0, 1]
   * @return the distribution
   */
  public static Binomial binomial(int n, double p) {
    return Binomial.of(n, p);
  }

  /**
   * Binomial(n, p), differentiable in p.
   *
   * @param n the number of trials
   * @param p the success probability, in [0, 1]
   * @return the distribution
   */
  public static Binomial binomial(int n, Real p) {
    return Binomial.of(n, p);
  }

  /**
   * Poisson(rate).
   *
   * @param rate the rate, positive
   * @return the distribution
   */
  public static Poisson poisson(double rate) {
    return Poisson.of(rate);
  }

  /**
   * Poisson(rate), differentiable.
   *
   * @param rate the rate, positive
   * @return the distribution
   */
  public static Poisson poisson(Real rate) {
    return Poisson.of(rate);
  }

  /**
   * Poisson with log rate eta (Stan's poisson_log), stable for any finite eta.
   *
   * @param eta the log rate
   * @return the distribution
   */
  public static PoissonLog poissonLog(double eta) {
    return PoissonLog.of(eta);
  }

  /**
   * Poisson with a differentiable log rate eta.
   *
   * @param eta the log rate
   * @return the distribution
   */
  public static PoissonLog poissonLog(Real eta) {
    return PoissonLog.of(eta);
  }

  /**
   * Geometric(p): failures before the first success, on 0, 1, 2, ....
   *
   * @param p the success probability, in (0, 1]
   * @return the distribution
   */
  public static Geometric geometric(double p) {
    return Geometric.of(p);
  }

  /**
   * Geometric(p), differentiable in p.
   *
   * @param p the success probability, in (0, 1]
   * @return the distribution
   */
  public static Geometric geometric(Real p) {
    return Geometric.of(p);
  }

  /**
   * NegativeBinomial(r, p): failures before the r-th success.
   *
   * @param r the number of successes, positive
   * @param p the success probability, in (0, 1]
   * @return the distribution
   */
  public static NegativeBinomial negativeBinomial(double r, double p) {
    return NegativeBinomial.of(r, p);
  }

  /**
   * NegativeBinomial(r, p), differentiable.
   *
   * @param r the number of successes, positive
   * @param p the success probability, in (0, 1]
   * @return the distribution
   */
  public static NegativeBinomial negativeBinomial(Real r, Real p) {
    return NegativeBinomial.of(r, p);
  }

  /**
   * BetaBinomial(n, a, b).
   *
   * @param n the number of trials
   * @param a the first shape, positive
   * @param b the second shape, positive
   * @return the distribution
   */
  public static BetaBinomial betaBinomial(int n, double a, double b) {
    return BetaBinomial.of(n, a, b);
  }

  /**
   * BetaBinomial(n, a, b), differentiable in the shapes.
   *
   * @param n the number of trials
   * @param a the first shape, positive
   * @param b the second shape, positive
   * @return the distribution
   */
  public static BetaBinomial betaBinomial(int n, Real a, Real b) {
    return BetaBinomial.of(n, a, b);
  }

  /**
   * Uniform on the integers lo..hi inclusive.
   *
   * @param lo the smallest value
   * @param hi the largest value
   * @return the distribution
   */
  public static DiscreteUniform discreteUniform(int lo, int hi) {
    return DiscreteUniform.of(lo, hi);
  }

  /**
   * Multinomial(n, p) over count vectors ({@code int[]}).
   *
   * @param n the number of trials
   * @param p the category probabilities, summing to 1
   * @return the distribution
   */
  public static Multinomial multinomial(int n, double... p) {
    return Multinomial.of(n, p);
  }

  /**
   * Multivariate normal N(mean, L L^T) from a lower-triangular Cholesky factor, differentiable in
   * the mean and the factor (e.g. L = diag(tau) L_Omega with L_Omega from {@link #lkjCholesky}).
   *
   * @param mean the mean vector
   * @param lower the lower-triangular Cholesky factor L of the covariance
   * @return the distribution
   */
  public static MvNormal mvNormalCholesky(Real[] mean, Real[][] lower) {
    return MvNormal.ofCholesky(mean, lower);
  }

  /**
   * Multivariate normal N(mean, L L^T) from a lower-triangular Cholesky factor.
   *
   * @param mean the mean vector
   * @param lower the lower-triangular Cholesky factor L of the covariance
   * @return the distribution
   */
  public static MvNormal mvNormalCholesky(double[] mean, double[][] lower) {
    return MvNormal.ofCholesky(mean, lower);
  }

  /**
   * LKJ(eta) on the Cholesky factor of a K x K correlation matrix (value {@code Real[][]}).
   *
   * @param k the dimension K
   * @param eta the shape, positive (1: uniform over correlation matrices)
   * @return the distribution
   */
  public static LkjCholesky lkjCholesky(int k, double eta) {
    return LkjCholesky.of(k, eta);
  }

  /**
   * LKJ(eta) on the Cholesky factor of a K x K correlation matrix, differentiable in eta.
   *
   * @param k the dimension K
   * @param eta the shape, positive (1: uniform over correlation matrices)
   * @return the distribution
   */
  public static LkjCholesky lkjCholesky(int k, Real eta) {
    return LkjCholesky.of(k, eta);
  }

  /**
   * The improper flat prior on the real line (log density 0): for gradient-based samplers only;
   * sampling it throws {@link org.probity.dist.ImproperPriorException}.
   *
   * @return the improper distribution
   */
  public static Flat flat() {
    return Flat.real();
  }

  /**
   * The improper flat prior on the positive half line (log density 0 there): for gradient-based
   * samplers only; sampling it throws {@link org.probity.dist.ImproperPriorException}.
   *
   * @return the improper distribution
   */
  public static Flat flatPositive() {
    return Flat.positive();
  }
}
