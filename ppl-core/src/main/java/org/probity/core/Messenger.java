package org.probity.core;

/**
 * A composable effect handler (Pyro's {@code Messenger}, Bingham et al., "Pyro: deep universal
 * probabilistic programming", JMLR 2019): given an effect of the program it handles, it returns
 * the effect to perform instead: the same node, another effect (a choice turned into an
 * observation, a weight scaled), or the program that follows the effect (a choice replaced by a
 * given value). A returned program that is not an effect is run as it stands: the effect has been
 * handled. The loop ({@link Interpreter}) calls the method for the effect's kind; each defaults to
 * leaving the effect alone.
 *
 * <p>Messengers are values: the same one handles every run of the program, on any thread, so it
 * keeps no state between calls.
 */
public interface Messenger {
  /** The effect to perform in place of the choice {@code s} at {@code address}. */
  default Prob<?> sample(Sample<?, ?> s, Address address) {
    return s;
  }

  /** The effect to perform in place of the observation {@code o} (its address may be null). */
  default Prob<?> observe(Observe<?, ?> o) {
    return o;
  }

  /** The effect to perform in place of the factor {@code f}. */
  default Prob<?> factor(Factor<?> f) {
    return f;
  }

  /**
   * Whether this handler hides the site at {@code address} (null for a factor or an anonymous
   * observation) from the handlers outside it (Pyro's {@code block}): they do not see its effect.
   */
  default boolean hides(Address address) {
    return false;
  }
}
