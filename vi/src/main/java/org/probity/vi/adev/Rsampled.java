package org.probity.vi.adev;

import org.apache.commons.rng.UniformRandomProvider;
import org.probity.dist.Distribution;
import org.probity.dist.Forwarding;

/** The distribution whose draws are {@code base}'s reparameterised draws (a choice of REPARAM's estimator program). */
record Rsampled<X>(Distribution<X> base) implements Forwarding<X> {
  @Override
  public X sample(UniformRandomProvider rng) {
    return base.rsample(rng);
  }

  @Override
  public String name() {
    return "rsample " + base.name();
  }
}
