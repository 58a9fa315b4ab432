package org.probity.inference.mcmc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.probity.core.Address;


/**
 * One chain's kept draws as named columns ({@link Columns}: the choices', then the return value's,
 * {@link Outputs}), the names in order of first appearance and a missing value NaN. Draws with
 * the layout of the previous draw (the usual case) are written by position; a draw of scalar
 * choices read without a run ({@link Columns.Scalars}, {@link #addScalars}) with the same
 * addresses as the previous one is written without looking at its layout again.
 */
final class DrawTable {
  private final List<String> names = new ArrayList<>();
  private final Map<String, Integer> index = new HashMap<>();
  private final Map<Address, String> nameCache = new HashMap<>();
  private double[][] columns = new double[0][];
  private int[] filled = new int[0]; // per column, the draws below which it is written or NaN (but see written)
  private int capacity;
  private int size;
  private Columns.Layout layout;
  private int[] slots;
  private Address[] scalars; // the addresses of the last draw when it was Columns.Scalars of this layout, else null
  private int written; // draws [written, size) were written by the scalars' fast path, into the slots' columns only
  private int[] targetsOf; // the positions targets was built for (by identity), or null
  private double[][] targets; // the column of each of targetsOf's positions, then of each held position

  /** A table for about {@code expected} draws (it grows past them). */
  DrawTable(int expected) {
    this.capacity = Math.max(1, expected);
  }

  /** Adds the draw of a state's choices {@code t} and its program's return value. */
  void add(Columns.Source t, Object output) {
    if (size == capacity) {
      grow();
    }
    if (t instanceof Columns.Scalars s && s.addresses() == scalars && (output == null || output instanceof Enum<?>)) {
      double[] v = s.values();
      for (int j = 0; j < v.length; j++) {
        columns[slots[j]][size] = v[j];
      }
      size++;
      return;
    }
    settle();
    int row = size;
    if (output != null && !(output instanceof Enum<?>)) { // a return value that may give columns
      Map<String, Double> values = new LinkedHashMap<>();
      Columns.flatten(t, values, nameCache);
      Outputs.flatten(output, values);
      for (Map.Entry<String, Double> e : values.entrySet()) {
        int j = slot(e.getKey());
        fillTo(j, row);
        columns[j][row] = e.getValue();
        filled[j] = row + 1;
      }
      layout = null;
      scalars = null;
    } else {
      if (layout == null || !layout.fits(t)) {
        layout = Columns.Layout.of(t, nameCache);
        List<String> ns = layout.names();
        slots = new int[ns.size()];
        for (int j = 0; j < slots.length; j++) {
          slots[j] = slot(ns.get(j));
        }
        targetsOf = null;
      }
      // a Scalars source fits only a layout of one scalar column per choice, written in order
      scalars = t instanceof Columns.Scalars s ? s.addresses() : null;
      for (int at : slots) {
        fillTo(at, row);
        filled[at] = row + 1; // written next, by the layout
      }
      layout.write(t, columns, slots, row);
    }
    size++;
    written = size;
  }

  /**
   * Adds the draw of scalar choices at {@code addresses} with {@code held}'s values, {@code moved[k]}
   * at position {@code positions[k]} ({@code heldPositions}: the other positions), and a return value
   * that gives no columns: what {@code add(Columns.Scalars.of(addresses, held, positions, moved), null)}
   * adds, written by position without building the draw when the addresses are those of the
   * previous draw.
   */
  void addScalars(Address[] addresses, double[] held, int[] heldPositions, int[] positions, double[] moved) {
    if (addresses != scalars || size == capacity) {
      add(Columns.Scalars.of(addresses, held, positions, moved), null);
      return;
    }
    if (positions != targetsOf) {
      targets = new double[positions.length + heldPositions.length][];
      for (int k = 0; k < positions.length; k++) {
        targets[k] = columns[slots[positions[k]]];
      }
      for (int k = 0; k < heldPositions.length; k++) {
        targets[positions.length + k] = columns[slots[heldPositions[k]]];
      }
      targetsOf = positions;
    }
    int row = size;
    double[][] to = targets;
    int m = positions.length;
    for (int k = 0; k < m; k++) {
      to[k][row] = moved[k];
    }
    for (int k = 0; k < heldPositions.length; k++) {
      to[m + k][row] = held[heldPositions[k]];
    }
    size++;
  }

  // Records the draws the fast path wrote: every one of them wrote every column of slots.
  private void settle() {
    if (written < size) {
      for (int at : slots) {
        filled[at] = size;
      }
      written = size;
    }
  }

  // Column j's draws before row that it has no value for are NaN.
  private void fillTo(int j, int row) {
    if (filled[j] < row) {
      Arrays.fill(columns[j], filled[j], row, Double.NaN);
      filled[j] = row;
    }
  }

  private int slot(String name) {
    Integer at = index.get(name);
    if (at == null) {
      at = names.size();
      names.add(name);
      index.put(name, at);
      columns = Arrays.copyOf(columns, at + 1);
      columns[at] = new double[capacity];
      filled = Arrays.copyOf(filled, at + 1);
    }
    return at;
  }

  private void grow() {
    capacity += Math.max(16, capacity >> 1);
    for (int j = 0; j < columns.length; j++) {
      columns[j] = Arrays.copyOf(columns[j], capacity);
    }
    targetsOf = null;
  }

  /** The column names, in order of first appearance. */
  List<String> names() {
    return names;
  }

  /** The number of draws. */
  int size() {
    return size;
  }

  /** Column {@code j}'s values by draw, exactly {@link #size} of them (the table's own array when it is full). */
  double[] column(int j) {
    settle();
    fillTo(j, size);
    return columns[j].length == size ? columns[j] : Arrays.copyOf(columns[j], size);
  }

  /** The value of column {@code j} in draw {@code i} (NaN where the draw has no such column). */
  double value(int i, int j) {
    settle();
    return i < filled[j] ? columns[j][i] : Double.NaN;
  }
}
