package org.probity.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One group's data: its key and its numeric columns. Spark delivers a group's rows in no fixed
 * order, so they are put in one: by an order column (a row index or a time, {@link #ordered}) for a
 * model whose likelihood depends on the order (a time series), else by their values
 * (lexicographically, column by column, {@link #of}), so a group's data, and so its fit, never
 * depend on the order in which the rows arrived.
 *
 * @param key the group's key
 * @param names the column names
 * @param columns {@code [column][row]}
 */
public record GroupData(String key, List<String> names, double[][] columns) implements Serializable {

  /** The group from its rows (each {@code [column]}), sorted by value. */
  public static GroupData of(String key, List<String> names, List<double[]> rows) {
    List<double[]> sorted = new ArrayList<>(rows);
    sorted.sort(ROW_ORDER);
    return fromRows(key, names, sorted);
  }

  /**
   * The group from its rows, in the order of the named column (a row index or a time; it stays one of
   * the group's columns).
   *
   * @throws IllegalArgumentException when there is no such column, or a row's order value is missing
   *     (NaN) or the same as another row's, naming the group and the value
   */
  public static GroupData ordered(String key, List<String> names, List<double[]> rows, String orderColumn) {
    int j = names.indexOf(orderColumn);
    if (j < 0) {
      throw new IllegalArgumentException("group '" + key + "' has no order column '" + orderColumn
          + "'; its numeric columns are " + names);
    }
    List<double[]> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparingDouble(r -> r[j]));
    for (int i = 0; i < sorted.size(); i++) {
      double t = sorted.get(i)[j];
      if (Double.isNaN(t)) {
        throw new IllegalArgumentException("group '" + key + "' has a row with no value in its order column '"
            + orderColumn + "'");
      }
      if (i > 0 && t == sorted.get(i - 1)[j]) {
        throw new IllegalArgumentException("group '" + key + "' has two rows with " + orderColumn + " = " + t
            + ": the order column must tell every row of a group apart (use a row index)");
      }
    }
    return fromRows(key, names, sorted);
  }

  private static GroupData fromRows(String key, List<String> names, List<double[]> sorted) {
    double[][] cols = new double[names.size()][sorted.size()];
    for (int i = 0; i < sorted.size(); i++) {
      for (int j = 0; j < names.size(); j++) {
        cols[j][i] = sorted.get(i)[j];
      }
    }
    return new GroupData(key, List.copyOf(names), cols);
  }

  /**
   * Groups of rows by key ({@code keys.get(i)} is row i's group), in key order, each in the order of
   * {@code orderColumn} ({@link #ordered}).
   */
  public static List<GroupData> byKey(List<String> keys, List<String> names, List<double[]> rows,
      String orderColumn) {
    Map<String, List<double[]>> groups = new TreeMap<>();
    for (int i = 0; i < rows.size(); i++) {
      groups.computeIfAbsent(keys.get(i), k -> new ArrayList<>()).add(rows.get(i));
    }
    List<GroupData> out = new ArrayList<>();
    groups.forEach((k, r) -> out.add(ordered(k, names, r, orderColumn)));
    return out;
  }

  /** Groups of rows by key ({@code keys.get(i)} is row i's group), in key order, rows sorted by value. */
  public static List<GroupData> byKey(List<String> keys, List<String> names, List<double[]> rows) {
    Map<String, List<double[]>> groups = new TreeMap<>();
    for (int i = 0; i < rows.size(); i++) {
      groups.computeIfAbsent(keys.get(i), k -> new ArrayList<>()).add(rows.get(i));
    }
    List<GroupData> out = new ArrayList<>();
    groups.forEach((k, r) -> out.add(of(k, names, r)));
    return out;
  }

  /** The named column's values. */
  public double[] column(String name) {
    int j = names.indexOf(name);
    if (j < 0) {
      throw new IllegalArgumentException("group '" + key + "' has no column '" + name + "'; its columns are " + names);
    }
    return columns[j].clone();
  }

  /** The number of rows. */
  public int size() {
    return columns.length == 0 ? 0 : columns[0].length;
  }

  private static final Comparator<double[]> ROW_ORDER = (a, b) -> Arrays.compare(a, b);
}
