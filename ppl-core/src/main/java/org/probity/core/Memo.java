package org.probity.core;

import java.util.List;
import java.util.function.Function;
import org.probity.dist.Distribution;

/**
 * Stochastic memoisation (Church's and WebPPL's {@code mem}; Goodman et al., "Church: a language
 * for generative models", UAI 2008): a random function that gives the same draw whenever it is
 * called with the same argument within one run, at a stable named address.
 *
 * <p>A call is a choice at its address whose continuation is marked ({@link Call}). The loop
 * ({@link Interpreter}) looks the address up in the run's memo table first: when the run has
 * drawn it already, the call returns that value without an effect (no handler sees it, no weight,
 * no new trace entry); otherwise the call is an ordinary choice, which every interpreter gives its
 * meaning (sampled, enumerated, traced, moved by MCMC, laid out by the log-density view), and the
 * marked continuation records the chosen value in the table ({@link Store}) before the program
 * goes on. The table is state of the run, so it travels with the run's claimed names
 * ({@link AddressSet#memoise}) in every suspended or forked {@link Machine}: an Enumerator branch,
 * an SMC particle and a trace re-run each carry their own, and nothing is shared between runs.
 *
 * <p>An independent product's parts start with the table as it stood at the product, so they may
 * read values drawn before it; but a part may not draw a new memoised value (the parts run apart,
 * possibly in parallel, and cannot share new state): that is an
 * {@link UnsupportedConstructException} naming the address.
 */
public final class Memo {
  private Memo() {
  }

  /**
   * The call of a memoised function at {@code address} whose value, if not yet drawn in this run,
   * is drawn from {@code dist}.
   *
   * @param address the stable address of this argument's value
   * @param dist the distribution of the value
   * @param <X> the value's type
   * @return the program returning the memoised value
   */
  public static <X> Prob<X> call(Address address, Distribution<X> dist) {
    if (address == null) {
      throw new IllegalArgumentException("a memoised call needs an address");
    }
    return new Sample<X, X>(address, dist, new Call<X, X>(address, Pure::new));
  }

  /**
   * The marked continuation of a memoised call: after the value x is chosen it records x in the
   * run's memo table ({@link Store}), then continues with {@code k}.
   *
   * @param address the call's address
   * @param k the continuation
   */
  public record Call<X, A>(Address address, Function<? super X, ? extends Prob<A>> k)
      implements Function<X, Prob<A>> {
    @Override
    public Prob<A> apply(X x) {
      return new Independent<Object, A>(List.of(), new Store<>(address, x, k.apply(x)));
    }
  }

  /**
   * The administrative step that records a memoised value: an independent product of no parts
   * (a node that costs no randomness) whose continuation the loop recognises.
   *
   * @param address the call's address
   * @param value the value drawn
   * @param next the program after the call
   */
  public record Store<A>(Address address, Object value, Prob<A> next) implements Function<List<Object>, Prob<A>> {
    @Override
    public Prob<A> apply(List<Object> ignored) {
      return next;
    }
  }
}
