package org.probity.core;

/**
 * A composable effect handler (Pyro's {@code Messenger}, Bingham et al., "Pyro: deep universal
 * probabilistic programming", JMLR 2019): given an effect of the program it handles, it returns
 * the effect to perform instead: the same node, another effect for the same site (a choice turned
 * into an observation, a weight scaled), or the program that follows the effect (a choice replaced
 * by a given value), written {@link #resume} or {@link #skip}. A returned program that is not an
 * effect is run as it stands: the effect has been handled. A returned effect is taken for this
 * site's, so a handler must never return a continuation's result itself ({@code s.k().apply(x)}),
 * which may be the next site's effect. The loop ({@link Interpreter}) calls the method for the
 * effect's kind; each defaults to leaving the effect alone.
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
   * The program that goes on after the choice {@code s} with the value {@code x}: what a handler
   * returns when it gives the choice its value itself (substitution, seeding). It is not an
   * effect, so the loop runs it as the program after this site, and the next effect, even when the
   * choice's continuation returns it directly ({@code sample(d, x -> sample(...))}), is named and
   * handled as its own site.
   */
  static Prob<?> resume(Sample<?, ?> s, Object x) {
    @SuppressWarnings({"unchecked", "rawtypes"})
    Prob<?> next = new FlatMap(new Pure<>(x), s.k());
    return next;
  }

  /**
   * The program that goes on after an observation or a factor whose continuation is {@code next},
   * the effect left without meaning (not weighed); as {@link #resume}, not an effect itself.
   */
  static Prob<?> skip(java.util.function.Supplier<? extends Prob<?>> next) {
    return new FlatMap<Object, Object>(new Pure<>(Unit.UNIT), u -> {
      @SuppressWarnings("unchecked")
      Prob<Object> p = (Prob<Object>) next.get();
      return p;
    });
  }

  /**
   * Whether this handler hides the site at {@code address} (null for a factor or an anonymous
   * observation) from the handlers outside it (Pyro's {@code block}): they do not see its effect.
   */
  default boolean hides(Address address) {
    return false;
  }
}
