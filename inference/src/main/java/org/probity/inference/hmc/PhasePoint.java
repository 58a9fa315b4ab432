package org.probity.inference.hmc;

/**
 * A point (q, p) of phase space with the potential V(q) = -log p(q) and its gradient, as Stan's
 * {@code ps_point}. Mutable work state of a sampler: the arrays are written in place by the
 * integrator and copied with {@link #copyFrom}, never reallocated.
 */
public final class PhasePoint {
  /** Position (the unconstrained parameters). */
  final double[] q;
  /** Momentum. */
  final double[] p;
  /** Gradient of the potential, -grad log p(q). */
  final double[] g;
  /** Potential energy, -log p(q); positive infinity outside the support. */
  double potential;

  /** A point of dimension {@code n}, all zero. */
  public PhasePoint(int n) {
    q = new double[n];
    p = new double[n];
    g = new double[n];
  }

  /** The dimension. */
  public int dimension() {
    return q.length;
  }

  /** Copies position, momentum, gradient and potential from {@code other}. */
  public void copyFrom(PhasePoint other) {
    System.arraycopy(other.q, 0, q, 0, q.length);
    System.arraycopy(other.p, 0, p, 0, p.length);
    System.arraycopy(other.g, 0, g, 0, g.length);
    potential = other.potential;
  }

  /** The position array itself (not a copy): read it, or write it and then call {@link Leapfrog#init}. */
  public double[] position() {
    return q;
  }

  /** The momentum array itself (not a copy). */
  public double[] momentum() {
    return p;
  }

  /** The gradient of the potential, -grad log p(q) (the array itself, not a copy). */
  public double[] potentialGradient() {
    return g;
  }

  /** The potential energy -log p(q). */
  public double potential() {
    return potential;
  }
}
