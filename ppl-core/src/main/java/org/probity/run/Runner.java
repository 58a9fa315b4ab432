package org.probity.run;

import java.io.Serializable;
import java.util.List;

/**
 * Runs independent indexed tasks: task i's randomness comes from (seed, i) alone ({@code
 * Rngs.split(seed, i)} or a stream derived from it), never from the thread, machine or attempt
 * that runs it, so every implementation gives bit-identical results for the same seed. This is the
 * one interface behind every driver of independent units (MCMC chains, SBC replications,
 * independent SMC or importance-sampling runs, per-group fits); the in-process default is
 * {@link InProcessRunner}, and the {@code spark} module's {@code SparkRunner} runs the same tasks on
 * a Spark cluster. Work inside one run (particles, plates) does not go through a runner.
 */
public interface Runner {

  /**
   * One unit of work, a pure function of (seed, index). Serializable so that a runner can ship it
   * to another JVM; such a runner needs everything the task captures, and its result, to be
   * serializable too, and refuses a task that is not before it runs (an in-process runner never
   * serializes anything, so a task that captures a {@code Prob} runs there as it is).
   *
   * @param <R> the result type
   */
  @FunctionalInterface
  interface Task<R> extends Serializable {
    /** The result of task {@code index} of the run seeded with {@code seed}. */
    R run(long seed, int index);
  }

  /**
   * Runs tasks 0..n-1 and returns their results in index order.
   *
   * @param <R> the result type
   * @param what what one task is, for messages and progress ("chain", "group", "replication")
   * @param seed the run's seed, passed to every task
   * @param n the number of tasks, at least 0
   * @param task the task
   * @return the n results, result i from {@code task.run(seed, i)}
   * @throws RunTaskException when a task throws: it names {@code what} and the task's index, and
   *     carries the task's exception as its cause
   * @throws RunInterruptedException when the calling thread is interrupted while it waits
   */
  <R> List<R> run(String what, long seed, int n, Task<R> task);
}
