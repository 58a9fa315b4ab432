package org.probity.vi.param;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * How a parameter gets its first value: the entries of its <b>constrained</b> value, row-major
 * (a positive scale initialised to 1 is stored as log 1 = 0 in unconstrained space). The generator
 * is derived from the store's seed and the parameter's name, so initial values do not depend on
 * the order in which parameters are first read.
 */
@FunctionalInterface
public interface Init {
  /**
   * The constrained entries of a parameter of the given shape ({@code []} scalar, {@code [n]}
   * vector, {@code [rows, cols]} matrix) and flat size.
   */
  double[] values(int[] shape, int size, UniformRandomProvider rng);

  /** Every entry {@code c}. */
  static Init constant(double c) {
    return (shape, size, rng) -> {
      double[] v = new double[size];
      Arrays.fill(v, c);
      return v;
    };
  }

  /** The given entries (their number must be the parameter's size). */
  static Init values(double... given) {
    double[] copy = given.clone();
    return (shape, size, rng) -> {
      if (copy.length != size) {
        throw new ParamException("Init.values: " + copy.length + " values given for a parameter of size " + size
            + " (shape " + Arrays.toString(shape) + ")");
      }
      return copy.clone();
    };
  }

  /** Independent Normal(0, sd) entries. */
  static Init normal(double sd) {
    return (shape, size, rng) -> {
      ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
      double[] v = new double[size];
      for (int i = 0; i < size; i++) {
        v[i] = sd * g.sample();
      }
      return v;
    };
  }

  /** Independent Uniform(lo, hi) entries. */
  static Init uniform(double lo, double hi) {
    return (shape, size, rng) -> {
      double[] v = new double[size];
      for (int i = 0; i < size; i++) {
        v[i] = lo + (hi - lo) * rng.nextDouble();
      }
      return v;
    };
  }

  /**
   * Glorot (Xavier) uniform for a weight matrix of shape [out, in]: Uniform(-a, a) with
   * a = sqrt(6 / (in + out)) (Glorot and Bengio, "Understanding the difficulty of training deep
   * feedforward neural networks", AISTATS 2010). A vector is treated as [n, 1].
   */
  static Init glorot() {
    return (shape, size, rng) -> {
      int out = shape.length > 0 ? shape[0] : 1;
      int in = shape.length > 1 ? shape[1] : 1;
      double a = Math.sqrt(6.0 / (in + out));
      return uniform(-a, a).values(shape, size, rng);
    };
  }
}
