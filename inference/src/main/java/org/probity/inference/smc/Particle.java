package org.probity.inference.smc;

import org.probity.core.Factor;
import org.probity.core.InvalidWeightException;
import org.probity.core.Cont;
import org.probity.core.Machine;
import org.probity.core.Observe;
import org.probity.core.Prob;

/**
 * One particle of sequential Monte Carlo: a program suspended just after a factor or observation
 * (an immutable {@link Machine}, so copying a particle at resampling copies two references and
 * never a continuation stack) and its log weight since the population's last normalisation.
 *
 * <p>{@code suspendedAt} is the Observe or Factor node where the particle died (null while it
 * lives), kept so that when every particle has zero weight the error can name the site, the
 * distribution and the value where they died. (A live particle does not keep the node it last
 * passed: that would keep its closures alive for nothing.)
 *
 * @param <A> the program's result type
 */
public record Particle<A>(Prob<?> node, Cont stack, double logWeight, Prob<?> suspendedAt) {

  /** Validates the weight: NaN and +Infinity are never a particle weight. */
  public Particle {
    if (Double.isNaN(logWeight) || logWeight == Double.POSITIVE_INFINITY) {
      throw new InvalidWeightException("particle log weight must be a number below +Infinity, got " + logWeight
          + (suspendedAt == null ? "" : " after " + describe(suspendedAt)));
    }
  }

  /**
   * A particle suspended as {@code machine}. (The node and stack are stored unwrapped: a particle
   * is the hot object of SMC, one per particle and step, so it should be one allocation.)
   */
  public Particle(Machine machine, double logWeight, Prob<?> suspendedAt) {
    this(machine.node(), machine.stack(), logWeight, suspendedAt);
  }

  /** The suspended program as a machine. */
  public Machine machine() {
    return new Machine(node, stack);
  }

  /** A particle about to run {@code program}, with weight 1. */
  public static <A> Particle<A> start(Prob<A> program) {
    return new Particle<>(Machine.start(program), 0.0, null);
  }

  /** Whether the program has run to its end (it then stays put when advanced). */
  public boolean finished() {
    return stack == null && node instanceof org.probity.core.Pure;
  }

  /** Whether this particle has zero weight (it is then never advanced again). */
  public boolean dead() {
    return logWeight == Double.NEGATIVE_INFINITY;
  }

  /** Whether advancing would do nothing: finished or dead. */
  public boolean done() {
    return dead() || finished();
  }

  /** The result of a finished particle's program. */
  @SuppressWarnings("unchecked")
  public A value() {
    if (!finished()) {
      throw new IllegalStateException("the particle has not finished its program (it is suspended at "
          + (suspendedAt == null ? String.valueOf(node) : describe(suspendedAt)) + ")");
    }
    return (A) ((org.probity.core.Pure<?>) node).value();
  }

  /** The same particle with another log weight. */
  public Particle<A> withLogWeight(double lw) {
    return lw == logWeight ? this : new Particle<>(node, stack, lw, suspendedAt);
  }

  /** A readable description of a suspension site: address, distribution and value. */
  static String describe(Prob<?> site) {
    if (site instanceof Observe<?, ?> o) {
      return "observation " + (o.address() == null ? "(anonymous)" : o.address()) + " of "
          + InvalidWeightException.describe(o.value()) + " from " + o.dist().name();
    }
    if (site instanceof Factor<?> f) {
      return "factor with log weight " + f.logWeight().value();
    }
    if (site instanceof org.probity.core.Sample<?, ?> s) {
      return "choice " + (s.address() == null ? "(anonymous)" : s.address()) + " from " + s.dist().name()
          + " (the proposal drew a value outside its support)";
    }
    return String.valueOf(site);
  }
}
