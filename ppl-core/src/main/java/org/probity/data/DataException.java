package org.probity.data;

import java.nio.file.Path;
import org.probity.core.ProbityException;

/**
 * A data file that cannot be used as asked: unreadable, malformed, a missing or unknown field, a
 * missing value, a value of the wrong type or out of range. The message names the file and the
 * place in it (line and column of a CSV file, field and index of a JSON file) and quotes the
 * offending value; {@link #source()} and {@link #location()} give the first two separately.
 */
public final class DataException extends ProbityException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final String location;
  private final String problem;

  /**
   * Creates an exception.
   *
   * @param source the file (or other source) the data came from
   * @param location where in it, e.g. {@code line 4, column 'y'} or {@code field 'y'[2]}; may be
   *     empty for a problem with the whole file
   * @param problem what is wrong, quoting the value
   */
  public DataException(String source, String location, String problem) {
    super(source + (location.isEmpty() ? "" : ": " + location) + ": " + problem);
    this.source = source;
    this.location = location;
    this.problem = problem;
  }

  /** As {@link #DataException(String, String, String)}, for a file. */
  static DataException at(Path file, String location, String problem) {
    return new DataException(String.valueOf(file), location, problem);
  }

  /** The file (or other source) the data came from. */
  public String source() {
    return source;
  }

  /** What is wrong, without the source and location. */
  public String problem() {
    return problem;
  }

  /** Where in the source the problem is; empty when it concerns the whole source. */
  public String location() {
    return location;
  }
}
