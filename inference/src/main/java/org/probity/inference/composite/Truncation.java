package org.probity.inference.composite;

import org.probity.core.Compiled;
import org.probity.core.Cont;
import org.probity.core.Combinators;
import org.probity.core.Defer;
import org.probity.core.Factor;
import org.probity.core.FlatMap;
import org.probity.core.Independent;
import org.probity.core.Machine;
import org.probity.core.Observe;
import org.probity.core.Prob;
import org.probity.core.Pure;
import org.probity.core.Sample;

/**
 * The prefix of a program up to its n-th observation, as a program transformation: the prefix
 * runs the program, counting observations and factors, and stops right after the n-th one (or
 * earlier, at the program's end). Its density is the program's prior over the choices made so far
 * times the likelihood of the first n observations: the intermediate target of resample-move SMC
 * (Gilks and Berzuini 2001; the truncated traces of monad-bayes' {@code rmsmc}).
 *
 * <p>Addresses are those of the prefix program: named sites keep theirs and anonymous ones are
 * numbered in order of execution; an {@link Independent} node is run as the sequence of its parts
 * (as SMC does), so anonymous sites inside it are numbered in sequence too. The prefixes of one
 * program for different n give the same address to the same site.
 */
public final class Truncation {
  private Truncation() {
  }

  /**
   * The result of a prefix: the program's result when it finished within the first n
   * observations, or a stop marker.
   *
   * @param complete whether the program ran to its end
   * @param value the program's result (null when stopped)
   * @param <A> the program's result type
   */
  public record Prefix<A>(boolean complete, A value) {
    /** The marker of a prefix that stopped at its n-th observation. */
    public static <A> Prefix<A> stopped() {
      return new Prefix<>(false, null);
    }
  }

  /** The program stopped right after its n-th observation or factor (n >= 0). */
  public static <A> Prob<Prefix<A>> prefix(Prob<A> program, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("prefix: the number of observations must be non-negative, got " + n);
    }
    return new Defer<>(() -> run(program, null, n));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <A> Prob<Prefix<A>> run(Prob node, Cont stack, int left) {
    if (left == 0) {
      return stopOrFinish(node, stack);
    }
    while (true) {
      if (node instanceof Sample s) {
        final Cont st = stack;
        return new Sample<Object, Prefix<A>>(s.address(), s.dist(), x -> run((Prob) s.k().apply(x), st, left));
      } else if (node instanceof Observe o) {
        final Cont st = stack;
        return new Observe<Object, Prefix<A>>(o.address(), o.dist(), o.value(),
            () -> run((Prob) o.next().get(), st, left - 1));
      } else if (node instanceof Factor f) {
        final Cont st = stack;
        return new Factor<Prefix<A>>(f.logWeight(), () -> run((Prob) f.next().get(), st, left - 1));
      } else if (node instanceof FlatMap fm) {
        stack = Cont.push(fm.k(), stack);
        node = fm.first();
      } else if (node instanceof Pure p) {
        if (stack == null) {
          return new Pure<>(new Prefix<>(true, (A) p.value()));
        }
        node = (Prob) stack.head().apply(p.value());
        stack = stack.tail();
      } else if (node instanceof Defer d) {
        node = (Prob) d.thunk().get();
      } else if (node instanceof Compiled c) {
        node = c.meaning();
      } else if (node instanceof Independent ind) {
        node = new FlatMap(Combinators.sequence(ind.parts()), ind.k());
      } else {
        throw new IllegalStateException("unknown node " + node);
      }
    }
  }

  /**
   * After the last counted observation: runs the administrative steps that follow, so a program
   * that ends right there counts as complete; anything else stops the prefix.
   */
  @SuppressWarnings("unchecked")
  private static <A> Prob<Prefix<A>> stopOrFinish(Prob<?> node, Cont stack) {
    Machine m = new Machine(node, stack).reduce();
    return new Pure<>(m.finished() ? new Prefix<>(true, (A) m.result()) : Prefix.stopped());
  }
}
