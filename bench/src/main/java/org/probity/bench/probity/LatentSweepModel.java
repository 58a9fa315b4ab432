package org.probity.bench.probity;

import static org.probity.Probity.addr;
import static org.probity.Probity.normal;
import static org.probity.Probity.observe;
import static org.probity.Probity.pure;
import static org.probity.Probity.sample;

import java.util.ArrayList;
import java.util.List;
import org.probity.ad.Real;
import org.probity.core.Independent;
import org.probity.core.Prob;
import org.probity.dist.Normal;

/**
 * N independent latent sites as a Probity program: {@code z[i] ~ Normal(0, 1)}, {@code y[i] ~
 * Normal(z[i], 1)}, the independent product of the N parts ({@code independent(n, i -> ...)},
 * whose continuation returns the z's), the shape on which single-site MH re-runs only the part of
 * the updated site.
 */
public final class LatentSweepModel {
  private static final Normal PRIOR = normal(0, 1);
  private final double[] y;

  /** The model of these observations. */
  public LatentSweepModel(double[] y) {
    this.y = y.clone();
  }

  /** The program. */
  public Prob<List<Real>> program() {
    List<Prob<Real>> parts = new ArrayList<>(y.length);
    for (int i = 0; i < y.length; i++) {
      double yi = y[i];
      parts.add(sample(addr("z", i), PRIOR, (Real z) -> observe(normal(z.value(), 1), yi, () -> pure(z))));
    }
    return new Independent<Real, List<Real>>(parts, zs -> pure(zs));
  }
}
