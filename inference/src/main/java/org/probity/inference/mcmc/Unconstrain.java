package org.probity.inference.mcmc;

/**
 * The bijection from a univariate support to the whole real line used by random-walk proposals:
 * identity on (-inf, inf), z = log(x - lo) on (lo, inf), z = log(hi - x) on (-inf, hi) and the
 * scaled logit on (lo, hi) (the transforms of Stan's reference manual, "Constraint transforms").
 * Local to MCMC until the shared bijections (org.probity.bijection) are available.
 */
record Unconstrain(double lo, double hi) {
  private enum Kind { IDENTITY, LOWER, UPPER, INTERVAL }

  private Kind kind() {
    boolean l = Double.isFinite(lo);
    boolean h = Double.isFinite(hi);
    return l && h ? Kind.INTERVAL : l ? Kind.LOWER : h ? Kind.UPPER : Kind.IDENTITY;
  }

  /** x to z. */
  double forward(double x) {
    return switch (kind()) {
      case IDENTITY -> x;
      case LOWER -> Math.log(x - lo);
      case UPPER -> Math.log(hi - x);
      case INTERVAL -> {
        double p = (x - lo) / (hi - lo);
        yield Math.log(p) - Math.log1p(-p);
      }
    };
  }

  /** z to x. */
  double inverse(double z) {
    return switch (kind()) {
      case IDENTITY -> z;
      case LOWER -> lo + Math.exp(z);
      case UPPER -> hi - Math.exp(z);
      case INTERVAL -> lo + (hi - lo) * (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
    };
  }

  /** log |dx/dz| at z. */
  double logJacobian(double z) {
    return switch (kind()) {
      case IDENTITY -> 0.0;
      case LOWER, UPPER -> z;
      case INTERVAL -> Math.log(hi - lo) + logLogistic(z) + logLogistic(-z);
    };
  }

  private static double logLogistic(double z) {
    return z >= 0 ? -Math.log1p(Math.exp(-z)) : z - Math.log1p(Math.exp(z));
  }
}
