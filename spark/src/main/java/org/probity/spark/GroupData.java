package org.probity.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One group's data: its key and its numeric columns. The rows are sorted by their values
 * (lexicographically, column by column), so a group's data, and so its fit, do not depend on the
 * order in which Spark delivers its rows.
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
    double[][] cols = new double[names.size()][sorted.size()];
    for (int i = 0; i < sorted.size(); i++) {
      for (int j = 0; j < names.size(); j++) {
        cols[j][i] = sorted.get(i)[j];
      }
    }
    return new GroupData(key, List.copyOf(names), cols);
  }

  /** Groups of rows by key ({@code keys.get(i)} is row i's group), in key order. */
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
