package org.probity.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of one group gathered on the way to its fit (Spark's combiner in
 * {@link GroupFits#fitPerGroup}): a mutable list that Spark fills on one task, one row or one other
 * piece at a time, and ships whole; in no fixed order ({@link GroupData} puts them in one).
 */
final class GroupRows implements Serializable {
  private static final long serialVersionUID = 1L;
  private final ArrayList<double[]> rows = new ArrayList<>();

  private GroupRows() {
  }

  /** A group's first row. */
  static GroupRows of(double[] row) {
    return new GroupRows().add(row);
  }

  /** Adds a row; returns this (Spark's combiners may change their first argument). */
  GroupRows add(double[] row) {
    rows.add(row);
    return this;
  }

  /** Adds another piece's rows; returns this. */
  GroupRows addAll(GroupRows other) {
    rows.addAll(other.rows);
    return this;
  }

  /** The rows gathered so far. */
  List<double[]> rows() {
    return rows;
  }
}
