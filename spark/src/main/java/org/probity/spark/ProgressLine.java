package org.probity.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * A driver-side progress line for Spark jobs: "probity spark: job 3 37/100 tasks", updated in
 * place every 5% of the tasks and ended with a newline when the job ends (Spark's own web UI shows
 * the same jobs, stages and tasks in detail). Listens on Spark's listener bus; add it with {@link
 * #attach}.
 */
public final class ProgressLine extends SparkListener {
  private final Appendable out;
  private int job = -1;
  private long total;
  private long done;
  private long shown = -1;

  /** A progress line written to {@code out} (System.err for a terminal). */
  public ProgressLine(Appendable out) {
    this.out = out;
  }

  /** Adds a progress line on standard error to the session; returns it. */
  public static ProgressLine attach(SparkSession spark) {
    return attach(spark, System.err);
  }

  /** Adds a progress line written to {@code out} to the session; returns it. */
  public static ProgressLine attach(SparkSession spark, Appendable out) {
    ProgressLine line = new ProgressLine(out);
    spark.sparkContext().addSparkListener(line);
    return line;
  }

  @Override
  public synchronized void onJobStart(SparkListenerJobStart jobStart) {
    job = jobStart.jobId();
    total = 0;
    done = 0;
    shown = -1;
  }

  @Override
  public synchronized void onStageSubmitted(SparkListenerStageSubmitted stage) {
    total += stage.stageInfo().numTasks();
  }

  @Override
  public synchronized void onTaskEnd(SparkListenerTaskEnd task) {
    if (task.taskInfo().successful()) {
      done++;
    }
    long step = total == 0 ? 0 : done * 20 / total;
    if (step != shown) {
      shown = step;
      write("\rprobity spark: job " + job + " " + done + "/" + total + " tasks");
    }
  }

  @Override
  public synchronized void onJobEnd(SparkListenerJobEnd jobEnd) {
    write("\rprobity spark: job " + job + " " + done + "/" + total + " tasks"
        + (jobEnd.jobResult() instanceof org.apache.spark.scheduler.JobSucceeded$ ? ", done" : ", failed") + "\n");
  }

  /** Tasks finished successfully in the current (or last) job. */
  public synchronized long done() {
    return done;
  }

  /** Tasks of the current (or last) job's submitted stages. */
  public synchronized long total() {
    return total;
  }

  private void write(String s) {
    try {
      out.append(s);
      if (out instanceof java.io.Flushable f) {
        f.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
