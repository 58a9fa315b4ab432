package org.probity.vi.objectives;

import java.util.Map;
import java.util.function.Function;
import org.probity.ad.Real;
import org.probity.core.Address;
import org.probity.core.Defer;
import org.probity.core.Prob;
import org.probity.core.Pure;
import org.probity.semantics.Density;
import org.probity.vi.param.Params;

/**
 * A model or a variational family as objectives use it (the two operations genjax.vi's
 * objectives need of a generative function): {@link #simulate} it, getting its choices and the log
 * of a density <b>estimate</b> whose reciprocal is unbiased (exact for an ordinary program), and
 * {@link #logDensity} of given choices, the log of an <b>unbiased</b> density estimate (exact for
 * an ordinary program). Both are programs, so their randomness is estimated by ADEV like any other
 * choice of the objective. {@link Marginal} is the case where the estimates are not exact.
 *
 * @param <A> the program's value type
 */
public interface Generative<A> {
  /** The program run fresh, recorded; {@code score()} is log of the (estimated) density of its choices. */
  Prob<Traced<A>> simulate(Params params);

  /** log of an unbiased estimate of the density of {@code choices} (and of the observations). */
  Prob<Real> logDensity(Params params, Map<Address, ?> choices);

  /** An ordinary parameterised program: exact scores, replay for densities. */
  static <A> Generative<A> of(Function<? super Params, ? extends Prob<A>> program) {
    return new Generative<>() {
      @Override
      public Prob<Traced<A>> simulate(Params params) {
        return Simulate.simulate(program.apply(params));
      }

      @Override
      public Prob<Real> logDensity(Params params, Map<Address, ?> choices) {
        return new Defer<>(() -> new Pure<>(Density.logJoint(program.apply(params), choices)));
      }
    };
  }

  /** A program without parameters. */
  static <A> Generative<A> of(Prob<A> program) {
    return of(p -> program);
  }

  /**
   * This model with the choices of {@code data} fixed (observed values given as choices, genjax's
   * constraints): its density is that of {@code data} together with the given choices.
   */
  default Generative<A> given(Map<Address, ?> data) {
    Generative<A> self = this;
    return new Generative<>() {
      @Override
      public Prob<Traced<A>> simulate(Params params) {
        throw new UnsupportedOperationException("a model given data is scored, not simulated");
      }

      @Override
      public Prob<Real> logDensity(Params params, Map<Address, ?> choices) {
        Map<Address, Object> all = new java.util.LinkedHashMap<>(data);
        all.putAll(choices);
        return self.logDensity(params, all);
      }
    };
  }
}
