package org.probity.inference.composite;

import java.util.function.Function;
import org.probity.core.Address;
import org.probity.core.Defer;
import org.probity.core.Factor;
import org.probity.core.Handler;
import org.probity.core.Interpreter;
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
 * <p>Every choice of the prefix carries the address the one loop gives it in the whole program
 * (anonymous sites included, independent parts scoped {@code #n[i]/...}), so the traces of all
 * prefixes and of the program itself agree on every site's address. The parts of an independent
 * product run in sequence, each observation inside them counted.
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
    return new Defer<>(() -> run(Machine.start(program), n));
  }

  @SuppressWarnings("unchecked")
  private static <A> Prob<Prefix<A>> run(Machine m, int left) {
    return (Prob<Prefix<A>>) Interpreter.run(m, new Cut(left));
  }

  /** The handler: re-emits every effect with its full address until n observations have been counted. */
  private static final class Cut implements Handler<Prob<?>> {
    final int left;
    Prob<?> out;

    Cut(int left) {
      this.left = left;
    }

    @Override
    public boolean claimsNames() {
      return false; // the program the prefix is run by claims the re-emitted names
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Prob<?> sample(Sample<?, ?> s, Interpreter run) {
      if (left == 0) {
        out = new Pure<>(Prefix.stopped());
        return Interpreter.STOP;
      }
      Address a = run.address();
      Machine after = run.resume(s);
      Function k = s.k();
      int l = left;
      out = new Sample<Object, Object>(a, (org.probity.dist.Distribution) s.dist(),
          x -> (Prob) run(after.resume((Prob<?>) k.apply(x)), l));
      return Interpreter.STOP;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Prob<?> observe(Observe<?, ?> o, Interpreter run) {
      if (left == 0) {
        out = new Pure<>(Prefix.stopped());
        return Interpreter.STOP;
      }
      Machine after = run.resume(o);
      int l = left - 1;
      out = new Observe<Object, Object>(o.address(), (org.probity.dist.Distribution) o.dist(), o.value(),
          () -> (Prob) run(after.resume(o.next().get()), l));
      return Interpreter.STOP;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Prob<?> factor(Factor<?> f, Interpreter run) {
      if (left == 0) {
        out = new Pure<>(Prefix.stopped());
        return Interpreter.STOP;
      }
      Machine after = run.resume(f);
      int l = left - 1;
      out = new Factor<Object>(f.logWeight(), () -> (Prob) run(after.resume(f.next().get()), l));
      return Interpreter.STOP;
    }

    @Override
    public Prob<?> result(Object value, Interpreter run) {
      return new Pure<>(new Prefix<>(true, value));
    }

    @Override
    public Prob<?> stopped(Interpreter run) {
      return out;
    }
  }
}
