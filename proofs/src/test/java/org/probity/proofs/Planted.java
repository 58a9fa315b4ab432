package org.probity.proofs;

import java.util.ArrayList;
import java.util.List;
import org.probity.core.Defer;
import org.probity.core.Factor;
import org.probity.core.Independent;
import org.probity.core.Machine;
import org.probity.core.Observe;
import org.probity.core.Prob;
import org.probity.core.Pure;
import org.probity.core.Sample;

/** Known bugs planted on purpose, to show that each property can fail. */
final class Planted {
  private Planted() {
  }

  /** The program with every {@code Factor} removed (and, if asked, every {@code Observe}): a forgotten weight. */
  @SuppressWarnings("unchecked")
  static <A> Prob<A> dropWeights(Prob<A> program, boolean observesToo) {
    return (Prob<A>) go(Machine.start(program), observesToo);
  }

  private static Prob<Object> go(Machine m, boolean observesToo) {
    return new Defer<>(() -> step(m.reduce(), observesToo));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Prob<Object> step(Machine r, boolean obs) {
    if (r.finished()) {
      return new Pure<>(r.result());
    }
    Prob<?> node = r.node();
    if (node instanceof Sample s) {
      return new Sample<Object, Object>(s.address(), s.dist(), x -> go(r.resume((Prob) s.k().apply(x)), obs));
    } else if (node instanceof Observe o) {
      if (obs) {
        return go(r.resume((Prob) o.next().get()), obs);
      }
      return new Observe<Object, Object>(o.address(), o.dist(), o.value(), () -> go(r.resume((Prob) o.next().get()), obs));
    } else if (node instanceof Factor f) {
      return go(r.resume((Prob) f.next().get()), obs);
    } else if (node instanceof Independent ind) {
      List<Prob<Object>> parts = new ArrayList<>();
      for (Object p : ind.parts()) {
        parts.add(dropWeights((Prob<Object>) p, obs));
      }
      return new Independent<Object, Object>(parts, xs -> go(r.resume((Prob) ind.k().apply(xs)), obs));
    }
    throw new IllegalStateException("unknown node " + node);
  }
}
