package org.probity.trace;

import java.util.function.Function;
import org.probity.core.Address;
import org.probity.core.Factor;
import org.probity.core.Handler;
import org.probity.core.Interpreter;
import org.probity.core.Observe;
import org.probity.core.Prob;
import org.probity.core.Sample;
import org.probity.core.Weights;
import org.probity.dist.Deterministic;
import org.probity.dist.Distribution;

/**
 * A run of a trace's program held as flat arrays by the position of its choices: the fast path
 * of moves that keep a model's structure (the same addresses in the same order). {@link #rerun}
 * runs the program with new values at some positions and the previous run's values at the others,
 * summing the log prior and log likelihood exactly as the trace interpreter ({@link Traces#update})
 * does, so the sums are bit-identical, but it builds no trace, no update and no address map; a
 * trace is built only when {@link #trace} asks for it.
 *
 * <p>The structure is detected, not declared, and re-checked on every run for the price of one
 * address comparison per choice: a run that reaches another address at some position, ends with
 * fewer or more choices, or would need a fresh draw (a kept value of zero density under its new
 * distribution) stops at once and {@link #rerun} returns false; the caller then takes the general
 * path for that move. Mutable scratch state (one instance per buffer of one chain), not
 * thread-safe.
 *
 * @param <A> the program's return type
 */
public final class FixedRun<A> {
  private final Prob<A> program;
  private final Address[] addresses;
  private final Distribution<?>[] dists;
  private final Object[] values;
  private final double[] logDensities;
  private A output;
  private double logPrior;
  private double logLikelihood;
  private String zeroSite;
  private int reached;
  private Trace<A> trace;

  private FixedRun(Prob<A> program, Address[] addresses) {
    this.program = program;
    this.addresses = addresses;
    int n = addresses.length;
    this.dists = new Distribution<?>[n];
    this.values = new Object[n];
    this.logDensities = new double[n];
  }

  /** The run of a complete trace (its structure is the one later runs are checked against). */
  public static <A> FixedRun<A> of(Trace<A> reference) {
    Choice[] cs = reference.ordered();
    Address[] as = new Address[cs.length];
    for (int i = 0; i < cs.length; i++) {
      as[i] = cs[i].address();
    }
    FixedRun<A> r = new FixedRun<>(reference.program(), as);
    for (int i = 0; i < cs.length; i++) {
      r.dists[i] = cs[i].dist();
      r.values[i] = cs[i].value();
      r.logDensities[i] = cs[i].logDensity();
    }
    r.output = reference.output();
    r.logPrior = reference.logPrior();
    r.logLikelihood = reference.logLikelihood();
    r.zeroSite = reference.zeroSite();
    r.reached = cs.length;
    r.trace = reference;
    return r;
  }

  /** Another buffer of the same structure, holding this run's values. */
  public FixedRun<A> copy() {
    FixedRun<A> r = new FixedRun<>(program, addresses);
    System.arraycopy(dists, 0, r.dists, 0, reached);
    System.arraycopy(values, 0, r.values, 0, reached);
    System.arraycopy(logDensities, 0, r.logDensities, 0, reached);
    r.output = output;
    r.logPrior = logPrior;
    r.logLikelihood = logLikelihood;
    r.zeroSite = zeroSite;
    r.reached = reached;
    r.trace = trace;
    return r;
  }

  /**
   * Runs the program with the value {@code given[i]} at position i where it is not null and
   * {@code from}'s value elsewhere (the two may be the same object only when nothing is given);
   * this buffer then holds the run. Stops at the first zero density, as the trace interpreter does.
   *
   * @param from the previous run, of the same structure
   * @param given the new values by position (null: keep), or null to keep all
   * @return whether the run kept the structure; when false this buffer's contents are meaningless
   *     and the move must take the general path
   */
  public boolean rerun(FixedRun<A> from, Object[] given) {
    if (from.addresses != addresses) {
      throw new IllegalArgumentException("rerun: the two runs have different structures");
    }
    Rerun h = new Rerun(from.values, given);
    trace = null;
    output = null;
    zeroSite = null;
    Object r = Interpreter.run(program, h);
    if (h.changed) {
      reached = 0;
      return false;
    }
    output = zeroSite == null ? castOutput(r) : null;
    logPrior = h.logPrior;
    logLikelihood = h.logLik;
    reached = h.i;
    return true;
  }

  @SuppressWarnings("unchecked")
  private A castOutput(Object r) {
    return (A) r;
  }

  /** The number of choices of the structure. */
  public int size() {
    return addresses.length;
  }

  /** The address at position i. */
  public Address address(int i) {
    return addresses[i];
  }

  /** The distribution at position i in this run. */
  public Distribution<?> dist(int i) {
    return dists[i];
  }

  /** The value at position i in this run. */
  public Object value(int i) {
    return values[i];
  }

  /** The program's output in this run (null when its density is zero). */
  public A output() {
    return output;
  }

  /** The sum of the choices' log densities, as {@link Trace#logPrior}. */
  public double logPrior() {
    return logPrior;
  }

  /** The sum of the observations' and factors' log densities, as {@link Trace#logLikelihood}. */
  public double logLikelihood() {
    return logLikelihood;
  }

  /** log prior + log likelihood, as {@link Trace#logJoint}. */
  public double logJoint() {
    return logPrior + logLikelihood;
  }

  /** This run as a trace (built once per run; equal to the trace {@link Traces#update} gives for it). */
  public Trace<A> trace() {
    Trace<A> t = trace;
    if (t == null) {
      Choice[] cs = new Choice[reached];
      for (int i = 0; i < reached; i++) {
        cs[i] = new Choice(addresses[i], dists[i], values[i], logDensities[i]);
      }
      t = new Trace<>(program, cs, null, output, logPrior, logLikelihood, zeroSite);
      trace = t;
    }
    return t;
  }

  /** The handler of one re-run: checks each site's address against the structure, sums as TraceInterpreter. */
  private final class Rerun implements Handler<Object> {
    final Object[] kept;
    final Object[] given;
    int i;
    boolean changed;
    double logPrior;
    double logLik;
    int observations;

    Rerun(Object[] kept, Object[] given) {
      this.kept = kept;
      this.given = given;
    }

    @Override
    public boolean claimsNames() {
      return false; // the addresses are those of a trace, distinct, checked one by one
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Prob<?> sample(Sample<?, ?> s, Interpreter run) {
      Address a = run.address();
      int at = i;
      if (at >= addresses.length || !addresses[at].equals(a)) {
        changed = true;
        return Interpreter.STOP;
      }
      Distribution d = s.dist();
      if (d instanceof Deterministic det) {
        Object v = det.value();
        set(at, d, v, 0.0);
        return (Prob<?>) ((Function) s.k()).apply(v);
      }
      Object g = given == null ? null : given[at];
      Object x;
      double lp;
      if (g != null) {
        x = g;
        lp = Weights.choice(d, x, a);
      } else {
        x = kept[at];
        lp = Values.densityOrZero(d, x);
        if (lp == Double.NEGATIVE_INFINITY) {
          changed = true; // the general path would draw afresh here
          return Interpreter.STOP;
        }
        if (lp == Double.POSITIVE_INFINITY) {
          throw Weights.invalid(lp, a, d, x);
        }
      }
      set(at, d, x, lp);
      logPrior += lp;
      if (lp == Double.NEGATIVE_INFINITY) {
        zeroSite = "the choice at " + a + " from " + Weights.briefly(d) + " (value " + Weights.briefly(x) + ")";
        return Interpreter.STOP;
      }
      return (Prob<?>) ((Function) s.k()).apply(x);
    }

    private void set(int at, Distribution<?> d, Object x, double lp) {
      dists[at] = d;
      values[at] = x;
      logDensities[at] = lp;
      i = at + 1;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Prob<?> observe(Observe<?, ?> o, Interpreter run) {
      int index = observations++;
      double l = Weights.observe(o);
      logLik += l;
      if (l == Double.NEGATIVE_INFINITY) {
        Object where = o.address() != null ? o.address() : "observation #" + index;
        zeroSite = "the observation " + where + " of " + Weights.briefly(o.value()) + " from " + Weights.briefly(o.dist());
        return Interpreter.STOP;
      }
      return (Prob<?>) ((Observe) o).next().get();
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Prob<?> factor(Factor<?> f, Interpreter run) {
      double l = Weights.factor(f);
      logLik += l;
      if (l == Double.NEGATIVE_INFINITY) {
        zeroSite = "a factor (log weight -Infinity) after " + (i == 0 ? "no choice" : "the choice at " + addresses[i - 1]);
        return Interpreter.STOP;
      }
      return (Prob<?>) ((Factor) f).next().get();
    }

    @Override
    public Object result(Object value, Interpreter run) {
      if (i != addresses.length) {
        changed = true; // ended before reaching every site of the structure
      }
      return value;
    }

    @Override
    public Object stopped(Interpreter run) {
      return null;
    }
  }
}
