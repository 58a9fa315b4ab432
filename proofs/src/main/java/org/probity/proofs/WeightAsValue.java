package org.probity.proofs;

import java.util.ArrayList;
import java.util.List;
import org.probity.core.Address;
import org.probity.core.Defer;
import org.probity.core.Factor;
import org.probity.core.Independent;
import org.probity.core.InvalidWeightException;
import org.probity.core.Machine;
import org.probity.core.Observe;
import org.probity.core.Prob;
import org.probity.core.Pure;
import org.probity.core.Sample;
import org.probity.core.Weighted;

/**
 * The program transformation behind likelihood weighting: turns every {@code Observe} and
 * {@code Factor} into a recorded weight, so {@code weightAsValue(model)} is a program without
 * conditioning whose result is (value, log weight) of one prior run. Its distribution is the
 * distribution of one likelihood-weighting draw, which the Enumerator computes exactly. The walk
 * uses the shared small-step core ({@link Machine#reduce}), one effect at a time, lazily.
 *
 * <p>Named sample addresses may be prefixed (e.g. {@code particle[3]/mu}) so that several copies
 * can run in one execution; anonymous sites inside an {@code Independent} part are scoped by the
 * part already.
 */
public final class WeightAsValue {
  private WeightAsValue() {
  }

  /** One prior run of {@code model} with its log weight as the result. */
  public static <A> Prob<Weighted<A>> transform(Prob<A> model) {
    return transform(model, null);
  }

  /** As {@link #transform(Prob)}, with every named sample address prefixed by {@code prefix} (null: none). */
  @SuppressWarnings("unchecked")
  public static <A> Prob<Weighted<A>> transform(Prob<A> model, Address prefix) {
    Prob<?> p = go(Machine.start(model), 0.0, prefix);
    return (Prob<Weighted<A>>) p;
  }

  private static Prob<Weighted<Object>> go(Machine m, double logWeight, Address prefix) {
    return new Defer<>(() -> step(m.reduce(), logWeight, prefix));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Prob<Weighted<Object>> step(Machine r, double lw, Address prefix) {
    if (r.finished()) {
      return new Pure<>(new Weighted<>(r.result(), lw));
    }
    Prob<?> node = r.node();
    if (node instanceof Sample s) {
      Address a = s.address() == null || prefix == null ? s.address() : prefix.concat(s.address());
      return new Sample<Object, Weighted<Object>>(a, s.dist(), x -> go(r.resume((Prob) s.k().apply(x)), lw, prefix));
    } else if (node instanceof Observe o) {
      double l = InvalidWeightException.check(o.dist().logDensity(o.value()),
          o.address() == null ? "an observation" : o.address(), o.dist(), o.value());
      return go(r.resume((Prob) o.next().get()), lw + l, prefix);
    } else if (node instanceof Factor f) {
      return go(r.resume((Prob) f.next().get()), lw + f.logWeight().value(), prefix);
    } else if (node instanceof Independent ind) {
      List<Prob<Weighted<Object>>> parts = new ArrayList<>();
      for (Object part : ind.parts()) {
        parts.add(transform((Prob<Object>) part, prefix));
      }
      return new Independent<Weighted<Object>, Weighted<Object>>(parts, ws -> {
        double total = lw;
        List<Object> values = new ArrayList<>();
        for (Weighted<Object> w : ws) {
          total += w.logWeight();
          values.add(w.value());
        }
        return go(r.resume((Prob) ind.k().apply(java.util.Collections.unmodifiableList(values))), total, prefix);
      });
    }
    throw new IllegalStateException("unknown node " + node);
  }
}
