package org.probity.inference.run;

import java.io.Serializable;
import java.util.List;

/**
 * Runs independent indexed tasks: task i's randomness comes from (seed, i) alone ({@code
 * Rngs.split(seed, i)} or a stream derived from it), never from the thread, machine or attempt
 * that runs it, so every implementation gives bit-identical results for the same seed. The
 * in-process default is {@link InProcessRunner}; the {@code spark} module runs the same tasks on
 * a Spark cluster.
 */
public interface Runner {

  /**
   * One unit of work, a pure function of (seed, index). Serializable so that a runner can ship
   * it to another JVM; everything it captures must be serializable too.
   *
   * @param <R> the result type (serializable, to travel back)
   */
  @FunctionalInterface
  interface Task<R extends Serializable> extends Serializable {
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
   */
  <R extends Serializable> List<R> run(String what, long seed, int n, Task<R> task);
}
