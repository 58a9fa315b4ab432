package org.probity.vi.adev;

import org.probity.ad.Real;
import org.probity.ad.Reals;

/**
 * Surrogate nodes: reals whose value is one estimate and whose gradient is another, the
 * reverse-mode form of ADEV's dual numbers (the "magic box" of Foerster et al., "DiCE: the
 * infinitely differentiable Monte Carlo estimator", ICML 2018, at first order). Each is one tape
 * node.
 */
public final class Surrogate {
  private Surrogate() {
  }

  /**
   * The score-function (REINFORCE) term: value v, gradient grad v + (v - b) grad logDensity
   * (Williams, 1992), b a baseline that must not depend on the draw the density scores.
   */
  public static Real score(Real v, Real logDensity, double baseline) {
    return Reals.node(new Real[] {v, logDensity}, v.value(), new double[] {1.0, v.value() - baseline});
  }

  /** Value v, gradient grad v + sum_j c_j grad theta_j (measure-valued and other weak-derivative terms). */
  public static Real addGradient(Real v, Real[] thetas, double[] c) {
    if (thetas.length != c.length) {
      throw new IllegalArgumentException("addGradient: " + thetas.length + " parameters, " + c.length + " coefficients");
    }
    Real[] in = new Real[thetas.length + 1];
    double[] d = new double[thetas.length + 1];
    in[0] = v;
    d[0] = 1.0;
    for (int j = 0; j < thetas.length; j++) {
      in[j + 1] = thetas[j];
      d[j + 1] = c[j];
    }
    return Reals.node(in, v.value(), d);
  }

  /** Value {@code value}, gradient that of {@code carrier}: value and gradient estimated apart. */
  public static Real valueWithGradient(double value, Real carrier) {
    return Reals.node(new Real[] {carrier}, value, new double[] {1.0});
  }

  /** Constants with the values of {@code vs} (stop-gradient). */
  public static Real[] stopAll(Real[] vs) {
    Real[] out = new Real[vs.length];
    for (int i = 0; i < vs.length; i++) {
      out[i] = Real.of(vs[i].value());
    }
    return out;
  }

  /** A constant with v's value (stop-gradient). */
  public static Real stop(Real v) {
    return Real.of(v.value());
  }
}
