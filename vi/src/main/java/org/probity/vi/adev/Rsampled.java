package org.probity.vi.adev;

import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Real;
import org.probity.dist.Constraint;
import org.probity.dist.Distribution;

/** The distribution whose draws are {@code base}'s reparameterised draws (a choice of REPARAM's estimator program). */
record Rsampled<X>(Distribution<X> base) implements Distribution<X> {
  @Override
  public X sample(UniformRandomProvider rng) {
    return base.rsample(rng);
  }

  @Override
  public Real logProb(X x) {
    return base.logProb(x);
  }

  @Override
  public double logDensity(X x) {
    return base.logDensity(x);
  }

  @Override
  public Constraint support() {
    return base.support();
  }

  @Override
  public String name() {
    return "rsample " + base.name();
  }
}
