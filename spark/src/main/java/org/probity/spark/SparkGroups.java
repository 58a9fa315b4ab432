package org.probity.spark;

import static org.probity.Probity.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.probity.core.Prob;
import org.probity.run.InProcessRunner;
import org.probity.random.Rngs;

/**
 * The example {@code ./probity run spark-groups [groups] [master] [--bench]}: a varying-intercept
 * regression fitted separately to each of 1,000 simulated groups on Spark (local[*] by default):
 * y_ij ~ Normal(alpha_j + beta x_ij, sigma_j), with the population's prior for alpha_j and the
 * slope beta as broadcast data. Prints a few groups' summaries and the total time; {@code --bench}
 * times the same fits in-process and on local[1] and local[2] instead.
 */
public final class SparkGroups {
  /** Rows per group. */
  static final int ROWS = 20;
  /** The population: mean and sd of the intercepts, and the common slope. */
  static final double[] POPULATION = {1.0, 2.0, 0.5};

  private SparkGroups() {
  }

  /** One group's model, reading the population's values from shared (broadcast) data. */
  public record VaryingIntercept(Shared<double[]> population) implements GroupModel {
    @Override
    public Prob<?> build(GroupData data) {
      double[] p = population.value();
      double[] x = data.column("x");
      double[] y = data.column("y");
      return sample("alpha", normal(p[0], p[1])).flatMap(alpha -> sample("sigma", halfNormal(2)).flatMap(sigma ->
          plate(y, i -> normal(alpha.plus(p[2] * x[i]), sigma)).then(() -> pure(alpha))));
    }
  }

  /** The algorithm of the example: NUTS, 2 chains of 150 warm-up and 150 kept iterations. */
  static final Algorithm NUTS = Algorithm.mcmc(2, 150, 150);

  /** Simulated rows (group, x, y) of {@code groups} groups. */
  static List<Row> simulate(int groups, long seed) {
    UniformRandomProvider rng = Rngs.of(seed);
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    List<Row> rows = new ArrayList<>();
    for (int j = 0; j < groups; j++) {
      double alpha = POPULATION[0] + POPULATION[1] * g.sample();
      double sigma = 0.5 + rng.nextDouble();
      for (int i = 0; i < ROWS; i++) {
        double x = 2 * g.sample();
        rows.add(RowFactory.create(String.format(Locale.ROOT, "g%04d", j), x, alpha + POPULATION[2] * x
            + sigma * g.sample()));
      }
    }
    return rows;
  }

  static final StructType SCHEMA = new StructType().add("group", DataTypes.StringType)
      .add("x", DataTypes.DoubleType).add("y", DataTypes.DoubleType);

  static SparkSession session(String master) {
    return SparkSession.builder().master(master).appName("probity spark-groups")
        .config("spark.sql.shuffle.partitions", "64")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate();
  }

  /** Fits every group on the session; returns the fits. */
  static Dataset<Row> fit(SparkSession spark, List<Row> rows, long seed) {
    SparkRunner runner = new SparkRunner(spark);
    Dataset<Row> df = spark.createDataFrame(rows, SCHEMA);
    return GroupFits.fitPerGroup(df, "group", new VaryingIntercept(runner.share(POPULATION)), NUTS, seed);
  }

  /** Runs the example. */
  public static void main(String[] args) {
    List<String> a = new ArrayList<>(List.of(args));
    boolean bench = a.remove("--bench");
    int groups = a.isEmpty() ? 1000 : Integer.parseInt(a.get(0));
    String master = a.size() > 1 ? a.get(1) : "local[*]";
    List<Row> rows = simulate(groups, 1);
    if (bench) {
      bench(groups, rows);
      return;
    }
    long t0 = System.nanoTime();
    SparkSession spark = session(master);
    spark.sparkContext().setLogLevel("WARN");
    ProgressLine.attach(spark);
    try {
      Dataset<Row> fits = fit(spark, rows, 2026);
      double seconds = (System.nanoTime() - t0) / 1e9;
      System.out.println("Per-group fits of y_ij ~ Normal(alpha_j + " + POPULATION[2] + " x_ij, sigma_j), " + groups
          + " groups of " + ROWS + " rows, NUTS 2 x (150 + 150), on " + master + ":");
      fits.where(functions.col("quantity").isin("alpha", "sigma"))
          .orderBy("group", "quantity").select("group", "quantity", "mean", "sd", "q5", "q50", "q95", "rhat",
              "ess_bulk").show(6, false);
      long bad = fits.where(functions.col("rhat").gt(1.05)).select("group").distinct().count();
      System.out.printf(Locale.ROOT, "%d groups fitted in %.1f s (%.1f groups/s, including Spark's start);"
          + " %d groups with an R-hat above 1.05%n", groups, seconds, groups / seconds, bad);
    } finally {
      spark.stop();
    }
  }

  /** The groups each runner of {@link #bench} fits untimed before it is timed. */
  private static final int WARMUP = 300;

  /** Groups per second in-process and on local[1] and local[2] (docs/BENCHMARKS.md). */
  static void bench(int groups, List<Row> rows) {
    List<String> keys = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    for (Row r : rows) {
      keys.add(r.getString(0));
      values.add(new double[] {r.getDouble(1), r.getDouble(2)});
    }
    List<GroupData> data = GroupData.byKey(keys, List.of("x", "y"), values);
    GroupModel model = new VaryingIntercept(Shared.local(POPULATION));
    // each runner first fits WARMUP groups untimed, so no row pays the JIT's warm-up for another
    GroupFits.fitLocal(InProcessRunner.parallelRunner(), data.subList(0, Math.min(WARMUP, data.size())), model, NUTS, 1);
    long t0 = System.nanoTime();
    GroupFits.fitLocal(InProcessRunner.parallelRunner(), data, model, NUTS, 2026);
    double inProcess = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "in-process (%d threads): %.1f s, %.1f groups/s%n",
        Runtime.getRuntime().availableProcessors(), inProcess, groups / inProcess);
    for (String master : List.of("local[1]", "local[2]")) {
      SparkSession spark = session(master);
      spark.sparkContext().setLogLevel("WARN");
      try {
        fit(spark, simulate(WARMUP, 3), 1);
        long t1 = System.nanoTime();
        fit(spark, rows, 2026);
        double s = (System.nanoTime() - t1) / 1e9;
        System.out.printf(Locale.ROOT, "%s: %.1f s, %.1f groups/s, %.2fx the in-process time%n", master, s,
            groups / s, s / inProcess);
      } finally {
        spark.stop();
      }
    }
  }
}
