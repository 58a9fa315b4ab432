package org.probity.inference.mcmc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.probity.core.Address;
import org.probity.trace.Trace;


/**
 * One chain's kept draws as rows of named columns ({@link Columns}: the choices', then the return
 * value's, {@link Outputs}), the names in order of first appearance and a missing column NaN. Rows
 * of draws with the layout of the previous draw (the usual case) are written by position.
 */
final class DrawTable {
  private final List<String> names = new ArrayList<>();
  private final Map<String, Integer> index = new HashMap<>();
  private final List<double[]> rows = new ArrayList<>();
  private final Map<Address, String> nameCache = new HashMap<>();
  private Columns.Layout layout;
  private int[] slots;

  /** Adds the row of a state's choices {@code t} and its program's return value. */
  void add(Columns.Source t, Object output) {
    if (output != null && !(output instanceof Enum<?>)) { // a return value that may give columns
      Map<String, Double> row = new LinkedHashMap<>();
      Columns.flatten(t, row, nameCache);
      Outputs.flatten(output, row);
      double[] r = newRow(row.size());
      for (Map.Entry<String, Double> e : row.entrySet()) {
        r = set(r, slot(e.getKey()), e.getValue());
      }
      rows.add(r);
      return;
    }
    if (layout == null || !layout.fits(t)) {
      layout = Columns.Layout.of(t, nameCache);
      List<String> ns = layout.names();
      slots = new int[ns.size()];
      for (int j = 0; j < slots.length; j++) {
        slots[j] = slot(ns.get(j));
      }
    }
    double[] r = newRow(0);
    layout.write(t, r, slots);
    rows.add(r);
  }

  private int slot(String name) {
    Integer at = index.get(name);
    if (at == null) {
      at = names.size();
      names.add(name);
      index.put(name, at);
    }
    return at;
  }

  private double[] newRow(int extra) {
    double[] r = new double[names.size() + extra];
    Arrays.fill(r, Double.NaN);
    return r;
  }

  private static double[] set(double[] r, int j, double v) {
    if (j >= r.length) {
      int old = r.length;
      r = Arrays.copyOf(r, j + 1);
      Arrays.fill(r, old, r.length, Double.NaN);
    }
    r[j] = v;
    return r;
  }

  /** The column names, in order of first appearance. */
  List<String> names() {
    return names;
  }

  /** The number of rows. */
  int size() {
    return rows.size();
  }

  /** Row {@code i} itself (its columns in {@link #names} order; shorter where later draws added columns). */
  double[] row(int i) {
    return rows.get(i);
  }

  /** The value of column {@code j} in row {@code i} (NaN where the draw has no such column). */
  double value(int i, int j) {
    double[] r = rows.get(i);
    return j < r.length ? r[j] : Double.NaN;
  }
}
