package org.probity.proofs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.probity.core.Address;
import org.probity.core.Defer;
import org.probity.core.Factor;
import org.probity.core.Independent;
import org.probity.core.Machine;
import org.probity.core.Observe;
import org.probity.core.Prob;
import org.probity.core.Pure;
import org.probity.core.Sample;
import org.probity.core.SiteNamer;

/**
 * The program transformation that records every choice: {@code traceAsValue(model)} makes the
 * same choices, observations and factors as {@code model} (so it denotes the same measure, pushed
 * forward to traces) and returns a {@link Traced} value with the choices by their canonical
 * addresses ({@link SiteNamer}, the naming every interpreter uses). Enumerating it lists every
 * path of the model with its exact log weight.
 */
public final class TraceAsValue {
  private TraceAsValue() {
  }

  /** The model with its trace as the result. */
  @SuppressWarnings("unchecked")
  public static <A> Prob<Traced<A>> transform(Prob<A> model) {
    Prob<?> p = go(Machine.start(model), SiteNamer.root(), Map.of());
    return (Prob<Traced<A>>) p;
  }

  private static Prob<Traced<Object>> go(Machine m, SiteNamer namer, Map<Address, Object> choices) {
    // the namer is copied whenever the program is (re)run, so a program run twice names alike
    return new Defer<>(() -> step(m.reduce(), namer.copy(), choices));
  }

  private static Map<Address, Object> with(Map<Address, Object> m, Address a, Object x) {
    Map<Address, Object> out = new HashMap<>(m);
    out.put(a, x);
    return Collections.unmodifiableMap(out);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Prob<Traced<Object>> step(Machine r, SiteNamer namer, Map<Address, Object> choices) {
    if (r.finished()) {
      return new Pure<>(new Traced<>(r.result(), choices));
    }
    Prob<?> node = r.node();
    if (node instanceof Sample s) {
      Address a = namer.sampleSite(s.address());
      return new Sample<Object, Traced<Object>>(s.address(), s.dist(),
          x -> go(r.resume((Prob) s.k().apply(x)), namer, with(choices, a, x)));
    } else if (node instanceof Observe o) {
      namer.observeSite(o.address());
      return new Observe<Object, Traced<Object>>(o.address(), o.dist(), o.value(),
          () -> go(r.resume((Prob) o.next().get()), namer, choices));
    } else if (node instanceof Factor f) {
      return new Factor<Traced<Object>>(f.logWeight(), () -> go(r.resume((Prob) f.next().get()), namer, choices));
    } else if (node instanceof Independent ind) {
      List<?> ps = ind.parts();
      SiteNamer[] namers = namer.parts(ps.size());
      List<Prob<Traced<Object>>> parts = new ArrayList<>();
      for (int i = 0; i < ps.size(); i++) {
        parts.add(go(Machine.start((Prob<?>) ps.get(i)), namers[i], Map.of()));
      }
      return new Independent<Traced<Object>, Traced<Object>>(parts, ts -> {
        Map<Address, Object> all = new HashMap<>(choices);
        List<Object> values = new ArrayList<>();
        for (Traced<Object> t : ts) {
          all.putAll(t.choices());
          values.add(t.value());
        }
        return go(r.resume((Prob) ind.k().apply(Collections.unmodifiableList(values))), namer, all);
      });
    }
    throw new IllegalStateException("unknown node " + node);
  }
}
