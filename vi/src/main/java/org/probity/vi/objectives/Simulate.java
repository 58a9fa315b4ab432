package org.probity.vi.objectives;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.probity.ad.Real;
import org.probity.core.Address;
import org.probity.core.Defer;
import org.probity.core.Factor;
import org.probity.core.Handler;
import org.probity.core.Interpreter;
import org.probity.core.Machine;
import org.probity.core.Observe;
import org.probity.core.PList;
import org.probity.core.Prob;
import org.probity.core.Pure;
import org.probity.core.Sample;
import org.probity.core.Weights;
import org.probity.dist.Distribution;
import org.probity.vi.adev.Tagged;

/**
 * Running a program inside an objective while recording it ({@link Traced}): Gen's
 * {@code simulate} and {@code generate} as program transformations. Each fresh choice of the
 * program becomes a choice of the result, with the same distribution and estimator tag and its
 * original address as origin ({@link Tagged#at}), so ADEV estimates it like any choice of the
 * objective; constrained choices take their given values and add their log densities to the
 * weight. Scores are {@link Real}s on the tape of the parameters (and of reparameterised values).
 */
public final class Simulate {
  private Simulate() {
  }

  /** The program run with every choice fresh, recorded. */
  public static <A> Prob<Traced<A>> simulate(Prob<A> program) {
    return generate(program, Map.of());
  }

  /**
   * The program run with the choices at the addresses of {@code constraints} taking the given
   * values, the others fresh, recorded; the weight is the log density of the constrained choices
   * plus the observations.
   */
  @SuppressWarnings("unchecked")
  public static <A> Prob<Traced<A>> generate(Prob<A> program, Map<Address, ?> constraints) {
    return new Defer<>(() -> (Prob<Traced<A>>) (Prob<?>) new Recorder(constraints, null, Real.ZERO, Real.ZERO)
        .from(Machine.start(program)));
  }

  /** One stretch of a recorded run, up to its end or its next fresh choice; its state is copied into continuations. */
  private static final class Recorder implements Handler<Prob<Traced<Object>>> {
    private static final Prob<Object> HERE = new Pure<>(null);
    final Map<Address, ?> constraints;
    PList<Traced.Site> sites;
    Real score;
    Real weight;
    Prob<Traced<Object>> out;

    Recorder(Map<Address, ?> constraints, PList<Traced.Site> sites, Real score, Real weight) {
      this.constraints = constraints;
      this.sites = sites;
      this.score = score;
      this.weight = weight;
    }

    Prob<Traced<Object>> from(Machine m) {
      return Interpreter.run(m, this);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Prob<?> sample(Sample<?, ?> s, Interpreter run) {
      Address a = run.address();
      Distribution d = s.dist();
      Function k = s.k();
      Object given = constraints.get(a);
      if (given != null || (!constraints.isEmpty() && constraints.containsKey(a))) {
        Real lp = Weights.choiceReal(d, given, a);
        sites = PList.cons(new Traced.Site(a, given, lp), sites);
        score = score.plus(lp);
        weight = weight.plus(lp);
        return lp.value() == Double.NEGATIVE_INFINITY ? zero() : (Prob<?>) k.apply(given);
      }
      Machine after = run.resume(HERE);
      PList<Traced.Site> before = sites;
      Real s0 = score;
      Real w0 = weight;
      out = new Sample<Object, Traced<Object>>(null, Tagged.at(d, a), x -> new Defer<>(() -> {
        Real lp = Weights.choiceReal(d, x, a);
        Recorder r = new Recorder(constraints, PList.cons(new Traced.Site(a, x, lp), before), s0.plus(lp), w0);
        return r.from(after.resume((Prob<?>) k.apply(x)));
      }));
      return Interpreter.STOP;
    }

    private Prob<?> zero() {
      out = new Pure<>(new Traced<>(null, list(), Real.NEGATIVE_INFINITY, Real.NEGATIVE_INFINITY));
      return Interpreter.STOP;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Prob<?> observe(Observe<?, ?> o, Interpreter run) {
      Real l = Weights.observeReal(o);
      score = score.plus(l);
      weight = weight.plus(l);
      return l.value() == Double.NEGATIVE_INFINITY ? zero() : (Prob<?>) ((Observe) o).next().get();
    }

    @Override
    public Prob<?> factor(Factor<?> f, Interpreter run) {
      score = score.plus(f.logWeight());
      weight = weight.plus(f.logWeight());
      return f.logWeight().value() == Double.NEGATIVE_INFINITY ? zero() : f.next().get();
    }

    private List<Traced.Site> list() {
      return PList.toListReversed(sites);
    }

    @Override
    public Prob<Traced<Object>> result(Object value, Interpreter run) {
      return new Pure<>(new Traced<>(value, list(), score, weight));
    }

    @Override
    public Prob<Traced<Object>> stopped(Interpreter run) {
      return out;
    }
  }

  /** The choices of {@code choices} whose addresses satisfy {@code keep}, in order. */
  static Map<Address, Object> restrict(Map<Address, Object> choices, java.util.function.Predicate<Address> keep) {
    Map<Address, Object> m = new java.util.LinkedHashMap<>();
    choices.forEach((a, v) -> {
      if (keep.test(a)) {
        m.put(a, v);
      }
    });
    return m;
  }
}
