package org.probity.bijection;

import java.util.Arrays;
import java.util.List;
import org.probity.ad.Real;

/**
 * Several bijections on consecutive blocks of one vector (TensorFlow Probability's Blockwise):
 * how a sampler maps one flat unconstrained parameter vector onto all of a model's choices. The
 * Jacobian is block diagonal, so the log-Jacobians add.
 */
public record Blockwise(List<Bijection> blocks) implements Bijection {
  /** Copies the list. */
  public Blockwise {
    blocks = List.copyOf(blocks);
  }

  @Override
  public int unconstrainedDimension() {
    return blocks.stream().mapToInt(Bijection::unconstrainedDimension).sum();
  }

  @Override
  public int constrainedDimension() {
    return blocks.stream().mapToInt(Bijection::constrainedDimension).sum();
  }

  @Override
  public Real[] forward(Real[] u) {
    return forwardWithLogJacobian(u).value();
  }

  @Override
  public Real logAbsDetJacobian(Real[] u) {
    return forwardWithLogJacobian(u).logAbsDetJacobian();
  }

  @Override
  public Constrained forwardWithLogJacobian(Real[] u) {
    checkUnconstrained(u);
    Real[] y = new Real[constrainedDimension()];
    Real logJ = Real.ZERO;
    int iu = 0;
    int iy = 0;
    for (Bijection b : blocks) {
      Constrained c = b.forwardWithLogJacobian(Arrays.copyOfRange(u, iu, iu + b.unconstrainedDimension()));
      System.arraycopy(c.value(), 0, y, iy, c.value().length);
      logJ = logJ.plus(c.logAbsDetJacobian());
      iu += b.unconstrainedDimension();
      iy += b.constrainedDimension();
    }
    return new Constrained(y, logJ);
  }

  @Override
  public double[] inverse(double[] y) {
    checkConstrained(y);
    double[] u = new double[unconstrainedDimension()];
    int iu = 0;
    int iy = 0;
    for (Bijection b : blocks) {
      double[] part = b.inverse(Arrays.copyOfRange(y, iy, iy + b.constrainedDimension()));
      System.arraycopy(part, 0, u, iu, part.length);
      iu += b.unconstrainedDimension();
      iy += b.constrainedDimension();
    }
    return u;
  }

  @Override
  public String toString() {
    return "Blockwise" + blocks;
  }
}
