package org.probity.bench.probity;

import static org.probity.Probity.categorical;
import static org.probity.Probity.normal;
import static org.probity.Probity.observe;
import static org.probity.Probity.pure;
import static org.probity.Probity.sample;

import org.probity.ad.Real;
import org.probity.bench.data.HmmData;
import org.probity.core.Observe;
import org.probity.core.Prob;
import org.probity.dist.Categorical;
import org.probity.dist.Normal;

/**
 * The HMM as a Probity program in the fast-path style: {@code sample(transition[z], z2 ->
 * observe(emission[z2], y[t], () -> step(t + 1, z2)))}, every distribution built once, so a
 * suspended particle is one Sample node and an empty continuation stack whatever t (its memory
 * does not grow with T). The program returns the last state.
 */
public final class HmmModel {
  private final HmmData data;
  private final Categorical initial;
  private final Categorical[] transition;
  private final Normal[] emission;
  private final Real[] ys;

  /** Builds the distributions once. */
  public HmmModel(HmmData data) {
    this.data = data;
    this.initial = categorical(data.pi0());
    this.transition = new Categorical[data.k()];
    this.emission = new Normal[data.k()];
    for (int i = 0; i < data.k(); i++) {
      transition[i] = categorical(data.a()[i]);
      emission[i] = normal(data.mu()[i], data.sigma());
    }
    this.ys = new Real[data.t()];
    for (int t = 0; t < data.t(); t++) {
      ys[t] = Real.of(data.y()[t]);
    }
  }

  /** The program: z[0] ~ pi0, y[0] ~ emission, then {@link #step}. */
  public Prob<Integer> program() {
    return sample(initial, z -> observe(emission[z], ys[0], () -> step(1, z)));
  }

  private Prob<Integer> step(int t, int z) {
    if (t == data.t()) {
      return pure(z);
    }
    return sample(transition[z], z2 -> observe(emission[z2], ys[t], () -> step(t + 1, z2)));
  }

  /**
   * The state a particle suspended at {@code site} is in: the index of the emission distribution
   * of the observation it last passed (the distributions are built once, so identity finds it).
   */
  public int stateAt(Prob<?> site) {
    if (site instanceof Observe<?, ?> o) {
      for (int i = 0; i < emission.length; i++) {
        if (o.dist() == emission[i]) {
          return i;
        }
      }
    }
    throw new IllegalStateException("not suspended at an emission of this model: " + site);
  }
}
