package org.probity.proofs;

import org.probity.core.Factor;
import org.probity.core.Messenger;
import org.probity.core.Observe;
import org.probity.core.Prob;
import org.probity.handlers.Handlers;

/** Known bugs planted on purpose, to show that each property can fail. */
final class Planted {
  private Planted() {
  }

  /**
   * The program with every factor dropped (and, if asked, every observation): a forgotten weight.
   * An effect handler that continues past the effect without giving it its meaning.
   */
  static <A> Prob<A> dropWeights(Prob<A> program, boolean observesToo) {
    return Handlers.handle(program, new Messenger() {
      @Override
      public Prob<?> observe(Observe<?, ?> o) {
        return observesToo ? Messenger.skip(o.next()) : o;
      }

      @Override
      public Prob<?> factor(Factor<?> f) {
        return Messenger.skip(f.next());
      }

      @Override
      public String toString() {
        return "dropWeights";
      }
    });
  }
}
