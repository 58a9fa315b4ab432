package org.probity.vi.adev;

import static org.probity.Probity.fold;
import static org.probity.Probity.pure;
import static org.probity.Probity.sample;

import java.util.function.Function;
import java.util.function.IntFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Real;
import org.probity.ad.Tape;
import org.probity.core.Defer;
import org.probity.core.Prob;
import org.probity.dist.DiscreteUniform;
import org.probity.dist.Poisson;
import org.probity.semantics.Sampler;
import org.probity.vi.param.Gradient;
import org.probity.vi.param.ParamStore;
import org.probity.vi.param.Params;

/**
 * An expected value as a value (ADEV's {@code expect}, genjax's {@code Expectation}): built from
 * an objective program over named parameters, it gives unbiased estimates of itself
 * ({@link #estimate}) and of its gradient ({@link #gradEstimate}, {@link #valueAndGradEstimate}),
 * and composes with the combinators of ADEV's estimator language where unbiasedness survives:
 * sums and products of independent estimates, scaling, exp (a Poisson estimator), log of exact
 * values, and minibatches of a sum.
 *
 * <p>Underneath, an expectation is a function from the parameters to an <b>estimator program</b>
 * ({@link #estimator}) whose result S is a surrogate real: S's value estimates the expectation,
 * its gradient the gradient. {@link #valueAndGradProgram} exposes the estimator's own randomness
 * as the choices of a program, so the Enumerator computes the exact law of the gradient estimator
 * of a finite program (the proofs' check of unbiasedness).
 */
public final class Expectation {
  /** The rate of the Poisson estimator of exp (ADEV's choice). */
  private static final double EXP_RATE = 2.0;

  private final Function<Params, Prob<Real>> estimator;
  private final Function<Params, Real> exact; // non-null when the value is computed exactly
  private final Function<Params, Prob<?>> objective; // non-null when built from an objective program

  private Expectation(Function<Params, Prob<Real>> estimator, Function<Params, Real> exact) {
    this(estimator, exact, null);
  }

  private Expectation(Function<Params, Prob<Real>> estimator, Function<Params, Real> exact, Function<Params, Prob<?>> objective) {
    this.estimator = estimator;
    this.exact = exact;
    this.objective = objective;
  }

  /**
   * E[program(params)] for an objective program returning a {@link Real}, its untagged choices
   * estimated by {@link Policy#DEFAULT}.
   */
  public static Expectation of(Function<? super Params, ? extends Prob<?>> program) {
    return of(program, Policy.DEFAULT);
  }

  /** E[program(params)], its untagged choices estimated as {@code policy} says. */
  public static Expectation of(Function<? super Params, ? extends Prob<?>> program, Policy policy) {
    return new Expectation(p -> Adev.estimator(program.apply(p), policy), null, program::apply);
  }

  /** An expectation from its estimator program directly (its result a surrogate real). */
  public static Expectation ofEstimator(Function<? super Params, ? extends Prob<Real>> estimator) {
    return new Expectation(p -> estimator.apply(p), null);
  }

  /** An exactly computed value (ADEV's {@code exact_}). */
  public static Expectation exact(Function<? super Params, Real> value) {
    Function<Params, Real> v = value::apply;
    return new Expectation(p -> new Defer<>(() -> pure(v.apply(p))), v);
  }

  /** The constant {@code c}. */
  public static Expectation constant(double c) {
    return exact(p -> Real.of(c));
  }

  /** The estimator program at the given parameters. */
  public Prob<Real> estimator(Params params) {
    return estimator.apply(params);
  }

  /**
   * The objective program this expectation was built from ({@link #of}), at the given
   * parameters: E[its result] is the expectation (the Enumerator computes it exactly on a finite
   * program).
   *
   * @throws UnsupportedOperationException for an expectation built by a combinator
   */
  public Prob<?> objective(Params params) {
    if (objective == null) {
      throw new UnsupportedOperationException("this expectation was built by a combinator, not from an objective program");
    }
    return objective.apply(params);
  }

  /** Whether the value is computed exactly (no randomness). */
  public boolean isExact() {
    return exact != null;
  }

  // ---- running the estimator ----

  /** An unbiased estimate of the expectation at the store's parameters. */
  public double estimate(ParamStore store, UniformRandomProvider rng) {
    return Sampler.run(estimator(store.view()), rng).value().value();
  }

  /** An unbiased estimate of the gradient with respect to every parameter the program reads. */
  public Gradient gradEstimate(ParamStore store, UniformRandomProvider rng) {
    return valueAndGradEstimate(store, rng).gradient();
  }

  /** An estimate of the expectation and of its gradient from one run of the estimator program. */
  public ValueAndGradient valueAndGradEstimate(ParamStore store, UniformRandomProvider rng) {
    return valueAndGradEstimate(store, rng, new Tape());
  }

  /**
   * As {@link #valueAndGradEstimate(ParamStore, UniformRandomProvider)} on a tape the caller
   * reuses: it is {@link Tape#reset() reset} first (optimisers call this thousands of times).
   */
  public ValueAndGradient valueAndGradEstimate(ParamStore store, UniformRandomProvider rng, Tape tape) {
    tape.reset();
    Params view = store.view(tape);
    Real s = Sampler.run(estimator(view), rng).value();
    return new ValueAndGradient(s.value(), store.gradient(view, tape.adjoints(s)));
  }

  /**
   * The gradient estimator as a program: its choices are the estimator's own randomness, its
   * result one (value, gradient) estimate. The Sampler runs it; on a finite program the
   * Enumerator gives the exact law of the estimator (all paths share one tape).
   */
  public Prob<ValueAndGradient> valueAndGradProgram(ParamStore store) {
    return new Defer<>(() -> {
      Tape tape = new Tape();
      Params view = store.view(tape);
      return estimator(view).map(s -> new ValueAndGradient(s.value(), store.gradient(view, tape.gradient(s))));
    });
  }

  /**
   * The exact mean of the estimator, E[value estimate] and E[gradient estimate], on a program
   * whose estimator program is finite: the Enumerator gives the law of the estimator's own
   * randomness, and the mean gradient is one backward sweep of sum_path P(path) S(path) (the
   * path probabilities are constants). For an unbiased estimator this is the objective and its
   * exact gradient; the proofs compare it with the enumerated objective.
   *
   * @throws org.probity.core.UnsupportedConstructException if the estimator program makes a choice without finite support
   */
  public ValueAndGradient exactMean(ParamStore store) {
    Tape tape = new Tape();
    Params view = store.view(tape);
    java.util.List<org.probity.core.Weighted<Path>> paths =
        org.probity.semantics.Enumerator.unnormalised(estimator(view).map(Path::new));
    double total = 0;
    for (org.probity.core.Weighted<Path> w : paths) {
      total += Math.exp(w.logWeight());
    }
    Real[] terms = new Real[paths.size()];
    for (int i = 0; i < terms.length; i++) {
      terms[i] = paths.get(i).value().surrogate().times(Math.exp(paths.get(i).logWeight()) / total);
    }
    Real mean = org.probity.ad.Reals.sum(terms);
    return new ValueAndGradient(mean.value(), store.gradient(view, tape.gradient(mean)));
  }

  /** One path's surrogate, compared by identity so that the Enumerator never merges two paths. */
  private static final class Path {
    private final Real surrogate;

    Path(Real surrogate) {
      this.surrogate = surrogate;
    }

    Real surrogate() {
      return surrogate;
    }
  }

  // ---- combinators ----

  /** this + other, independent estimates. */
  public Expectation plus(Expectation other) {
    return combine(other, Real::plus);
  }

  /** this - other, independent estimates. */
  public Expectation minus(Expectation other) {
    return combine(other, Real::minus);
  }

  /** this * other: the product of independent estimates is unbiased for the product (ADEV's {@code times_}). */
  public Expectation times(Expectation other) {
    return combine(other, Real::times);
  }

  /** c * this. */
  public Expectation times(double c) {
    return new Expectation(p -> estimator(p).map(s -> s.times(c)), exact == null ? null : p -> exact.apply(p).times(c));
  }

  private Expectation combine(Expectation other, java.util.function.BinaryOperator<Real> op) {
    Function<Params, Real> ex = exact != null && other.exact != null ? p -> op.apply(exact.apply(p), other.exact.apply(p)) : null;
    return new Expectation(p -> estimator(p).flatMap(a -> other.estimator(p).map(b -> op.apply(a, b))), ex);
  }

  /**
   * exp(this): an exact value is exponentiated; otherwise the value is estimated by the Poisson
   * estimator e^r prod_{i &lt; N} X_i / r, N ~ Poisson(r), X_i independent estimates (unbiased for
   * exp of the expectation; ADEV's {@code exp_}), and the gradient by s grad X with s such an
   * estimate independent of X.
   */
  public Expectation exp() {
    if (exact != null) {
      return exact(p -> exact.apply(p).exp());
    }
    return new Expectation(p -> estimator(p).flatMap(x -> poissonExp(p).map(s ->
        org.probity.ad.Reals.node(new Real[] {x}, s, new double[] {s}))), null);
  }

  private Prob<Double> poissonExp(Params p) {
    return sample(Poisson.of(EXP_RATE), (Integer n) -> fold(0, n, Math.exp(EXP_RATE), (Double acc, Integer i) ->
        estimator(p).map(x -> acc * x.value() / EXP_RATE)));
  }

  /**
   * log(this) for an exactly computed value. The log of an estimate is biased (Jensen), so it is
   * refused for estimated values: put the log inside the objective program instead (as the ELBO
   * and IWELBO do), where it is part of the quantity whose expectation is taken.
   *
   * @throws UnsupportedOperationException if the value is estimated
   */
  public Expectation log() {
    if (exact == null) {
      throw new UnsupportedOperationException("log of an estimated expectation has no unbiased estimator; take the log"
          + " inside the objective program, or use it on an exact value");
    }
    return exact(p -> exact.apply(p).log());
  }

  /**
   * sum_{i &lt; n} term(i) estimated from a minibatch of {@code m} indices drawn uniformly with
   * replacement: (n / m) sum_j term(I_j) (ADEV's {@code minibatch_}); unbiased for the sum and its
   * gradient. The index draws are choices of the estimator program.
   */
  public static Expectation minibatch(int n, int m, IntFunction<Expectation> term) {
    if (n < 1 || m < 1) {
      throw new IllegalArgumentException("minibatch: needs n >= 1 terms and m >= 1 draws, got n = " + n + ", m = " + m);
    }
    double scale = (double) n / m;
    DiscreteUniform index = DiscreteUniform.of(0, n - 1);
    return new Expectation(p -> fold(0, m, Real.ZERO, (Real acc, Integer j) ->
        sample(index, (Integer i) -> term.apply(i).estimator(p).map(acc::plus))).map(s -> s.times(scale)), null);
  }

  /**
   * sum_{i &lt; n} f_i estimated from a minibatch of {@code m} indices drawn uniformly with
   * replacement, the batch handled at once: {@code batchSum(indices)} must be the expectation of
   * sum_j f_{indices[j]} (a vectorised term over the batch, as a VAE's ELBO over a minibatch is);
   * the estimate is (n / m) times it, unbiased for the sum and its gradient.
   */
  public static Expectation minibatchOf(int n, int m, Function<int[], Expectation> batchSum) {
    if (n < 1 || m < 1) {
      throw new IllegalArgumentException("minibatchOf: needs n >= 1 terms and m >= 1 draws, got n = " + n + ", m = " + m);
    }
    double scale = (double) n / m;
    DiscreteUniform index = DiscreteUniform.of(0, n - 1);
    return new Expectation(p -> fold(0, m, new int[0], (int[] acc, Integer j) -> sample(index, (Integer i) -> {
      int[] next = java.util.Arrays.copyOf(acc, acc.length + 1);
      next[acc.length] = i;
      return pure(next);
    })).flatMap(indices -> batchSum.apply(indices).estimator(p)).map(s -> s.times(scale)), null);
  }

  /** The sum of {@code terms} (independent estimates). */
  public static Expectation sum(java.util.List<Expectation> terms) {
    Expectation e = constant(0);
    for (Expectation t : terms) {
      e = e.plus(t);
    }
    return e;
  }
}
