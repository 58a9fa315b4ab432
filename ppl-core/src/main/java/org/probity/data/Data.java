package org.probity.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A data set read from a file, with typed, checked access to its columns (CSV) or fields (JSON):
 * {@code Data.csv(path).doubles("log_radon")}, {@code Data.json(path).integer("J")}.
 *
 * <p><b>CSV</b> ({@link #csv(Path)}, read with Apache Commons CSV, RFC 4180): the first line
 * names the columns (unique, non-empty); every other non-blank line is one row with one value per
 * column; lines starting with {@code #} are comments (as in Stan's CSV files), spaces around
 * values are trimmed, a UTF-8 byte-order mark is skipped. The empty cell
 * and {@code NA} are missing values.
 *
 * <p><b>JSON</b> ({@link #json(Path)}, read with Jackson) in Stan's data layout (CmdStan guide,
 * "JSON Format for CmdStan"): one object whose fields are numbers, arrays of numbers, or nested
 * arrays for matrices ({@code "X": [[1, 2], [3, 4]]} is a 2 x 2 matrix, row by row). A field
 * may also be an array of strings, read as a {@link Factor}. Duplicate keys, trailing content,
 * {@code NaN} and comments are errors; {@code null} is a missing value.
 *
 * <p><b>Checks</b>: every accessor converts every value and throws a {@link DataException} naming
 * the file, the column or field, and the first few bad values with their line (CSV) or index
 * (JSON): a missing value, text that is not a number, a non-finite number ({@code Inf},
 * {@code 1e400}), an integer with a fraction ({@code 100.7} as an int), a 0/1 label that is
 * neither ({@code 0.7}), a row with too many or too few values (when the file is read), an
 * unknown name (the message lists the real ones). {@link #requireOnly} rejects fields the model
 * does not use (a misspelt {@code sgima}). Arrays returned are fresh copies.
 *
 * <p><b>Factors</b> are coded 1..K (Stan's convention; {@link Factor#zeroBasedCodes()} gives
 * 0..K-1 for Java arrays) with the level names kept; by default the levels are sorted (numerically
 * when every label is an integer, as R's {@code factor} does), or given explicitly with
 * {@link #factor(String, List)}.
 */
public final class Data {

  private final String source;
  private final boolean csv;
  private final List<String> names;
  // CSV: cells[column][row] and the file line of each row.
  private final String[][] cells;
  private final long[] lines;
  // JSON: the fields of the root object.
  private final Map<String, JsonNode> fields;

  private Data(String source, List<String> names, String[][] cells, long[] lines) {
    this.source = source;
    this.csv = true;
    this.names = List.copyOf(names);
    this.cells = cells;
    this.lines = lines;
    this.fields = Map.of();
  }

  private Data(String source, Map<String, JsonNode> fields) {
    this.source = source;
    this.csv = false;
    this.names = List.copyOf(fields.keySet());
    this.cells = null;
    this.lines = null;
    this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /**
   * Reads a CSV file with a header line.
   *
   * @param path the file (UTF-8)
   * @return the data, one column per header name
   * @throws DataException if the file cannot be read, has no header, a duplicated or empty column
   *     name, or rows with a different number of values than the header (all such rows are listed,
   *     the first few by line)
   */
  public static Data csv(Path path) {
    try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return csv(in, path.toString());
    } catch (IOException e) {
      throw new DataException(path.toString(), "", "cannot read the file: " + e.getMessage());
    }
  }

  /**
   * Reads CSV text (as {@link #csv(Path)}) from a reader, e.g. a class-path resource.
   *
   * @param in the text; not closed
   * @param source the name used in error messages (a file name or resource)
   * @return the data
   * @throws DataException as {@link #csv(Path)}
   */
  public static Data csv(Reader in, String source) {
    CsvTable t = CsvTable.read(in, source);
    return new Data(source, t.names(), t.cells(), t.lines());
  }

  /**
   * Reads a JSON file in Stan's data layout.
   *
   * @param path the file (UTF-8)
   * @return the data, one entry per field of the root object
   * @throws DataException if the file cannot be read or is not one JSON object (with the line and
   *     column of the syntax error)
   */
  public static Data json(Path path) {
    try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return json(in, path.toString());
    } catch (IOException e) {
      throw new DataException(path.toString(), "", "cannot read the file: " + e.getMessage());
    }
  }

  /**
   * Reads JSON text (as {@link #json(Path)}) from a reader.
   *
   * @param in the text; not closed
   * @param source the name used in error messages
   * @return the data
   * @throws DataException as {@link #json(Path)}
   */
  public static Data json(Reader in, String source) {
    JsonNode root;
    try {
      root = StrictJson.MAPPER.readTree(Bom.skip(in));
    } catch (JsonProcessingException e) {
      throw StrictJson.error(source, e);
    } catch (IOException | UncheckedIOException e) {
      throw new DataException(source, "", "cannot read the text: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new DataException(source, "", "expected one JSON object {\"name\": value, ...} but got "
          + (root == null ? "nothing" : Nodes.kind(root)));
    }
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    root.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
    return new Data(source, fields);
  }

  /**
   * The file (or other source) the data came from, as named in error messages.
   *
   * @return the source's name
   */
  public String source() {
    return source;
  }

  /**
   * The column names (CSV) or field names (JSON), in file order.
   *
   * @return the names, in file order
   */
  public List<String> names() {
    return names;
  }

  /**
   * Whether the data has this column or field.
   *
   * @param name a column or field name
   * @return true if present
   */
  public boolean has(String name) {
    return names.contains(name);
  }

  /**
   * The number of rows of a CSV file.
   *
   * @return the number of data lines (the header excluded)
   * @throws DataException for JSON data, which has fields rather than rows
   */
  public int rows() {
    if (!csv) {
      throw new DataException(source, "", "JSON data has fields, not rows; use size(name)");
    }
    return lines.length;
  }

  /**
   * The length of a column (the number of rows) or of an array field (its outer length).
   *
   * @param name the column or field
   * @return its length
   * @throws DataException if there is no such name or the field is a single value
   */
  public int size(String name) {
    if (csv) {
      column(name);
      return lines.length;
    }
    JsonNode node = field(name);
    if (!node.isArray()) {
      throw new DataException(source, "field '" + name + "'", "is " + Nodes.kind(node)
          + ", not an array");
    }
    return node.size();
  }

  /**
   * Checks that the data has no names other than the given ones (it may lack some; asking for a
   * missing one fails then).
   *
   * @param expected the names the model reads
   * @return this data
   * @throws DataException naming the unknown columns or fields and the expected ones
   */
  public Data requireOnly(String... expected) {
    Set<String> allowed = new HashSet<>(Arrays.asList(expected));
    List<String> unknown = names.stream().filter(n -> !allowed.contains(n)).toList();
    if (!unknown.isEmpty()) {
      throw new DataException(source, "", "unknown " + (csv ? "column" : "field")
          + (unknown.size() == 1 ? " " : "s ") + quoted(unknown) + "; expected only "
          + quoted(Arrays.asList(expected)));
    }
    return this;
  }

  /**
   * A column or one-dimensional field of finite numbers.
   *
   * @param name the column or field
   * @return its values
   * @throws DataException if absent, or for missing, non-numeric or non-finite values (with their
   *     lines or indices)
   */
  public double[] doubles(String name) {
    double[] out;
    Problems problems = problems(name);
    if (csv) {
      String[] col = column(name);
      out = new double[col.length];
      for (int i = 0; i < col.length; i++) {
        note(problems, i, Cells.toDouble(col[i], out, i));
      }
    } else {
      JsonNode node = vectorField(name);
      out = new double[node.size()];
      for (int i = 0; i < out.length; i++) {
        note(problems, "[" + i + "]", Nodes.toDouble(node.get(i), out, i));
      }
    }
    problems.throwIfAny();
    return out;
  }

  /**
   * A column or one-dimensional field of integers (written without fraction or exponent).
   *
   * @param name the column or field
   * @return its values
   * @throws DataException if absent, or for missing values, non-integers ({@code 100.7}) or
   *     values outside the int range
   */
  public int[] ints(String name) {
    int[] out;
    Problems problems = problems(name);
    if (csv) {
      String[] col = column(name);
      out = new int[col.length];
      for (int i = 0; i < col.length; i++) {
        note(problems, i, Cells.toInt(col[i], out, i));
      }
    } else {
      JsonNode node = vectorField(name);
      out = new int[node.size()];
      for (int i = 0; i < out.length; i++) {
        note(problems, "[" + i + "]", Nodes.toInt(node.get(i), out, i));
      }
    }
    problems.throwIfAny();
    return out;
  }

  /**
   * A column or one-dimensional field of 0/1 labels ({@code 0}, {@code 1}, {@code true},
   * {@code false}), e.g. the outcome of a logistic regression.
   *
   * @param name the column or field
   * @return true for 1
   * @throws DataException if absent, or for missing values and anything else ({@code 0.7},
   *     {@code 2})
   */
  public boolean[] booleans(String name) {
    boolean[] out;
    Problems problems = problems(name);
    if (csv) {
      String[] col = column(name);
      out = new boolean[col.length];
      for (int i = 0; i < col.length; i++) {
        note(problems, i, Cells.toLabel(col[i], out, i));
      }
    } else {
      JsonNode node = vectorField(name);
      out = new boolean[node.size()];
      for (int i = 0; i < out.length; i++) {
        note(problems, "[" + i + "]", Nodes.toLabel(node.get(i), out, i));
      }
    }
    problems.throwIfAny();
    return out;
  }

  /**
   * A single number (a JSON field such as {@code "sigma": 1.5}).
   *
   * @param name the field
   * @return its value
   * @throws DataException if absent, not a single finite number, or the data is CSV
   */
  public double real(String name) {
    JsonNode node = scalarField(name);
    double[] out = new double[1];
    Problems problems = problems(name);
    note(problems, "value", Nodes.toDouble(node, out, 0));
    problems.throwIfAny();
    return out[0];
  }

  /**
   * A single integer (a JSON field such as {@code "J": 8}).
   *
   * @param name the field
   * @return its value
   * @throws DataException if absent, not a single integer, or the data is CSV
   */
  public int integer(String name) {
    JsonNode node = scalarField(name);
    int[] out = new int[1];
    Problems problems = problems(name);
    note(problems, "value", Nodes.toInt(node, out, 0));
    problems.throwIfAny();
    return out[0];
  }

  /**
   * A matrix: a JSON field of nested arrays (row by row, every row the same length), or for CSV
   * the columns {@code name.1 .. name.K} or {@code name[1] .. name[K]} (Stan's and R's ways of
   * writing a matrix's columns).
   *
   * @param name the field, or the common prefix of the CSV columns
   * @return the matrix as {@code [row][column]}
   * @throws DataException if absent, ragged, or any element is missing or not a finite number
   */
  public double[][] matrix(String name) {
    if (csv) {
      List<String> parts = matrixColumns(name);
      return columns(parts.toArray(new String[0]));
    }
    JsonNode node = field(name);
    if (!node.isArray()) {
      throw new DataException(source, "field '" + name + "'", "is " + Nodes.kind(node)
          + ", not a matrix (an array of rows)");
    }
    Problems problems = problems(name);
    double[][] out = new double[node.size()][];
    for (int i = 0; i < out.length; i++) {
      JsonNode row = node.get(i);
      if (!row.isArray()) {
        problems.add("[" + i + "]", "row is " + Nodes.kind(row) + ", not an array");
        out[i] = new double[0];
        continue;
      }
      if (row.size() != node.get(0).size()) {
        problems.add("[" + i + "]", "row has " + row.size() + " values but row 0 has "
            + node.get(0).size());
      }
      out[i] = new double[row.size()];
      for (int j = 0; j < row.size(); j++) {
        note(problems, "[" + i + "][" + j + "]", Nodes.toDouble(row.get(j), out[i], j));
      }
    }
    problems.throwIfAny();
    return out;
  }

  /**
   * Several columns (CSV) or equally long one-dimensional fields (JSON) side by side, e.g. the
   * predictors of a regression: {@code columns("x1", "x2")} is the N x 2 design matrix.
   *
   * @param names the columns, in the order wanted
   * @return the matrix as {@code [row][column]}
   * @throws DataException if any is absent, of another length, or has a bad value
   */
  public double[][] columns(String... names) {
    if (names.length == 0) {
      throw new IllegalArgumentException("columns: name at least one column");
    }
    double[][] byColumn = new double[names.length][];
    for (int k = 0; k < names.length; k++) {
      byColumn[k] = doubles(names[k]);
      if (byColumn[k].length != byColumn[0].length) {
        throw new DataException(source, "field '" + names[k] + "'", "has " + byColumn[k].length
            + " values but '" + names[0] + "' has " + byColumn[0].length);
      }
    }
    double[][] out = new double[byColumn[0].length][names.length];
    for (int i = 0; i < out.length; i++) {
      for (int k = 0; k < names.length; k++) {
        out[i][k] = byColumn[k][i];
      }
    }
    return out;
  }

  /**
   * A categorical column coded 1..K with the levels sorted: numerically when every label is an
   * integer, otherwise alphabetically (as R's {@code factor}).
   *
   * @param name the column, or a JSON array of strings or integers
   * @return the codes and level names
   * @throws DataException if absent or a value is missing
   */
  public Factor factor(String name) {
    String[] labels = labels(name);
    TreeSet<String> distinct = new TreeSet<>(Arrays.asList(labels));
    List<String> levels = new ArrayList<>(distinct);
    if (levels.stream().allMatch(s -> s.matches("[+-]?\\d{1,18}"))) {
      levels.sort((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
    }
    return code(name, labels, levels);
  }

  /**
   * A categorical column coded by the given level order: level {@code levels.get(k - 1)} is k.
   *
   * @param name the column, or a JSON array of strings or integers
   * @param levels every level, in code order
   * @return the codes and level names
   * @throws DataException if absent, a value is missing, or a value is not one of the levels
   */
  public Factor factor(String name, List<String> levels) {
    if (new HashSet<>(levels).size() != levels.size()) {
      throw new IllegalArgumentException("factor '" + name + "': repeated levels in " + levels);
    }
    return code(name, labels(name), levels);
  }

  /**
   * The rows of a CSV file that have a value in every one of the given columns (the others
   * dropped), keeping their line numbers for later messages.
   *
   * @param columns the columns that must not be missing
   * @return the complete rows
   * @throws DataException if a column is absent or the data is JSON
   */
  public Data withoutMissing(String... columns) {
    if (!csv) {
      throw new DataException(source, "", "withoutMissing applies to CSV rows, not JSON fields");
    }
    List<String[]> cols = Arrays.stream(columns).map(this::column).toList();
    Predicate<Integer> complete = i -> cols.stream().noneMatch(c -> Cells.isMissing(c[i]));
    int kept = 0;
    for (int i = 0; i < lines.length; i++) {
      kept += complete.test(i) ? 1 : 0;
    }
    String[][] outCells = new String[cells.length][kept];
    long[] outLines = new long[kept];
    int r = 0;
    for (int i = 0; i < lines.length; i++) {
      if (complete.test(i)) {
        for (int c = 0; c < cells.length; c++) {
          outCells[c][r] = cells[c][i];
        }
        outLines[r++] = lines[i];
      }
    }
    return new Data(source, names, outCells, outLines);
  }

  /** The source, the size and the names, e.g. {@code Data[radon.csv: 919 rows; county, y]}. */
  @Override
  public String toString() {
    if (csv) {
      return "Data[" + source + ": " + lines.length + " rows; " + String.join(", ", names) + "]";
    }
    List<String> parts = new ArrayList<>();
    fields.forEach((k, v) -> parts.add(v.isArray() ? k + "[" + v.size() + "]" : k));
    return "Data[" + source + ": " + String.join(", ", parts) + "]";
  }

  private Factor code(String name, String[] labels, List<String> levels) {
    Map<String, Integer> codeOf = new HashMap<>();
    for (int k = 0; k < levels.size(); k++) {
      codeOf.put(levels.get(k), k + 1);
    }
    Problems problems = problems(name);
    int[] codes = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      Integer c = codeOf.get(labels[i]);
      if (c == null) {
        note(problems, where(i), Problems.quote(labels[i]) + " is not one of the levels "
            + quoted(levels));
      } else {
        codes[i] = c;
      }
    }
    problems.throwIfAny();
    return new Factor(name, codes, levels);
  }

  private String[] labels(String name) {
    Problems problems = problems(name);
    String[] out;
    if (csv) {
      out = column(name).clone();
      for (int i = 0; i < out.length; i++) {
        if (Cells.isMissing(out[i])) {
          note(problems, i, "missing value" + (out[i].isEmpty() ? "" : " (" + out[i] + ")"));
        }
      }
    } else {
      JsonNode node = vectorField(name);
      out = new String[node.size()];
      for (int i = 0; i < out.length; i++) {
        note(problems, "[" + i + "]", Nodes.toLevel(node.get(i), out, i));
      }
    }
    problems.throwIfAny();
    return out;
  }

  private List<String> matrixColumns(String prefix) {
    for (String[] style : new String[][] {{".", ""}, {"[", "]"}}) {
      List<String> found = new ArrayList<>();
      for (int k = 1; names.contains(prefix + style[0] + k + style[1]); k++) {
        found.add(prefix + style[0] + k + style[1]);
      }
      if (!found.isEmpty()) {
        return found;
      }
    }
    throw new DataException(source, "", "no columns " + prefix + ".1, " + prefix + ".2, ... (or "
        + prefix + "[1], ...) for the matrix '" + prefix + "'; the columns are " + quoted(names));
  }

  private Problems problems(String name) {
    return new Problems(source, (csv ? "column '" : "field '") + name + "'");
  }

  private void note(Problems problems, int row, String problem) {
    if (problem != null) {
      problems.add(where(row), problem);
    }
  }

  private static void note(Problems problems, String where, String problem) {
    if (problem != null) {
      problems.add(where, problem);
    }
  }

  private String where(int row) {
    return csv ? "line " + lines[row] : "[" + row + "]";
  }

  private String[] column(String name) {
    int index = names.indexOf(name);
    if (!csv) {
      throw new IllegalStateException("not CSV");
    }
    if (index < 0) {
      throw new DataException(source, "", "no column " + Problems.quote(name) + "; the columns are "
          + quoted(names));
    }
    return cells[index];
  }

  private JsonNode field(String name) {
    JsonNode node = fields.get(name);
    if (node == null) {
      throw new DataException(source, "", "no field " + Problems.quote(name) + "; the fields are "
          + quoted(names));
    }
    return node;
  }

  private JsonNode vectorField(String name) {
    JsonNode node = field(name);
    if (!node.isArray() || (node.size() > 0 && node.get(0).isArray())) {
      throw new DataException(source, "field '" + name + "'", "is " + Nodes.kind(node)
          + ", not a one-dimensional array");
    }
    return node;
  }

  private JsonNode scalarField(String name) {
    if (csv) {
      throw new DataException(source, "", "a CSV file has columns, not single values; '" + name
          + "' cannot be read as one (use rows() for the number of rows)");
    }
    JsonNode node = field(name);
    if (node.isArray() || node.isObject()) {
      throw new DataException(source, "field '" + name + "'", "is " + Nodes.kind(node)
          + ", not a single value");
    }
    return node;
  }

  private static String quoted(List<String> names) {
    List<String> shown = names.size() > 20 ? names.subList(0, 20) : names;
    return "[" + String.join(", ", shown) + (names.size() > 20 ? ", ... (" + names.size()
        + " in all)" : "") + "]";
  }
}
