package org.probity.vi.adev;

import java.util.function.Function;
import org.probity.ad.Real;
import org.probity.core.Address;
import org.probity.core.Defer;
import org.probity.core.Factor;
import org.probity.core.Handler;
import org.probity.core.Interpreter;
import org.probity.core.Machine;
import org.probity.core.Observe;
import org.probity.core.Prob;
import org.probity.core.ProbityException;
import org.probity.core.Pure;
import org.probity.core.Sample;
import org.probity.core.UnsupportedConstructException;
import org.probity.core.Weights;
import org.probity.dist.Distribution;

/**
 * ADEV's program transformation (Lew et al., POPL 2023): an objective program, a {@code Prob}
 * whose result is a {@link Real}, becomes its <b>estimator program</b>, a {@code Prob<Real>} whose
 * result S has as value an unbiased estimate of E[objective] and as gradient (one backward sweep
 * of the tape its parameters live on) an unbiased estimate of the gradient of E[objective].
 *
 * <p>The transformation is a handler of the one loop: it runs the objective's deterministic
 * steps until a random choice, where the program stands as {@code Sample(address, dist, k)}:
 * exactly the site and continuation ADEV's CPS translation needs. The choice's {@link Estimator}
 * (its {@link Tagged} one, else the {@link Policy}'s) receives the site and the continuation,
 * which transforms the rest of the program from a given value; its estimator program replaces the
 * choice. The output is an ordinary program built from Probity's own monad (ADEV's randomness
 * monad m is {@code Prob} itself), so the Sampler runs it in constant JVM stack and the Enumerator
 * computes the exact law of a gradient estimator on a finite program.
 *
 * <p>Objective programs may not observe or factor (the model's density is computed, not
 * conditioned on, inside an objective); independent products run in sequence.
 */
public final class Adev {
  private Adev() {
  }

  /** The estimator program of {@code objective}, untagged choices estimated as {@code policy} says. */
  public static Prob<Real> estimator(Prob<?> objective, Policy policy) {
    return new Defer<>(() -> Interpreter.run(Machine.start(objective), new Segment(policy)));
  }

  /** The estimator program of {@code objective} under {@link Policy#DEFAULT}. */
  public static Prob<Real> estimator(Prob<?> objective) {
    return estimator(objective, Policy.DEFAULT);
  }

  /** One stretch of the objective, up to its end or its next choice. */
  private static final class Segment implements Handler<Prob<Real>> {
    private static final Prob<Object> HERE = new Pure<>(null);
    final Policy policy;
    Prob<Real> out;

    Segment(Policy policy) {
      this.policy = policy;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Prob<?> sample(Sample<?, ?> s, Interpreter run) {
      Distribution<?> d = s.dist();
      Address a = run.address();
      Estimator e = null;
      if (d instanceof Tagged<?> t) {
        e = t.estimator();
        a = t.origin() != null ? t.origin() : a;
        d = t.base();
      }
      if (e == null) {
        e = policy.choose(a, d);
      }
      Machine after = run.resume(HERE);
      Function k = s.k();
      Policy p = policy;
      Continuation rest = x -> new Defer<>(() -> Interpreter.run(after.resume((Prob<?>) k.apply(x)), new Segment(p)));
      Prob<Real> est = e.estimate(new Site(a, d), rest);
      if (est == null) {
        throw new ProbityException("the estimator " + e + " returned no program at " + a);
      }
      out = est;
      return Interpreter.STOP;
    }

    @Override
    public Prob<?> observe(Observe<?, ?> o, Interpreter run) {
      throw new UnsupportedConstructException("an objective program may not observe (" + Weights.site(o) + "): compute"
          + " the model's log density (e.g. Generative.logDensity) and return it as part of the objective");
    }

    @Override
    public Prob<?> factor(Factor<?> f, Interpreter run) {
      throw new UnsupportedConstructException("an objective program may not factor (" + Weights.site(f) + "): return"
          + " the log weight as part of the objective instead");
    }

    @Override
    public Prob<Real> result(Object value, Interpreter run) {
      if (value instanceof Real r) {
        return new Pure<>(r);
      }
      if (value instanceof Number n) {
        return new Pure<>(Real.of(n.doubleValue()));
      }
      throw new ProbityException("an objective program must return a Real, got " + Weights.briefly(value)
          + (value == null ? "" : " (" + value.getClass().getSimpleName() + ")"));
    }

    @Override
    public Prob<Real> stopped(Interpreter run) {
      return out;
    }

    @Override
    public boolean claimsNames() {
      return true;
    }
  }
}
