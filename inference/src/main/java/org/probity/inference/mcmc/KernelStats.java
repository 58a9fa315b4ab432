package org.probity.inference.mcmc;

import org.probity.trace.Trace;
import org.probity.trace.ZeroCause;

/**
 * One chain's counts for one kernel (a part of a cycle or mixture counts its own): steps, moves
 * and the rejections of proposals of zero density by cause ({@link ZeroCause}: outside the
 * support, invalid parameters of a later distribution, zero likelihood), in warm-up and after it.
 * Only a chain's own copy of a kernel ({@link Kernel#forChain}) counts; the chain runner reads the
 * counts into {@link McmcResult#partAcceptance()} and {@link McmcResult#rejections()}.
 */
public final class KernelStats {
  private static final int CAUSES = ZeroCause.values().length;

  /**
   * Counts of one phase.
   *
   * @param steps the kernel's steps
   * @param moves the steps that moved the trace
   * @param rejected the proposals of zero density rejected, by {@link ZeroCause#ordinal()}
   */
  public record Counts(long steps, long moves, long[] rejected) {
    /** Copies the array. */
    public Counts {
      rejected = rejected.clone();
    }

    /** The rejections of one cause. */
    public long rejected(ZeroCause cause) {
      return rejected[cause.ordinal()];
    }

    /** The fraction of steps that moved (NaN when there were none). */
    public double acceptanceRate() {
      return steps == 0 ? Double.NaN : moves / (double) steps;
    }

    /** These counts plus another's. */
    public Counts plus(Counts o) {
      long[] r = rejected.clone();
      for (int i = 0; i < r.length; i++) {
        r[i] += o.rejected[i];
      }
      return new Counts(steps + o.steps, moves + o.moves, r);
    }

    /** No steps. */
    public static Counts zero() {
      return new Counts(0, 0, new long[CAUSES]);
    }
  }

  private long steps;
  private long moves;
  private long[] rejected = new long[CAUSES];
  private Counts warmup;

  /** A step that moved or not. */
  public void step(boolean moved) {
    steps++;
    if (moved) {
      moves++;
    }
  }

  /**
   * A step that rejected {@code proposal} without a coin (its density or the proposal density is
   * zero): counted under the proposal's {@link Trace#zeroCause} when it has one.
   */
  public void rejected(Trace<?> proposal) {
    steps++;
    ZeroCause c = proposal == null ? null : proposal.zeroCause();
    if (c != null) {
      rejected[c.ordinal()]++;
    }
  }

  /** A step whose proposal was rejected for the given cause before the model was run. */
  public void rejected(ZeroCause cause) {
    steps++;
    rejected[cause.ordinal()]++;
  }

  /**
   * A candidate of zero density that a step left out without it being the step's proposal (an
   * enumerative Gibbs value that makes a later distribution's parameters invalid, say): counted
   * under its {@link Trace#zeroCause}, not as a step.
   */
  public void excluded(Trace<?> candidate) {
    ZeroCause c = candidate.zeroCause();
    if (c != null) {
      rejected[c.ordinal()]++;
    }
  }

  /** Ends warm-up: later counts are the sampling phase's. */
  public void endWarmup() {
    if (warmup == null) {
      warmup = current();
      steps = 0;
      moves = 0;
      rejected = new long[CAUSES];
    }
  }

  /** The counts of warm-up (zero before it ends). */
  public Counts warmup() {
    return warmup == null ? Counts.zero() : warmup;
  }

  /** The counts since warm-up ended (all counts while it has not). */
  public Counts current() {
    return new Counts(steps, moves, rejected);
  }
}
