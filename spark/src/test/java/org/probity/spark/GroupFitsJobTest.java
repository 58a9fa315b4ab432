package org.probity.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.probity.core.Prob;

/**
 * The shape of the Spark work behind {@code fitPerGroup}: one job, whose fitting stage has
 * {@code spark.sql.shuffle.partitions} tasks (not the one task adaptive query execution would
 * coalesce a small shuffle into), and summaries that are kept, so reading the result does not fit
 * the groups again; and group keys spread evenly over the partitions.
 */
class GroupFitsJobTest {
  private static final int GROUPS = 12;
  /** Model builds on this JVM (local mode: the executors are threads of the test's JVM). */
  private static final AtomicInteger BUILDS = new AtomicInteger();
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start("local[2]");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** The intercept-only model, counting its builds. */
  record CountedIntercept() implements GroupModel {
    @Override
    public Prob<?> build(GroupData data) {
      BUILDS.incrementAndGet();
      return new Models.InterceptOnly().build(data);
    }
  }

  /** The jobs started and the task count of every completed stage. */
  static final class Jobs extends SparkListener {
    final List<Integer> jobs = new ArrayList<>();
    final List<Integer> stageTasks = new ArrayList<>();

    @Override
    public synchronized void onJobStart(SparkListenerJobStart e) {
      jobs.add(e.jobId());
    }

    @Override
    public synchronized void onStageCompleted(SparkListenerStageCompleted e) {
      stageTasks.add(e.stageInfo().numTasks());
    }
  }

  @Test
  void oneJobFitsTheGroupsInTheShufflePartitionsAndKeepsTheSummaries() throws TimeoutException {
    // straight from rows (Fixtures.frame's repartition would be a job of its own under adaptive execution)
    List<Row> rows = new ArrayList<>();
    for (Object[] r : Fixtures.rows(GROUPS, 4, 5)) {
      rows.add(RowFactory.create(r));
    }
    Dataset<Row> df = spark.createDataFrame(rows, new StructType().add("g", DataTypes.StringType)
        .add("y", DataTypes.DoubleType));
    Jobs jobs = new Jobs();
    spark.sparkContext().addSparkListener(jobs);
    BUILDS.set(0);
    Dataset<Row> fits;
    try {
      fits = GroupFits.fitPerGroup(df, "g", new CountedIntercept(), Algorithm.importance(50), 7L);
      spark.sparkContext().listenerBus().waitUntilEmpty();
    } finally {
      spark.sparkContext().removeSparkListener(jobs);
    }
    assertEquals(1, jobs.jobs.size(), "jobs " + jobs.jobs);
    int partitions = Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions"));
    assertEquals(partitions, jobs.stageTasks.get(jobs.stageTasks.size() - 1), "tasks per stage " + jobs.stageTasks);
    assertEquals(GROUPS, BUILDS.get());
    assertEquals(GROUPS, GroupFits.collect(fits).size());
    assertEquals(GROUPS, fits.count());
    assertEquals(GROUPS, BUILDS.get(), "reading the result fitted the groups again");
  }

  @Test
  void numberedGroupKeysSpreadOverThePartitions() {
    // 1,000 keys g0000 ... g0999 into 64 partitions (15.6 each on average): String.hashCode modulo 64
    // (Spark's HashPartitioner) leaves 10 partitions empty and puts 38 groups in others
    int[] counts = new int[64];
    GroupPartitioner p = new GroupPartitioner(64);
    for (int j = 0; j < 1000; j++) {
      counts[p.getPartition(String.format(java.util.Locale.ROOT, "g%04d", j))]++;
    }
    int min = java.util.Arrays.stream(counts).min().orElseThrow();
    int max = java.util.Arrays.stream(counts).max().orElseThrow();
    assertTrue(min >= 5 && max <= 27, java.util.Arrays.toString(counts));
  }
}
