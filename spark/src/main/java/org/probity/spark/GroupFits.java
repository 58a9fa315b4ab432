package org.probity.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.storage.StorageLevel;
import org.probity.run.Runner;
import scala.Tuple2;

/**
 * One fit per group of a grouped data set: {@link #fitPerGroup} fits the model to each group's rows
 * on the executors and returns a DataFrame of per-group summaries ({@link GroupSummary#SCHEMA}: mean,
 * sd, quantiles, R-hat, ESS, log evidence); {@link #fitLocal} is the same on a {@link Runner} (the
 * in-process one), with the same numbers.
 */
public final class GroupFits {
  private GroupFits() {
  }

  /**
   * Fits the model to every group of {@code df}; the numeric columns other than {@code groupColumn}
   * are the group's data ({@link GroupData}, rows sorted by value: for a model that depends on the
   * rows' order, such as a time series, use {@link #fitPerGroup(Dataset, String, String, GroupModel,
   * Algorithm, long)} with an order column). The fits are computed before this returns (the result is
   * persisted), so a failure surfaces here.
   *
   * @param df the data, one row per observation
   * @param groupColumn the column whose values name the groups
   * @param model the model of one group's data
   * @param algorithm the inference for each group
   * @param seed the seed (group g's stream comes from (seed, {@link Seeds#keyIndex}(g)))
   * @return one row per group and quantity
   * @throws ModelNotSerializableException when the model or algorithm cannot travel
   * @throws org.probity.run.RunTaskException naming the group when a fit fails
   */
  public static Dataset<Row> fitPerGroup(Dataset<Row> df, String groupColumn, GroupModel model, Algorithm algorithm,
      long seed) {
    return fitPerGroup(df, groupColumn, null, model, algorithm, seed);
  }

  /**
   * Fits the model to every group of {@code df} with each group's rows in the order of
   * {@code orderColumn} (a row index or a time; numeric, unique within a group, and one of the
   * group's columns too): the way to fit an order-dependent model such as a time series, whose data
   * Spark would otherwise deliver in no fixed order.
   *
   * @param df the data, one row per observation
   * @param groupColumn the column whose values name the groups
   * @param orderColumn the numeric column that orders each group's rows, or null to sort them by value
   * @param model the model of one group's data
   * @param algorithm the inference for each group
   * @param seed the seed (group g's stream comes from (seed, {@link Seeds#keyIndex}(g)))
   * @return one row per group and quantity
   * @throws IllegalArgumentException when {@code orderColumn} is not a numeric column of {@code df}
   * @throws ModelNotSerializableException when the model or algorithm cannot travel
   * @throws org.probity.run.RunTaskException naming the group when a fit fails (or two of its rows
   *     have the same order value)
   */
  public static Dataset<Row> fitPerGroup(Dataset<Row> df, String groupColumn, String orderColumn, GroupModel model,
      Algorithm algorithm, long seed) {
    Shipping.requireSerializable(model, "group model");
    Shipping.requireSerializable(algorithm, "algorithm");
    List<String> names = new ArrayList<>();
    List<Column> cols = new ArrayList<>();
    cols.add(functions.col(groupColumn).cast(DataTypes.StringType));
    for (StructField f : df.schema().fields()) {
      if (!f.name().equals(groupColumn) && f.dataType() instanceof NumericType) {
        names.add(f.name());
        cols.add(functions.col(f.name()).cast(DataTypes.DoubleType));
      }
    }
    if (orderColumn != null && (orderColumn.equals(groupColumn) || !names.contains(orderColumn))) {
      throw new IllegalArgumentException("the order column '" + orderColumn + "' is not a numeric column of the"
          + " data other than the group column; the numeric columns are " + names);
    }
    List<String> columnNames = List.copyOf(names);
    int width = columnNames.size();
    int partitions = shufflePartitions(df.sparkSession());
    // One Spark job: the map stage reads the rows from the DataFrame's partitions and gathers each
    // group's rows there (map-side), the shuffle brings a group's pieces together, and the result
    // stage fits the groups and keeps the summaries (a persisted RDD, so a lost block is recomputed
    // from its lineage with the same numbers). Through the RDD API rather than Dataset.groupByKey:
    // adaptive query execution would coalesce the small shuffle into one partition (one task for
    // all the fits), and a persisted Dataset costs two more jobs (a scan of the cache, a count).
    JavaRDD<Row> fits = df.select(cols.toArray(new Column[0])).javaRDD()
        .mapToPair(r -> new Tuple2<>(r.isNullAt(0) ? "null" : r.getString(0), values(r, width)))
        .combineByKey(GroupRows::of, GroupRows::add, GroupRows::addAll, new GroupPartitioner(partitions))
        .flatMap(g -> {
          String key = g._1();
          List<double[]> rows = g._2().rows();
          List<GroupSummary> out = Transport.call("group '" + key + "'", -1, () -> GroupFit.fit(
              orderColumn == null ? GroupData.of(key, columnNames, rows)
                  : GroupData.ordered(key, columnNames, rows, orderColumn), model, algorithm, seed));
          return out.stream().map(GroupSummary::toRow).iterator();
        })
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      fits.count();
    } catch (Exception e) { // SparkException is checked, and thrown undeclared
      fits.unpersist();
      throw Transport.unwrap(e);
    }
    return df.sparkSession().createDataFrame(fits, GroupSummary.SCHEMA);
  }

  /** The number of partitions the groups are fitted in: the session's {@code spark.sql.shuffle.partitions}. */
  private static int shufflePartitions(SparkSession spark) {
    return Math.max(1, Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions")));
  }

  /** A row's numeric columns (after the group column), NaN where a value is missing. */
  private static double[] values(Row r, int width) {
    double[] x = new double[width];
    for (int j = 0; j < width; j++) {
      x[j] = r.isNullAt(j + 1) ? Double.NaN : r.getDouble(j + 1);
    }
    return x;
  }

  /** The same fits on a runner: groups in the given order, each with the numbers of {@link #fitPerGroup}. */
  public static List<GroupSummary> fitLocal(Runner runner, List<GroupData> groups, GroupModel model,
      Algorithm algorithm, long seed) {
    List<GroupData> copy = List.copyOf(groups);
    List<ArrayList<GroupSummary>> fits = runner.run("group", seed, copy.size(),
        (s, i) -> new ArrayList<>(GroupFit.fit(copy.get(i), model, algorithm, s)));
    List<GroupSummary> out = new ArrayList<>();
    fits.forEach(out::addAll);
    return out;
  }

  /** A DataFrame of fits as records, sorted by group (then in each group's quantity order). */
  public static List<GroupSummary> collect(Dataset<Row> fits) {
    List<GroupSummary> out = new ArrayList<>();
    for (Row r : fits.collectAsList()) {
      out.add(GroupSummary.of(r));
    }
    GroupSummary[] a = out.toArray(new GroupSummary[0]);
    Arrays.sort(a, java.util.Comparator.comparing(GroupSummary::group));
    return List.of(a);
  }
}
