package org.probity.testkit;

/**
 * The number of cases a property tries: a fast default for every build, more when the system
 * property {@code probity.tries} is {@code full} (set by the Maven profile {@code -Pfull}), or
 * exactly {@code n} when it is an integer (for reproducing one failure, e.g. {@code -Dprobity.tries=1}).
 */
public final class Tries {
  /** The system property that selects the level. */
  public static final String PROPERTY = "probity.tries";

  private Tries() {
  }

  /** {@code fast} normally, {@code full} under {@code -Pfull}, or the integer given. */
  public static int of(int fast, int full) {
    String level = System.getProperty(PROPERTY, "fast").trim();
    if (level.equals("full")) {
      return full;
    }
    if (level.isEmpty() || level.equals("fast")) {
      return fast;
    }
    try {
      return Math.max(1, Integer.parseInt(level));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(PROPERTY + " must be fast, full or a positive integer, got '" + level + "'", e);
    }
  }

  /** Whether the full (slow) level is selected. */
  public static boolean full() {
    return System.getProperty(PROPERTY, "fast").trim().equals("full");
  }
}
