package org.probity.inference.smc;

import org.probity.core.Address;
import org.probity.core.AddressSet;
import org.probity.core.Cont;
import org.probity.core.InvalidWeightException;
import org.probity.core.Machine;
import org.probity.core.Prob;
import org.probity.core.Weights;

/**
 * One particle of sequential Monte Carlo: a program suspended just after a factor or observation
 * (an immutable {@link Machine}, held unwrapped so that a particle is one allocation and copying
 * one at resampling copies references, never a continuation stack) and its log weight since the
 * population's last normalisation.
 *
 * <p>As in monad-bayes' {@code Sequential}, a particle is suspended after every factor, the last
 * one included: a particle that has just been weighed ({@code weighed}) has not finished even if
 * its program has nothing left to do, so SMC resamples (and resample-move rejuvenates) after the
 * last observation too; the next advance finishes it without further weighting. {@link #value}
 * is available as soon as the program has returned.
 *
 * <p>{@code suspendedAt} is the Observe or Factor node where the particle died (null while it
 * lives), kept so that when every particle has zero weight the error can name the site, the
 * distribution and the value where they died.
 *
 * @param node the next node of the program
 * @param stack its pending continuations
 * @param scope the scope of its anonymous sites
 * @param counter how many anonymous sites it has reached in that scope
 * @param names the named addresses it has claimed
 * @param logWeight its log weight since the last normalisation
 * @param suspendedAt where it died (null while it lives)
 * @param weighed whether it has just been weighed and not advanced since
 * @param <A> the program's result type
 */
public record Particle<A>(Prob<?> node, Cont stack, Address scope, int counter, AddressSet names, double logWeight,
    Prob<?> suspendedAt, boolean weighed) {

  /** Validates the weight: NaN and +Infinity are never a particle weight. */
  public Particle {
    if (Double.isNaN(logWeight) || logWeight == Double.POSITIVE_INFINITY) {
      throw new InvalidWeightException("particle log weight must be a number below +Infinity, got " + logWeight
          + (suspendedAt == null ? "" : " after " + describe(suspendedAt)));
    }
  }

  /** A particle suspended as {@code machine}. */
  public Particle(Machine machine, double logWeight, Prob<?> suspendedAt, boolean weighed) {
    this(machine.node(), machine.stack(), machine.scope(), machine.counter(), machine.names(), logWeight, suspendedAt,
        weighed);
  }

  /** The suspended program as a machine. */
  public Machine machine() {
    return new Machine(node, stack, scope, counter, names);
  }

  /** A particle about to run {@code program}, with weight 1. */
  public static <A> Particle<A> start(Prob<A> program) {
    return new Particle<>(Machine.start(program), 0.0, null, false);
  }

  /** Whether the program has returned (its {@link #value} is known), weighed or not. */
  public boolean returned() {
    return Machine.finished(node, stack);
  }

  /**
   * Whether the particle has finished: its program has returned and the particle is not waiting
   * at the observation that ended it. A finished particle stays put when advanced.
   */
  public boolean finished() {
    return !weighed && returned();
  }

  /** Whether this particle has zero weight (it is then never advanced again). */
  public boolean dead() {
    return logWeight == Double.NEGATIVE_INFINITY;
  }

  /** Whether advancing would do nothing: finished or dead. */
  public boolean done() {
    return dead() || finished();
  }

  /** The result of the particle's program, once it has returned. */
  @SuppressWarnings("unchecked")
  public A value() {
    if (!returned()) {
      throw new IllegalStateException("the particle has not finished its program (it is suspended at "
          + (suspendedAt == null ? String.valueOf(node) : describe(suspendedAt)) + ")");
    }
    return (A) Machine.result(node, stack);
  }

  /** The same particle with another log weight. */
  public Particle<A> withLogWeight(double lw) {
    return lw == logWeight ? this : new Particle<>(node, stack, scope, counter, names, lw, suspendedAt, weighed);
  }

  /** The same particle no longer marked as just weighed (it has been advanced). */
  Particle<A> advanced() {
    return weighed ? new Particle<>(node, stack, scope, counter, names, logWeight, suspendedAt, false) : this;
  }

  /** A readable description of a suspension site: address, distribution and value. */
  static String describe(Prob<?> site) {
    String d = Weights.site(site);
    return d.startsWith("choice ") ? d + " (the proposal drew a value outside its support)" : d;
  }
}
