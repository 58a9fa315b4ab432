package org.probity.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.probity.run.RunTaskException;
import org.probity.run.Runner;

/**
 * The {@link Runner} on Apache Spark: tasks 0..n-1 become the elements of an RDD, each computed by
 * {@code task.run(seed, i)} on an executor, and are collected in index order. Since a task's
 * numbers come from (seed, index) alone, the results are those of the in-process runner whatever
 * the master, the partitioning, or the attempt that finally succeeds (Spark retries a failed task
 * up to {@code spark.task.maxFailures} times). The task is checked for serialisability on the
 * driver first ({@link ModelNotSerializableException}); a task that throws reaches the caller as
 * {@link RunTaskException} naming the task and its index.
 */
public final class SparkRunner implements Runner {
  private final SparkSession spark;
  private final JavaSparkContext jsc;

  /** A runner on the given session. */
  public SparkRunner(SparkSession spark) {
    this.spark = spark;
    this.jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
  }

  /** The session. */
  public SparkSession session() {
    return spark;
  }

  /**
   * Large data for every task as a Spark broadcast variable: shipped once per executor and cached
   * there, instead of once per task.
   */
  public <T> Shared<T> share(T value) {
    Shipping.requireSerializable(value, "shared data");
    return new BroadcastShared<>(jsc.broadcast(value));
  }

  @Override
  public <R> List<R> run(String what, long seed, int n, Task<R> task) {
    if (n < 0) {
      throw new IllegalArgumentException("the number of " + what + " tasks must be at least 0, got " + n);
    }
    if (n == 0) {
      return List.of();
    }
    Shipping.requireSerializable(task, what + " task");
    List<Integer> indices = IntStream.range(0, n).boxed().toList();
    int slices = Math.min(n, Math.max(1, 4 * jsc.defaultParallelism()));
    jsc.setJobDescription("probity: " + n + " " + what + (n == 1 ? "" : "s"));
    try {
      return new ArrayList<>(jsc.parallelize(new ArrayList<>(indices), slices)
          .map(i -> Transport.call(what, i, () -> travelling(what, task.run(seed, i)))).collect());
    } catch (Exception e) { // SparkException is checked, and thrown undeclared
      throw Transport.unwrap(e);
    } finally {
      jsc.setJobDescription(null);
    }
  }

  /** A task's result, checked on the executor: it must be serializable to come back to the driver. */
  private static <R> R travelling(String what, R result) {
    if (result != null && !(result instanceof Serializable)) {
      throw new IllegalArgumentException("the " + what + " task returned a " + result.getClass().getName()
          + ", which is not serializable, so it cannot travel back from an executor; return a record of"
          + " numbers (a summary) instead");
    }
    return result;
  }

  /** A broadcast variable as {@link Shared} data. */
  private record BroadcastShared<T>(org.apache.spark.broadcast.Broadcast<T> broadcast) implements Shared<T> {
    @Override
    public T value() {
      return broadcast.value();
    }
  }
}
