package org.probity.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.*;

import java.io.StringWriter;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.dist.DistributionException;
import org.probity.run.InProcessRunner;
import org.probity.run.RunTaskException;
import org.probity.run.Runner;
import org.probity.semantics.ImportanceSampling;

/**
 * Must-haves 2, 4 and 5 on local[4,2] (two attempts per task, as spark.task.maxFailures = 2 on a
 * cluster): a task failing on its first attempt is retried with an unchanged result; a model error
 * reaches the driver as RunTaskException naming the group or replication, with the Probity
 * exception as its cause; a model that cannot travel is refused on the driver; the progress line
 * counts the tasks.
 */
class FaultsTest {
  private static final long SEED = 99L;
  private static SparkSession spark;
  private static SparkRunner runner;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start("local[4,2]");
    runner = new SparkRunner(spark);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** Likelihood weighting's evidence, failing on the first attempt of task 2. */
  record FlakyEvidence(boolean flaky) implements Runner.Task<Double> {
    @Override
    public Double run(long seed, int index) {
      TaskContext tc = TaskContext.get();
      if (flaky && index == 2 && tc != null && tc.attemptNumber() == 0) {
        throw new IllegalStateException("injected failure of the first attempt");
      }
      return ImportanceSampling.run(new Models.NormalMean(Fixtures.Y).build(), 100, seed + index).logEvidence();
    }
  }

  @Test
  void aTaskFailingOnItsFirstAttemptIsRetriedWithAnUnchangedResult() throws java.util.concurrent.TimeoutException {
    List<Double> expected = InProcessRunner.sequential().run("run", SEED, 6, new FlakyEvidence(false));
    FailedTasks failed = new FailedTasks();
    spark.sparkContext().addSparkListener(failed);
    try {
      assertEquals(expected, runner.run("run", SEED, 6, new FlakyEvidence(true)));
      spark.sparkContext().listenerBus().waitUntilEmpty();
      assertEquals(1, failed.count, "the first attempt of task 2 failed and was retried");
    } finally {
      spark.sparkContext().removeSparkListener(failed);
    }
  }

  /** Counts the failed task attempts. */
  static final class FailedTasks extends org.apache.spark.scheduler.SparkListener {
    volatile int count;

    @Override
    public void onTaskEnd(org.apache.spark.scheduler.SparkListenerTaskEnd e) {
      if (!e.taskInfo().successful()) {
        count++;
      }
    }
  }

  /** The intercept model, failing on the first attempt of group g3. */
  record FlakyIntercept() implements GroupModel {
    @Override
    public Prob<?> build(GroupData data) {
      TaskContext tc = TaskContext.get();
      if (data.key().equals("g3") && tc != null && tc.attemptNumber() == 0) {
        throw new IllegalStateException("injected failure of the first attempt");
      }
      return new Models.InterceptOnly().build(data);
    }
  }

  @Test
  void aGroupFitFailingOnItsFirstAttemptIsRetriedWithAnUnchangedResult() {
    List<Object[]> rows = Fixtures.rows(5, 6, 3);
    List<GroupSummary> expected = GroupFits.fitLocal(InProcessRunner.sequential(), Fixtures.groups(rows),
        new Models.InterceptOnly(), Algorithm.importance(200), SEED);
    List<GroupSummary> got = GroupFits.collect(GroupFits.fitPerGroup(Fixtures.frame(spark, rows), "g",
        new FlakyIntercept(), Algorithm.importance(200), SEED));
    assertEquals(expected, got);
  }

  /** A model whose observation scale is the data: a negative value is an invalid normal sd. */
  record BadScale() implements GroupModel {
    @Override
    public Prob<?> build(GroupData data) {
      double[] y = data.column("y");
      return sample("mu", normal(0, 1)).flatMap(mu -> observe(normal(mu, y[0]), 0.0).then(() -> pure(mu)));
    }
  }

  @Test
  void aModelErrorReachesTheDriverAsTheNamedExceptionWithTheGroup() {
    List<Object[]> rows = List.of(new Object[] {"ok", 1.0}, new Object[] {"bad", -1.0});
    RunTaskException e = assertThrows(RunTaskException.class, () -> GroupFits.fitPerGroup(
        Fixtures.frame(spark, rows), "g", new BadScale(), Algorithm.importance(10), SEED));
    assertEquals("group 'bad'", e.what());
    assertTrue(DistributionException.class.isAssignableFrom(classOf(e.causeType())), e.causeType());
    assertTrue(e.getMessage().contains("group 'bad' failed"), e.getMessage());
  }

  /** SBC whose inference fails in replication 3. */
  record FailingSbc() implements SbcProblem<double[]> {
    @Override
    public double prior(org.apache.commons.rng.UniformRandomProvider rng) {
      return new Models.NormalSbc().prior(rng);
    }

    @Override
    public double[] data(double theta, org.apache.commons.rng.UniformRandomProvider rng) {
      return new Models.NormalSbc().data(theta, rng);
    }

    @Override
    public double[] posterior(double[] y, int count, long seed) {
      if (seed == org.probity.random.Rngs.childSeed(SEED ^ 0x5BC5BC5BCL, 3)) {
        Prob<Real> bad = sample("mu", normal(0, -1));
        ImportanceSampling.run(bad, 10, seed);
      }
      return new Models.NormalSbc().posterior(y, count, seed);
    }
  }

  @Test
  void aModelErrorReachesTheDriverWithTheReplicationIndex() {
    RunTaskException e = assertThrows(RunTaskException.class,
        () -> Calibration.run(runner, new FailingSbc(), 8, 4, SEED));
    assertEquals("replication", e.what());
    assertEquals(3, e.index());
    assertTrue(DistributionException.class.isAssignableFrom(classOf(e.causeType())), e.causeType());
  }

  @Test
  void aModelThatCannotTravelIsRefusedOnTheDriver() {
    Prob<Real> prob = new Models.NormalMean(Fixtures.Y).build();
    ModelNotSerializableException e = assertThrows(ModelNotSerializableException.class,
        () -> Chains.run(runner, () -> prob, ChainSettings.of(2, 10, 10, SEED)));
    assertTrue(e.getMessage().contains("ship a ModelFactory"), e.getMessage());
    assertTrue(e.getMessage().contains("org.probity.core"), e.getMessage());
  }

  @Test
  void theProgressLineCountsTheTasks() throws java.util.concurrent.TimeoutException {
    StringWriter out = new StringWriter();
    ProgressLine line = ProgressLine.attach(spark, out);
    try {
      runner.run("run", SEED, 8, new FlakyEvidence(false));
      spark.sparkContext().listenerBus().waitUntilEmpty();
      assertTrue(out.toString().contains("8/8 tasks, done\n"), out.toString());
      assertEquals(8, line.done());
    } finally {
      spark.sparkContext().removeSparkListener(line);
    }
  }

  @Test
  void sharedDataTravelAsABroadcast() {
    Shared<double[]> y = runner.share(Fixtures.Y);
    ModelFactory<Real> model = new SharedMean(y);
    List<Double> viaBroadcast = runner.run("run", SEED, 3, (s, i) -> ImportanceSampling.run(model.build(), 50,
        s + i).logEvidence());
    List<Double> plain = InProcessRunner.sequential().run("run", SEED, 3, (s, i) -> ImportanceSampling.run(
        new SharedMean(Shared.local(Fixtures.Y)).build(), 50, s + i).logEvidence());
    assertEquals(plain, viaBroadcast);
  }

  /** The normal-mean model reading its data from shared data. */
  record SharedMean(Shared<double[]> y) implements ModelFactory<Real> {
    @Override
    public Prob<Real> build() {
      return new Models.NormalMean(y.value()).build();
    }
  }

  private static Class<?> classOf(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }
}
