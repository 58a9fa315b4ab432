package org.probity.inference.smc;

import java.util.function.IntConsumer;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.random.Rngs;
import org.probity.random.Xoroshiro128PlusPlus;

/**
 * The scheduler of a compiled population step: particles advance in blocks of {@link #BLOCK}
 * consecutive particles, block b in sequence on one generator split from (base, b), so the result
 * depends only on the seed and the population size, never on the number of threads; the blocks
 * are grouped into parallel tasks only when a timed step shows enough work for it.
 */
final class Blocks {
  /**
   * Particles per block: a generator is seeded once per block, not per particle, so seeding is
   * negligible beside the particles' work.
   */
  static final int BLOCK = 64;
  /** The fewest blocks one parallel task advances (1024 particles); smaller populations advance in sequence. */
  private static final int MIN_CHUNK_BLOCKS = 16;
  /**
   * The least work, in estimated nanoseconds, worth one parallel task: waking a fork-join worker
   * and moving the particles' data between cores cost more than a cheap model's step.
   */
  private static final double MIN_TASK_NANOS = 250_000;

  private Blocks() {
  }

  /** Advances the particles [from, to) of one block on the block's generator; returns whether any died. */
  @FunctionalInterface
  interface BlockStep {
    boolean run(UniformRandomProvider g, int from, int to);
  }

  /** What a step reports: whether any particle died, and the nanoseconds per particle it took (NaN if not timed). */
  record Outcome(boolean died, double nanosPerParticle) {
  }

  /**
   * How many tasks a step of {@code n} particles is split into, given the last sequential step's
   * time per particle (NaN: none yet): one until a step has been timed, and whenever the step is
   * too cheap to share out.
   */
  static int plannedChunks(int n, double nanosPerParticle) {
    int blocks = (n + BLOCK - 1) / BLOCK;
    if (blocks < 2 * MIN_CHUNK_BLOCKS || !(nanosPerParticle * n >= 2 * MIN_TASK_NANOS)) {
      return 1;
    }
    return (int) Math.min(Math.min(blocks / MIN_CHUNK_BLOCKS, nanosPerParticle * n / MIN_TASK_NANOS),
        4 * Runtime.getRuntime().availableProcessors());
  }

  /**
   * Runs {@code body} on every block of n particles, block b on the generator split from (base, b),
   * in {@link #plannedChunks} tasks. The step is timed when it runs in sequence (a parallel step
   * carries the previous timing over). One task is a plain loop, without a stream's fixed cost.
   * The result does not depend on the chunking.
   */
  static Outcome forEach(int n, double nanosPerParticle, long base, BlockStep body) {
    int blocks = (n + BLOCK - 1) / BLOCK;
    int chunks = plannedChunks(n, nanosPerParticle);
    boolean[] died = new boolean[chunks];
    IntConsumer chunk = c -> {
      Xoroshiro128PlusPlus g = new Xoroshiro128PlusPlus(0);
      for (int b = (int) ((long) blocks * c / chunks), bend = (int) ((long) blocks * (c + 1) / chunks); b < bend; b++) {
        g.reseed(Rngs.childSeed(base, b));
        died[c] |= body.run(g, b * BLOCK, Math.min(n, (b + 1) * BLOCK));
      }
    };
    double timing;
    if (chunks == 1) {
      long t0 = System.nanoTime();
      chunk.accept(0);
      timing = (System.nanoTime() - t0) / (double) n;
    } else {
      org.probity.core.Parallel.forEach(chunks, true, chunk);
      timing = nanosPerParticle;
    }
    boolean any = false;
    for (boolean d : died) {
      any |= d;
    }
    return new Outcome(any, timing);
  }

}
