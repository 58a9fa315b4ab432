package org.probity.bench.data;

import java.nio.file.Path;
import org.probity.data.StrictJson;

/**
 * Reads benchmark data files (the layout of {@code shared/bench-data/README.md}) strictly: an
 * unknown or missing field, {@code null}, a fraction for an int, a string for a number, a
 * non-finite number, or (checked by each record's constructor) a wrong length or an
 * out-of-range value is a {@link org.probity.data.DataException} naming the file and the field.
 */
public final class Json {
  private Json() {
  }

  /** Reads {@code file} into a record of type {@code type}. */
  public static <T extends Record> T read(Path file, Class<T> type) {
    return StrictJson.read(file, type);
  }

  /** Checks that every row of a matrix field has {@code columns} values. */
  static void checkRows(String field, double[][] rows, String sizeField, int columns) {
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != columns) {
        throw new IllegalArgumentException("field '" + field + "'[" + i + "] has " + rows[i].length
            + " values but '" + sizeField + "' = " + columns);
      }
    }
  }

  /** Checks that every value is positive. */
  static void checkPositive(String field, double[] values) {
    for (int i = 0; i < values.length; i++) {
      if (!(values[i] > 0)) {
        throw new IllegalArgumentException("field '" + field + "'[" + i + "] = " + values[i]
            + " must be positive");
      }
    }
  }

  /** Checks that a scalar is positive. */
  static void checkPositive(String field, double value) {
    if (!(value > 0)) {
      throw new IllegalArgumentException("field '" + field + "' = " + value + " must be positive");
    }
  }

  /**
   * Checks that the values are probabilities summing to 1 (to the 4 decimals of the files).
   *
   * @param field the field's JSON name
   * @param index the row of a matrix field, e.g. {@code [2]}, or empty
   * @param p the values
   */
  static void checkSimplex(String field, String index, double[] p) {
    double sum = 0;
    for (int j = 0; j < p.length; j++) {
      if (!(p[j] >= 0 && p[j] <= 1)) {
        throw new IllegalArgumentException("field '" + field + "'" + index + "[" + j + "] = " + p[j]
            + " is not a probability");
      }
      sum += p[j];
    }
    if (Math.abs(sum - 1) > 1e-3) {
      throw new IllegalArgumentException("field '" + field + "'" + index + " sums to " + sum
          + ", not 1");
    }
  }
}
