package org.probity.core;

/**
 * What an interpreter does at each effect of a program: the meaning it gives to choices,
 * observations, factors, independent products and compiled nodes. {@link Interpreter} runs the
 * one small-step loop (binds, returns, deferred programs, site naming, effect handlers) and calls
 * these methods; every interpreter of Probity (the Sampler, Density, the Enumerator, SMC's particle
 * step, the trace interpreter, truncation) is a handler.
 *
 * <p>Each method returns the next node to run, which is how a handler <b>resumes</b> (typically
 * {@code s.k().apply(x)} for a chosen x). Returning {@link Interpreter#STOP} <b>stops</b> the
 * loop, which then returns {@link #stopped}; before stopping, a handler may <b>fork</b> (the
 * Enumerator keeps {@code run.resume(s.k().apply(x))} for each value x) or <b>suspend</b> (SMC
 * keeps {@code run.machine()} as a particle), and it may <b>record</b> whatever it likes.
 *
 * <p>A handler is the mutable state of one run (a weight, a generator, recorded choices); make a
 * new one per run.
 *
 * @param <R> the result of a run
 */
public interface Handler<R> {
  /** A random choice; {@code run.address()} is its address. */
  Prob<?> sample(Sample<?, ?> s, Interpreter run);

  /**
   * The generator from which the loop itself draws each choice from its distribution, in program
   * order, instead of calling {@link #sample}: for a handler whose {@code sample} would do exactly
   * that and read nothing of the run (a forward run, SMC's particle step). The loop still names
   * the site. Null (the default): the loop calls {@link #sample} at every choice. Under active
   * effect handlers the loop calls {@link #sample} whatever this says, since they may change the
   * choice.
   */
  default org.apache.commons.rng.UniformRandomProvider drawsFromPrior() {
    return null;
  }

  /** An observation; {@code o.address()} is its address (null when anonymous). */
  Prob<?> observe(Observe<?, ?> o, Interpreter run);

  /** A factor. */
  Prob<?> factor(Factor<?> f, Interpreter run);

  /**
   * An independent product. By default its parts run one after the other in this loop, each
   * under its own scope ({@link Interpreter#inSequence}); a handler may instead run them itself
   * from {@link Interpreter#parts} (in parallel, or enumerating their product) and resume with
   * {@code ind.k().apply(results)}.
   */
  default Prob<?> independent(Independent<?, ?> ind, Interpreter run) {
    return run.inSequence(ind);
  }

  /**
   * A program with a compiled sampling path; by default its meaning runs. (Under active effect
   * handlers the loop always runs the meaning, since the handlers must see every effect.)
   */
  default Prob<?> compiled(Compiled<?> c, Interpreter run) {
    return c.meaning();
  }

  /** A deferred program; by default it is built and run. */
  default Prob<?> defer(Defer<?> d, Interpreter run) {
    return d.thunk().get();
  }

  /** The result of a run whose program returned {@code value}. */
  R result(Object value, Interpreter run);

  /** The result of a run that a method stopped by returning {@link Interpreter#STOP}. */
  default R stopped(Interpreter run) {
    throw new IllegalStateException(getClass().getSimpleName() + " stopped a run but gives no result for it");
  }

  /**
   * Whether the loop should detect a named address used twice in one run (a
   * {@link DuplicateAddressException}); a handler that checks more cheaply itself says no.
   */
  default boolean claimsNames() {
    return true;
  }
}
