package org.probity.core;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A program with a compiled sampling path. Its meaning is {@code meaning}: every interpreter
 * except the Sampler runs that program (the Enumerator enumerates it, Density replays it, traces
 * record it). The Sampler instead calls {@code sampling}, which must be an optimised equivalent:
 * it must consume the generator exactly as the Sampler would consume it running {@code meaning},
 * so both give bit-identical results for a seed. That obligation is checked by tests (for SMC's
 * population step, {@code proofs} runs both paths on generated programs).
 *
 * <p>This is how inference stays a program transformation, exactly validated by enumeration,
 * while its hot loops (advancing ten thousand particles) run as plain Java.
 */
public record Compiled<A>(Prob<A> meaning, Sampling<A> sampling) implements Prob<A> {

  /** The compiled sampling path: the value and the log weight the run adds. */
  @FunctionalInterface
  public interface Sampling<A> {
    /** Runs with {@code rng}, returning the value and the log weight the run contributes. */
    Weighted<A> run(UniformRandomProvider rng);
  }
}
