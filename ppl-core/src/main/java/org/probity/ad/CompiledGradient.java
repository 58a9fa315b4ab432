package org.probity.ad;

/**
 * A recorded tape program ({@link Tape#record}) compiled to straight-line JVM code by
 * {@link Tape#compile}: the forward pass, the guards and the reverse sweep of one value and its
 * gradient with respect to chosen leaves, with no per-node dispatch, no tape arrays and no
 * allocation. It computes the same operations in the same order as {@link Tape#replay} followed by
 * {@link Tape#adjoints}, so the same numbers bit for bit.
 *
 * <p>An instance keeps a small scratch buffer: use it from one thread at a time.
 */
public interface CompiledGradient {
  /**
   * The output's value at new leaf values, and its gradient with respect to the leaves.
   *
   * @param leafValues the leaves' values, in the order given to {@link Tape#compile}
   * @param gradient receives d output / d leaf k in entry k (written only when every guard holds)
   * @return the output's value, or NaN if a recorded guard has another outcome at these values (the
   *     recorded program then does not describe the computation there)
   */
  double valueAndGradient(double[] leafValues, double[] gradient);

  /**
   * The output's value alone (the forward pass and the guards).
   *
   * @param leafValues the leaves' values
   * @return the value, or NaN if a guard has another outcome than recorded
   */
  double value(double[] leafValues);
}
