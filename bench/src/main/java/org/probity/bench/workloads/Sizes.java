package org.probity.bench.workloads;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses size labels such as {@code T1000-P100} or {@code N500}: the number after a letter. */
final class Sizes {
  /** The seed every generated data set is made from when no data directory is given. */
  static final long DATA_SEED = 20261125L;

  private Sizes() {
  }

  static int get(String size, char key) {
    Matcher m = Pattern.compile("(?:^|-)" + key + "(\\d+)").matcher(size);
    if (!m.find()) {
      throw new IllegalArgumentException("size '" + size + "' has no " + key + "<number> part");
    }
    return Integer.parseInt(m.group(1));
  }
}
