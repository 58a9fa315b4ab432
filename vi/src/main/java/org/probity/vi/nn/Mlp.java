package org.probity.vi.nn;

import java.util.Arrays;
import org.probity.ad.Real;
import org.probity.vi.param.Init;
import org.probity.vi.param.Params;

/**
 * A multilayer perceptron whose weights are named parameters ({@code <name>.w<l>},
 * {@code <name>.b<l>}; Glorot-initialised weights, zero biases), applied to a batch as one tape
 * block for the whole network ({@link Dense#network}): the encoder and decoder of amortised guides
 * and variational autoencoders.
 */
public final class Mlp {
  private final String name;
  private final int[] sizes;
  private final Activation hidden;
  private final Activation output;

  /** Layers of the given sizes (input first, output last), {@code hidden} between them, {@code output} last. */
  public Mlp(String name, int[] sizes, Activation hidden, Activation output) {
    if (sizes.length < 2) {
      throw new IllegalArgumentException("Mlp: needs at least an input and an output size, got " + Arrays.toString(sizes));
    }
    for (int s : sizes) {
      if (s < 1) {
        throw new IllegalArgumentException("Mlp: layer sizes must be positive, got " + Arrays.toString(sizes));
      }
    }
    this.name = name;
    this.sizes = sizes.clone();
    this.hidden = hidden;
    this.output = output;
  }

  /** The output size. */
  public int outputSize() {
    return sizes[sizes.length - 1];
  }

  /** The network on a batch of data rows: one tape block for all its layers. */
  public Real[][] apply(Params p, double[][] batch) {
    Layers l = layers(p);
    return Dense.network(l.w(), l.b(), l.act(), batch);
  }

  /** The network on a batch of rows of reals (the output of another network, or a draw): one tape block. */
  public Real[][] apply(Params p, Real[][] batch) {
    Layers l = layers(p);
    return Dense.network(l.w(), l.b(), l.act(), batch);
  }

  private record Layers(Real[][][] w, Real[][] b, Activation[] act) {
  }

  private Layers layers(Params p) {
    int n = sizes.length - 1;
    Real[][][] w = new Real[n][][];
    Real[][] b = new Real[n][];
    Activation[] act = new Activation[n];
    for (int l = 0; l < n; l++) {
      w[l] = p.matrix(name + ".w" + l, sizes[l + 1], sizes[l], Init.glorot());
      b[l] = p.vector(name + ".b" + l, sizes[l + 1], Init.constant(0));
      act[l] = l + 1 == n ? output : hidden;
    }
    return new Layers(w, b, act);
  }

  /** The network on one input. */
  public Real[] apply(Params p, Real[] x) {
    return apply(p, new Real[][] {x})[0];
  }

  @Override
  public String toString() {
    return "Mlp(" + name + ", " + Arrays.toString(sizes) + ", " + hidden + ")";
  }
}
