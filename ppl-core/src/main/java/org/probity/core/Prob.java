package org.probity.core;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A probabilistic program returning an {@code A}: an immutable value in the style of a free
 * monad, interpreted by handlers of the one loop ({@link Interpreter}: the Sampler, the Enumerator, Density, ...) and
 * rewritten by inference (Scibior, Kammar and Ghahramani, "Functional programming for modular
 * Bayesian inference", ICFP 2018).
 *
 * <p>The nodes are the records that implement this interface. Sample, Observe and Factor carry
 * their own continuation, so the hot path needs no generic bind; {@link FlatMap} is the general
 * bind, handled by every interpreter with a heap-allocated continuation stack so that a million
 * nested binds run on the default JVM stack. Continuations are pure and may be called any number
 * of times (the Enumerator calls them once per support value).
 *
 * <p>Write models with the static factories of {@code org.probity.Probity}.
 */
public sealed interface Prob<A> permits Pure, Sample, Observe, Factor, FlatMap, Defer, Independent, Compiled, Handled {

  /** Runs this program, then {@code k} on its result (monadic bind). */
  default <B> Prob<B> flatMap(Function<? super A, ? extends Prob<B>> k) {
    return new FlatMap<>(this, k);
  }

  /** Applies a pure function to the result. */
  default <B> Prob<B> map(Function<? super A, ? extends B> f) {
    return new FlatMap<A, B>(this, a -> new Pure<>(f.apply(a)));
  }

  /** Runs this program, ignores its result, then runs {@code next} (built lazily). */
  default <B> Prob<B> then(Supplier<? extends Prob<B>> next) {
    return new FlatMap<A, B>(this, a -> next.get());
  }

  /** Runs this program, ignores its result, then runs {@code next}. */
  default <B> Prob<B> then(Prob<B> next) {
    return new FlatMap<A, B>(this, a -> next);
  }
}
