package org.probity.spark;

import java.io.Serializable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One row of a per-group fit: a quantity's posterior summary in one group. MCMC fills R-hat and
 * the bulk and tail ESS and leaves the log evidence NaN; importance sampling and SMC fill the log
 * evidence and the ESS of their weights (as ess_bulk) and leave R-hat and ess_tail NaN.
 *
 * @param group the group's key
 * @param quantity the quantity's name ({@code mu}, {@code theta.1}, ...)
 * @param mean posterior mean
 * @param sd posterior standard deviation
 * @param q5 5% quantile
 * @param q50 median
 * @param q95 95% quantile
 * @param rhat rank-normalised split R-hat
 * @param essBulk bulk ESS (MCMC) or the weights' ESS
 * @param essTail tail ESS
 * @param logEvidence log p(y) of the group
 */
public record GroupSummary(String group, String quantity, double mean, double sd, double q5, double q50, double q95,
    double rhat, double essBulk, double essTail, double logEvidence) implements Serializable {

  /** The DataFrame schema of the rows. */
  public static final StructType SCHEMA = new StructType()
      .add("group", DataTypes.StringType, false)
      .add("quantity", DataTypes.StringType, false)
      .add("mean", DataTypes.DoubleType, false)
      .add("sd", DataTypes.DoubleType, false)
      .add("q5", DataTypes.DoubleType, false)
      .add("q50", DataTypes.DoubleType, false)
      .add("q95", DataTypes.DoubleType, false)
      .add("rhat", DataTypes.DoubleType, false)
      .add("ess_bulk", DataTypes.DoubleType, false)
      .add("ess_tail", DataTypes.DoubleType, false)
      .add("log_evidence", DataTypes.DoubleType, false);

  /** As a row of {@link #SCHEMA}. */
  public Row toRow() {
    return RowFactory.create(group, quantity, mean, sd, q5, q50, q95, rhat, essBulk, essTail, logEvidence);
  }

  /** From a row of {@link #SCHEMA}. */
  public static GroupSummary of(Row r) {
    return new GroupSummary(r.getString(0), r.getString(1), r.getDouble(2), r.getDouble(3), r.getDouble(4),
        r.getDouble(5), r.getDouble(6), r.getDouble(7), r.getDouble(8), r.getDouble(9), r.getDouble(10));
  }
}
