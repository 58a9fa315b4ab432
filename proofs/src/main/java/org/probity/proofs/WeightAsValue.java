package org.probity.proofs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.probity.core.Address;
import org.probity.core.Defer;
import org.probity.core.Factor;
import org.probity.core.Handler;
import org.probity.core.Independent;
import org.probity.core.Interpreter;
import org.probity.core.Machine;
import org.probity.core.Observe;
import org.probity.core.Prob;
import org.probity.core.Pure;
import org.probity.core.Sample;
import org.probity.core.Weighted;
import org.probity.core.Weights;

/**
 * The program transformation behind likelihood weighting: turns every {@code Observe} and
 * {@code Factor} into a recorded weight, so {@code weightAsValue(model)} is a program without
 * conditioning whose result is (value, log weight) of one prior run. Its distribution is the
 * distribution of one likelihood-weighting draw, which the Enumerator computes exactly. It is a
 * handler of the one loop, re-emitting each choice lazily; a run that reaches zero weight ends
 * there (its value is null).
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
    return (Prob<Weighted<A>>) (Prob<?>) go(Machine.start(model), 0.0, prefix);
  }

  private static Prob<Weighted<Object>> go(Machine m, double logWeight, Address prefix) {
    return new Defer<>(() -> Interpreter.run(m, new Weigh(logWeight, prefix)));
  }

  /** The handler: accumulates weights, re-emits choices and products. */
  private static final class Weigh implements Handler<Prob<Weighted<Object>>> {
    final Address prefix;
    double logWeight;
    Prob<Weighted<Object>> out;

    Weigh(double logWeight, Address prefix) {
      this.logWeight = logWeight;
      this.prefix = prefix;
    }

    @Override
    public boolean claimsNames() {
      return false;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Prob<?> sample(Sample<?, ?> s, Interpreter run) {
      Address a = s.address() == null || prefix == null ? s.address() : prefix.concat(s.address());
      Machine after = run.resume(s);
      Function k = s.k();
      double lw = logWeight;
      out = new Sample<Object, Weighted<Object>>(a, (org.probity.dist.Distribution) s.dist(),
          x -> go(after.resume((Prob<?>) k.apply(x)), lw, prefix));
      return Interpreter.STOP;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Prob<?> observe(Observe<?, ?> o, Interpreter run) {
      return weigh(Weights.observe(o), () -> (Prob<?>) ((Observe) o).next().get());
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Prob<?> factor(Factor<?> f, Interpreter run) {
      return weigh(Weights.factor(f), () -> (Prob<?>) ((Factor) f).next().get());
    }

    private Prob<?> weigh(double l, java.util.function.Supplier<Prob<?>> next) {
      if (l == Double.NEGATIVE_INFINITY) {
        out = new Pure<>(new Weighted<>(null, Double.NEGATIVE_INFINITY));
        return Interpreter.STOP;
      }
      logWeight += l;
      return next.get();
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Prob<?> independent(Independent<?, ?> ind, Interpreter run) {
      List<Prob<Weighted<Object>>> parts = new ArrayList<>();
      for (Object part : ind.parts()) {
        parts.add(transform((Prob<Object>) part, prefix));
      }
      Machine after = run.resume(ind);
      Function k = ind.k();
      double lw = logWeight;
      out = new Independent<Weighted<Object>, Weighted<Object>>(parts, ws -> {
        double total = lw;
        List<Object> values = new ArrayList<>();
        for (Weighted<Object> w : ws) {
          total += w.logWeight();
          values.add(w.value());
        }
        if (total == Double.NEGATIVE_INFINITY) {
          return new Pure<>(new Weighted<>(null, Double.NEGATIVE_INFINITY));
        }
        return go(after.resume((Prob<?>) k.apply(Collections.unmodifiableList(values))), total, prefix);
      });
      return Interpreter.STOP;
    }

    @Override
    public Prob<Weighted<Object>> result(Object value, Interpreter run) {
      return new Pure<>(new Weighted<>(value, logWeight));
    }

    @Override
    public Prob<Weighted<Object>> stopped(Interpreter run) {
      return out;
    }
  }
}
