package org.probity.bench.probity;

import static org.probity.Probity.categorical;
import static org.probity.Probity.normal;
import static org.probity.Probity.observe;
import static org.probity.Probity.pure;
import static org.probity.Probity.sample;

import org.probity.Probity;
import org.probity.ad.Real;
import org.probity.bench.data.HmmData;
import org.probity.core.Prob;
import org.probity.dist.Categorical;
import org.probity.dist.Normal;

/**
 * The HMM as a Probity program, written two ways, both returning the last state and both with
 * every distribution built once:
 * <ul>
 *   <li>{@link #stateSpace()}: {@code stateSpace(initial, z -> transition[z], z -> emission[z])
 *       .observe(y)}, the state-space combinator, whose suspended particle is one step record
 *       (time, state);</li>
 *   <li>{@link #program()}: continuation-passing, {@code sample(transition[z], z2 ->
 *       observe(emission[z2], y[t], () -> step(t + 1, z2)))}, whose suspended particle is one
 *       Sample node and its closure.</li>
 * </ul>
 * Either way a particle's memory does not grow with T.
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

  /** The state-space program: z_0 ~ pi0, z_t ~ A[z_{t-1}], y_t ~ N(mu[z_t], sigma). */
  public Prob<Integer> stateSpace() {
    return Probity.stateSpace(initial, (Integer z) -> transition[z], (Integer z) -> emission[z]).observe(ys);
  }

  /** The continuation-passing program: z[0] ~ pi0, y[0] ~ emission, then {@link #step}. */
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
   * The state z_{t-1} of a particle of {@link #program()} suspended at {@code node}, the draw of
   * z_t: the index of the transition row it draws from (the rows are built once, so identity
   * finds it).
   */
  public int stateBefore(Prob<?> node) {
    Object d = org.probity.core.Machine.nextChoice(node);
    for (int i = 0; i < transition.length; i++) {
      if (d == transition[i]) {
        return i;
      }
    }
    throw new IllegalStateException("not suspended at a transition of this model: " + node);
  }
}
