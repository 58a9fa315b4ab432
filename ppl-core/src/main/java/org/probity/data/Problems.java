package org.probity.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems found while converting one column or field, so that a file with several
 * bad cells is reported once with the first few of them (and how many there are in all), not one
 * error per run of the program. The message stays short whatever the size of the file.
 */
final class Problems {
  private static final int SHOWN = 5;

  private final String source;
  private final String what;
  private final List<String> shown = new ArrayList<>();
  private int count;

  /**
   * @param source the file
   * @param what the column or field, e.g. {@code column 'y'}
   */
  Problems(String source, String what) {
    this.source = source;
    this.what = what;
  }

  /** Records a problem at {@code where} (e.g. {@code line 4}). */
  void add(String where, String problem) {
    count++;
    if (shown.size() < SHOWN) {
      shown.add(where + ": " + problem);
    }
  }

  /** Throws a {@link DataException} listing the problems, if there are any. */
  void throwIfAny() {
    if (count == 0) {
      return;
    }
    String list = String.join("; ", shown);
    String problem = count == 1 ? list
        : count + " problems, " + (count > SHOWN ? "the first " + SHOWN + ": " : "") + list;
    throw new DataException(source, what, problem);
  }

  /** A value quoted for a message, shortened if long. */
  static String quote(String text) {
    String t = text.length() > 40 ? text.substring(0, 37) + "..." : text;
    return "'" + t + "'";
  }
}
