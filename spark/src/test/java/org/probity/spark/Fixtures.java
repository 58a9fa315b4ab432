package org.probity.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.probity.ad.Real;
import org.probity.random.Rngs;

/** The data of the tests: grouped rows, kept both as a DataFrame and as {@link GroupData}. */
final class Fixtures {
  static final double[] Y = {0.8, 1.9, 1.1, 2.4, 0.3};
  static final Map<String, Statistic<Real>> MU = Map.of("mu", Real::value);

  private Fixtures() {
  }

  /** {@code groups} groups g0, g1, ... of {@code size} rows: y ~ Normal(group index / 2, 1). */
  static List<Object[]> rows(int groups, int size, long seed) {
    UniformRandomProvider rng = Rngs.of(seed);
    var g = org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian.of(rng);
    List<Object[]> out = new ArrayList<>();
    for (int k = 0; k < groups; k++) {
      for (int i = 0; i < size; i++) {
        out.add(new Object[] {"g" + k, k / 2.0 + g.sample()});
      }
    }
    return out;
  }

  static List<GroupData> groups(List<Object[]> rows) {
    List<String> keys = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    for (Object[] r : rows) {
      keys.add((String) r[0]);
      values.add(new double[] {(Double) r[1]});
    }
    return GroupData.byKey(keys, List.of("y"), values);
  }

  static Dataset<Row> frame(SparkSession spark, List<Object[]> rows) {
    StructType schema = new StructType().add("g", DataTypes.StringType).add("y", DataTypes.DoubleType);
    List<Row> rs = new ArrayList<>();
    for (Object[] r : rows) {
      rs.add(RowFactory.create(r));
    }
    // shuffled partitions, so the order rows reach a group differs from the in-process order
    return spark.createDataFrame(rs, schema).repartition(3);
  }
}
