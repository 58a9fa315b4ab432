package org.probity.testkit;

import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.random.Rngs;

/**
 * A tiny property runner: tries a predicate on generated cases; on the first failure shrinks the
 * case greedily to a local minimum and throws a {@link PropertyFailure} whose message shows the
 * seed, the try and the printed minimal case ({@code toString()}). A case fails when the
 * predicate returns false or throws (an {@link AssertionError}, a {@link RuntimeException} or a
 * {@link StackOverflowError}); the message carries the reason.
 *
 * <p>Try {@code i} draws from {@code Rngs.split(seed, i)} with size {@code 1 + i mod MAX_SIZE}
 * (small cases first, then cycling), so every failure is reproducible from (seed, i) alone,
 * whatever the number of tries.
 */
public final class Property {
  /** The largest size passed to a generator. */
  public static final int MAX_SIZE = 14;
  /** At most this many candidate evaluations while shrinking. */
  public static final int MAX_SHRINK_EVALUATIONS = 2000;

  private Property() {
  }

  /** Checks {@code property} on {@code tries} cases from {@code gen}; throws {@link PropertyFailure}. */
  public static <T> void forAll(Gen<T> gen, Shrinker<T> shrinker, int tries, long seed, Predicate<? super T> property) {
    for (int i = 0; i < tries; i++) {
      UniformRandomProvider rng = Rngs.split(seed, i);
      int size = sizeOf(i);
      T value = gen.generate(rng, size);
      Throwable why = failure(property, value);
      if (why != null) {
        throw shrunk(shrinker, property, value, why, seed, i, size);
      }
    }
  }

  /**
   * Asserts that {@code property} (a call of {@link #forAll} with a planted bug) fails and that
   * shrinking leaves a counterexample of at most {@code maxSize} by the measure {@code size};
   * returns the failure, so its message can be checked too. A property that cannot fail is a
   * defect: each one is shown to catch a planted bug this way.
   */
  public static PropertyFailure assertFindsSmall(Runnable property, int maxSize, ToIntFunction<Object> size) {
    try {
      property.run();
    } catch (PropertyFailure f) {
      int s = size.applyAsInt(f.counterexample());
      if (s > maxSize) {
        throw new AssertionError("shrinking left a counterexample of size " + s + " > " + maxSize + ":\n" + f.getMessage(),
            f);
      }
      return f;
    }
    throw new AssertionError("the planted bug was not found");
  }

  /** The size of try {@code i}: 1, 2, ..., {@link #MAX_SIZE}, 1, 2, ... */
  public static int sizeOf(int i) {
    return 1 + i % MAX_SIZE;
  }

  /** Null when the property holds for the value; otherwise the reason it fails. */
  private static <T> Throwable failure(Predicate<? super T> property, T value) {
    try {
      return property.test(value) ? null : new AssertionError("the predicate returned false");
    } catch (AssertionError | RuntimeException | StackOverflowError e) {
      return e;
    }
  }

  private static <T> PropertyFailure shrunk(Shrinker<T> shrinker, Predicate<? super T> property, T original,
      Throwable why, long seed, int tryIndex, int size) {
    T current = original;
    Throwable reason = why;
    int steps = 0;
    int evaluations = 0;
    boolean progress = true;
    while (progress && evaluations < MAX_SHRINK_EVALUATIONS) {
      progress = false;
      for (T candidate : shrinker.shrink(current)) {
        if (++evaluations > MAX_SHRINK_EVALUATIONS) {
          break;
        }
        Throwable w = failure(property, candidate);
        if (w != null) {
          current = candidate;
          reason = w;
          steps++;
          progress = true;
          break;
        }
      }
    }
    String message = "property failed at try " + tryIndex + " (seed " + seed + ", size " + size + "; reproduce with"
        + " -D" + Tries.PROPERTY + "=" + (tryIndex + 1) + ")\nafter " + steps + " shrink steps the minimal case is:\n"
        + current + "\nreason: " + reason.getMessage()
        + (steps > 0 ? "\noriginal case:\n" + original : "");
    return new PropertyFailure(message, current, original, seed, tryIndex, steps, reason);
  }
}
