package org.probity.ad;

/**
 * A vectorised operation recorded on the {@link Tape} as one block: many outputs, many inputs
 * and a hand-written vector–Jacobian product instead of stored partial derivatives. This is how
 * matrix functions whose Jacobian would be too large to store (a Cholesky factor: d^4 partials;
 * a triangular solve: d^3) cost O(d^2) memory and their textbook adjoint's time in the backward
 * sweep (Giles, "An extended collection of matrix derivative results for forward and reverse
 * mode algorithmic differentiation", 2008).
 *
 * <p>When no input lives on a tape, {@link #of} returns constants and records nothing, so the
 * double path stays free of tape work.
 */
public final class BlockNode {
  private BlockNode() {
  }

  /** The reverse-mode rule of a block: the vector–Jacobian product. */
  @FunctionalInterface
  public interface Adjoint {
    /**
     * Adds J^T {@code outputAdjoint} to {@code inputAdjoint}, where J is the Jacobian of the
     * outputs with respect to the inputs (in the order they were given to {@link #of}); the
     * second array starts at zero.
     */
    void backward(double[] outputAdjoint, double[] inputAdjoint);
  }

  /**
   * Records a block with the given inputs, output values and adjoint; returns one {@link Real}
   * per output value (constants when no input is on a tape).
   *
   * @throws IllegalStateException if the inputs belong to two different tapes
   */
  public static Real[] of(Real[] inputs, double[] values, Adjoint adjoint) {
    Tape t = tapeOf(inputs);
    Real[] out = new Real[values.length];
    if (t == null) {
      for (int k = 0; k < values.length; k++) {
        out[k] = Real.of(values[k]);
      }
      return out;
    }
    int[] in = new int[inputs.length];
    for (int k = 0; k < inputs.length; k++) {
      in[k] = inputs[k].index();
    }
    int first = t.pushBlock(in, values.length, adjoint);
    for (int k = 0; k < values.length; k++) {
      out[k] = new Real(values[k], t, first + k);
    }
    return out;
  }

  /** The tape shared by the inputs, or null when all are constants. */
  static Tape tapeOf(Real[] inputs) {
    Tape t = null;
    for (Real x : inputs) {
      Tape u = x.tape();
      if (u != null) {
        if (t != null && t != u) {
          throw new IllegalStateException("cannot combine nodes of two different tapes");
        }
        t = u;
      }
    }
    return t;
  }

  /** Whether any entry is a tape node. */
  static boolean anyVariable(Real[] xs) {
    for (Real x : xs) {
      if (x.isVariable()) {
        return true;
      }
    }
    return false;
  }
}
