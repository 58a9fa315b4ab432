package org.probity.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.probity.core.Prob;
import org.probity.random.Rngs;
import org.probity.run.InProcessRunner;

/**
 * Per-group fits of an order-dependent model: with an order column, each group's rows reach the
 * model in their series order, whatever order Spark delivers them in, so the fit is the exact
 * posterior of the series and the in-process fit's numbers; sorted by value instead (no order
 * column), the same data give a different posterior, which is why the order column exists.
 */
class GroupOrderTest {
  private static final long SEED = 2026_12_02L;
  private static final double[] PHI = {0.8, -0.5, 0.2};
  private static final int LENGTH = 40;
  private static final Algorithm NUTS = Algorithm.mcmc(2, 200, 400);

  /** An AR(1) series given its first value: phi ~ Normal(0, 1), y_t ~ Normal(phi y_{t-1}, 1). */
  record Ar1() implements GroupModel {
    @Override
    public Prob<?> build(GroupData data) {
      double[] y = data.column("y");
      double[] next = Arrays.copyOfRange(y, 1, y.length);
      return sample("phi", normal(0, 1)).flatMap(phi ->
          plate(next, j -> normal(phi.times(y[j]), 1)).then(() -> pure(phi)));
    }
  }

  /** Rows (group, t, y) of one AR(1) series per phi, in reverse time order. */
  private static List<Object[]> rows() {
    UniformRandomProvider rng = Rngs.of(SEED);
    var g = ZigguratSampler.NormalizedGaussian.of(rng);
    List<Object[]> out = new ArrayList<>();
    for (int k = 0; k < PHI.length; k++) {
      double y = g.sample();
      List<Object[]> series = new ArrayList<>();
      for (int t = 0; t < LENGTH; t++) {
        series.add(new Object[] {"s" + k, t, y});
        y = PHI[k] * y + g.sample();
      }
      java.util.Collections.reverse(series);
      out.addAll(series);
    }
    return out;
  }

  /** The exact posterior mean and sd of phi (conjugate: precision 1 + sum y_{t-1}^2). */
  private static double[] exact(GroupData d) {
    double[] y = d.column("y");
    double prec = 1;
    double s = 0;
    for (int t = 1; t < y.length; t++) {
      prec += y[t - 1] * y[t - 1];
      s += y[t] * y[t - 1];
    }
    return new double[] {s / prec, 1 / Math.sqrt(prec)};
  }

  private static List<GroupData> local(List<Object[]> rows) {
    List<String> keys = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    for (Object[] r : rows) {
      keys.add((String) r[0]);
      values.add(new double[] {(Integer) r[1], (Double) r[2]});
    }
    return GroupData.byKey(keys, List.of("t", "y"), values, "t");
  }

  /** The rows as a shuffled DataFrame, with or without the column t. */
  private static Dataset<Row> frame(SparkSession spark, List<Object[]> rows, boolean withT) {
    StructType schema = new StructType().add("g", DataTypes.StringType);
    schema = (withT ? schema.add("t", DataTypes.IntegerType) : schema).add("y", DataTypes.DoubleType);
    List<Row> rs = new ArrayList<>();
    for (Object[] r : rows) {
      rs.add(withT ? RowFactory.create(r) : RowFactory.create(r[0], r[2]));
    }
    return spark.createDataFrame(rs, schema).repartition(3);
  }

  @Test
  void anOrderColumnGivesEachGroupItsSeriesInOrder() {
    List<Object[]> rows = rows();
    List<GroupData> series = local(rows);
    List<GroupSummary> inProcess = GroupFits.fitLocal(InProcessRunner.sequential(), series, new Ar1(), NUTS, SEED);
    List<GroupSummary> ordered;
    List<GroupSummary> byValue;
    SparkSession spark = LocalSpark.start("local[2]");
    try {
      ordered = GroupFits.collect(GroupFits.fitPerGroup(frame(spark, rows, true), "g", "t", new Ar1(), NUTS, SEED));
      // without an order column the rows are sorted by value: here by y, as the series has no t
      byValue = GroupFits.collect(GroupFits.fitPerGroup(frame(spark, rows, false), "g", new Ar1(), NUTS, SEED));
      IllegalArgumentException notNumeric = assertThrows(IllegalArgumentException.class,
          () -> GroupFits.fitPerGroup(frame(spark, rows, true), "g", "g", new Ar1(), NUTS, SEED));
      assertTrue(notNumeric.getMessage().contains("order column 'g'"), notNumeric.getMessage());
    } finally {
      spark.stop();
    }
    assertEquals(inProcess, ordered, "Spark's ordered fits differ from the in-process ones");
    for (int k = 0; k < PHI.length; k++) {
      GroupData d = series.get(k);
      assertEquals(d.column("t")[LENGTH - 1], LENGTH - 1);
      double[] truth = exact(d);
      GroupSummary fit = phi(ordered, d.key());
      double mcse = fit.sd() / Math.sqrt(fit.essBulk());
      assertTrue(Math.abs(fit.mean() - truth[0]) < 5 * mcse, d.key() + ": posterior mean " + fit.mean()
          + ", exact " + truth[0] + ", MCSE " + mcse);
      assertTrue(Math.abs(fit.sd() / truth[1] - 1) < 0.25, d.key() + ": posterior sd " + fit.sd() + ", exact "
          + truth[1]);
      GroupSummary sorted = phi(byValue, d.key());
      assertTrue(Math.abs(sorted.mean() - truth[0]) > 10 * mcse, d.key() + ": sorted by value, the posterior"
          + " mean " + sorted.mean() + " should be far from the series' " + truth[0]);
    }
  }

  private static GroupSummary phi(List<GroupSummary> fits, String group) {
    return fits.stream().filter(f -> f.group().equals(group) && f.quantity().equals("phi")).findFirst()
        .orElseThrow(() -> new AssertionError("no phi for " + group + " in " + fits));
  }

  @Test
  void anOrderColumnMustTellTheRowsApart() {
    List<double[]> rows = List.of(new double[] {2, 0.5}, new double[] {1, 0.1}, new double[] {2, 0.7});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GroupData.ordered("s7", List.of("t", "y"), rows, "t"));
    assertEquals("group 's7' has two rows with t = 2.0: the order column must tell every row of a group apart"
        + " (use a row index)", e.getMessage());
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> GroupData.ordered("s7", List.of("t", "y"), List.of(new double[] {Double.NaN, 1}), "t"));
    assertTrue(missing.getMessage().contains("no value in its order column 't'"), missing.getMessage());
    GroupData d = GroupData.ordered("s7", List.of("t", "y"), rows.subList(0, 2), "t");
    assertEquals(List.of(1.0, 2.0), List.of(d.column("t")[0], d.column("t")[1]));
    assertEquals(0.1, d.column("y")[0]);
  }
}
