package org.probity.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.probity.dist.Categorical;

/**
 * Loops and choices for writing models without recursion tricks: fold, forEach, replicate,
 * sequence, independent products, ifThenElse and mixture. Each is built lazily from Defer and
 * FlatMap, so a loop of a million steps runs in constant JVM stack, and accumulates with
 * persistent lists, so its continuations can be re-run.
 */
public final class Combinators {
  private Combinators() {
  }

  /** Folds {@code step} over the integers {@code from} (inclusive) to {@code to} (exclusive). */
  public static <S> Prob<S> fold(int from, int to, S init, BiFunction<? super S, Integer, ? extends Prob<S>> step) {
    return new Defer<>(() -> foldFrom(from, to, init, step));
  }

  private static <S> Prob<S> foldFrom(int i, int to, S acc, BiFunction<? super S, Integer, ? extends Prob<S>> step) {
    if (i >= to) {
      return new Pure<>(acc);
    }
    return new FlatMap<S, S>(step.apply(acc, i), s -> foldFrom(i + 1, to, s, step));
  }

  /** Folds {@code step} over the elements of a list. */
  public static <T, S> Prob<S> fold(List<T> xs, S init, BiFunction<? super S, ? super T, ? extends Prob<S>> step) {
    List<T> copy = List.copyOf(xs);
    return fold(0, copy.size(), init, (s, i) -> step.apply(s, copy.get(i)));
  }

  /** Runs {@code body(i)} for i in [from, to) in order and collects the results. */
  public static <B> Prob<List<B>> forEach(int from, int to, IntFunction<? extends Prob<B>> body) {
    Prob<PList<B>> acc = fold(from, to, (PList<B>) null,
        (xs, i) -> body.apply(i).map(b -> PList.cons(b, xs)));
    return acc.map(PList::toListReversed);
  }

  /** Runs {@code body(x)} for each element in order and collects the results. */
  public static <T, B> Prob<List<B>> forEach(List<T> xs, Function<? super T, ? extends Prob<B>> body) {
    List<T> copy = List.copyOf(xs);
    return forEach(0, copy.size(), i -> body.apply(copy.get(i)));
  }

  /** Runs {@code body(x)} for each entry of a double array in order and collects the results. */
  public static <B> Prob<List<B>> forEach(double[] xs, Function<Double, ? extends Prob<B>> body) {
    double[] copy = xs.clone();
    return forEach(0, copy.length, i -> body.apply(copy[i]));
  }

  /** Runs the same program {@code n} times in sequence and collects the results. */
  public static <A> Prob<List<A>> replicate(int n, Prob<A> program) {
    return forEach(0, n, i -> program);
  }

  /** Runs the programs in order and collects their results. */
  public static <A> Prob<List<A>> sequence(List<? extends Prob<A>> programs) {
    List<Prob<A>> copy = List.copyOf(programs);
    return forEach(0, copy.size(), copy::get);
  }

  /** The independent product of {@code body(0..n-1)}: may run in parallel; enumerated as a product. */
  public static <B> Prob<List<B>> independent(int n, IntFunction<? extends Prob<B>> body) {
    List<Prob<B>> parts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      parts.add(body.apply(i));
    }
    return new Independent<B, List<B>>(parts, Pure::new);
  }

  /** Runs {@code then} or {@code otherwise} according to a random condition. */
  public static <A> Prob<A> ifThenElse(Prob<Boolean> condition, Prob<A> then, Prob<A> otherwise) {
    return condition.flatMap(c -> c ? then : otherwise);
  }

  /** Picks component i with probability {@code weights[i]} and runs it. */
  public static <A> Prob<A> mixture(double[] weights, List<? extends Prob<A>> components) {
    if (weights.length != components.size()) {
      throw new IllegalArgumentException("mixture: " + weights.length + " weights for " + components.size() + " components");
    }
    List<Prob<A>> copy = List.copyOf(components);
    return new Sample<Integer, A>(null, Categorical.of(weights), copy::get);
  }
}
