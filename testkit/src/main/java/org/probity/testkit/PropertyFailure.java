package org.probity.testkit;

/**
 * A property found a counterexample: carries the shrunk (locally minimal) case, the originally
 * generated case, and the seed and try that reproduce it.
 */
public final class PropertyFailure extends AssertionError {
  private static final long serialVersionUID = 1L;
  private final transient Object counterexample;
  private final transient Object original;
  private final long seed;
  private final int tryIndex;
  private final int shrinkSteps;

  PropertyFailure(String message, Object counterexample, Object original, long seed, int tryIndex, int shrinkSteps,
      Throwable cause) {
    super(message, cause);
    this.counterexample = counterexample;
    this.original = original;
    this.seed = seed;
    this.tryIndex = tryIndex;
    this.shrinkSteps = shrinkSteps;
  }

  /** The shrunk counterexample. */
  public Object counterexample() {
    return counterexample;
  }

  /** The case as first generated, before shrinking. */
  public Object original() {
    return original;
  }

  /** The seed given to {@link Property#forAll}. */
  public long seed() {
    return seed;
  }

  /** The index of the failing try (its generator is {@code Rngs.split(seed, tryIndex)}). */
  public int tryIndex() {
    return tryIndex;
  }

  /** How many successful shrink steps led from the original to the counterexample. */
  public int shrinkSteps() {
    return shrinkSteps;
  }
}
