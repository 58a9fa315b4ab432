package org.probity.semantics;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.probity.ad.Real;
import org.probity.core.Address;
import org.probity.core.Factor;
import org.probity.core.Handler;
import org.probity.core.Interpreter;
import org.probity.core.Observe;
import org.probity.core.Prob;
import org.probity.core.ProbityException;
import org.probity.core.Sample;
import org.probity.core.Weights;
import org.probity.dist.Deterministic;

/**
 * The density semantics: replays a program against an assignment of addresses to values and
 * returns the log joint density, split into log prior (the choices) and log likelihood
 * (observations and factors). When the values are tape nodes ({@link org.probity.ad.Tape}) the
 * result carries the gradient; this is what HMC and reparameterised VI differentiate. The replay
 * stops at the first zero density (the rest of the program need not be valid there). A
 * deterministic site ({@link Deterministic}) takes the value the replay computes: it needs no
 * value, and a value given for it is ignored.
 */
public final class Density {
  private Density() {
  }

  /** The result of a replay: the program's value (null at zero density) and its log densities. */
  public record Result<A>(A value, Real logPrior, Real logLikelihood) {
    /** log prior + log likelihood. */
    public Real logJoint() {
      return logPrior.plus(logLikelihood);
    }
  }

  /** The log joint density of the program at {@code values} (every choice must have a value). */
  public static Real logJoint(Prob<?> program, Map<Address, ?> values) {
    return replay(program, values).logJoint();
  }

  /**
   * Replays the program: each choice takes the value at its address; a missing address, or a
   * value for an address the run never reaches, is an error naming the address.
   */
  @SuppressWarnings("unchecked")
  public static <A> Result<A> replay(Prob<A> program, Map<Address, ?> values) {
    Replay r = new Replay(values);
    A v = (A) Interpreter.run(program, r);
    if (r.zero) {
      return new Result<>(null, r.prior, r.lik);
    }
    if (r.used.size() != values.size()) {
      Set<Address> extra = new HashSet<>(values.keySet());
      extra.removeAll(r.used);
      throw new ProbityException("values given for addresses the program did not reach: " + extra);
    }
    return new Result<>(v, r.prior, r.lik);
  }

  /** The handler of one replay. */
  private static final class Replay implements Handler<Object> {
    final Map<Address, ?> values;
    final Set<Address> used = new HashSet<>();
    Real prior = Real.ZERO;
    Real lik = Real.ZERO;
    boolean zero;

    Replay(Map<Address, ?> values) {
      this.values = values;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Prob<?> sample(Sample<?, ?> s, Interpreter run) {
      Address a = run.address();
      if (s.dist() instanceof Deterministic<?> det) {
        // recomputed from the other values; a given value is accepted and ignored
        if (values.containsKey(a)) {
          used.add(a);
        }
        return (Prob<?>) ((Sample) s).k().apply(det.value());
      }
      Object x = values.get(a);
      if (x == null && !values.containsKey(a)) {
        throw new ProbityException("no value given for the choice at " + a + " from " + Weights.briefly(s.dist()));
      }
      used.add(a);
      Real lp = Weights.choiceReal(s.dist(), x, a);
      prior = prior.plus(lp);
      if (lp.value() == Double.NEGATIVE_INFINITY) {
        zero = true;
        return Interpreter.STOP;
      }
      return (Prob<?>) ((Sample) s).k().apply(x);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Prob<?> observe(Observe<?, ?> o, Interpreter run) {
      Real l = Weights.observeReal(o);
      lik = lik.plus(l);
      if (l.value() == Double.NEGATIVE_INFINITY) {
        zero = true;
        return Interpreter.STOP;
      }
      return (Prob<?>) ((Observe) o).next().get();
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Prob<?> factor(Factor<?> f, Interpreter run) {
      lik = lik.plus(f.logWeight());
      if (f.logWeight().value() == Double.NEGATIVE_INFINITY) {
        zero = true;
        return Interpreter.STOP;
      }
      return (Prob<?>) ((Factor) f).next().get();
    }

    @Override
    public Object result(Object value, Interpreter run) {
      return value;
    }

    @Override
    public Object stopped(Interpreter run) {
      return null;
    }
  }
}
