package org.probity.data;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * A CSV file parsed by Apache Commons CSV (RFC 4180 quoting, header line, blank lines and lines
 * starting with {@code #} skipped, values trimmed) into columns of text cells with the file line of each row. Rows with another
 * number of values than the header are reported together, by line.
 *
 * @param names the column names, from the header
 * @param cells {@code [column][row]}
 * @param lines the file line of each row (of its last line, for a quoted value spanning lines)
 */
record CsvTable(List<String> names, String[][] cells, long[] lines) {

  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
      .setHeader()
      .setSkipHeaderRecord(true)
      .setIgnoreEmptyLines(true)
      .setCommentMarker('#')
      .setTrim(true)
      .setAllowMissingColumnNames(false)
      .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
      .get();

  static CsvTable read(Reader in, String source) {
    List<String> names;
    List<String[]> rows = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    Problems badRows = new Problems(source, "");
    long line = 0;
    try (CSVParser parser = CSVParser.parse(Bom.skip(in), FORMAT)) {
      names = parser.getHeaderNames();
      if (names.isEmpty()) {
        throw new DataException(source, "", "no header line naming the columns");
      }
      for (CSVRecord record : parser) {
        line = parser.getCurrentLineNumber();
        if (record.size() != names.size()) {
          badRows.add("line " + line, record.size() + " value" + (record.size() == 1 ? "" : "s")
              + " but the header has " + names.size() + " columns");
          continue;
        }
        rows.add(record.values());
        lines.add(line);
      }
    } catch (IOException | UncheckedIOException e) {
      throw new DataException(source, line == 0 ? "" : "after line " + line,
          "malformed CSV: " + firstLine(e.getMessage()));
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new DataException(source, line == 0 ? "header" : "after line " + line,
          "malformed CSV: " + firstLine(e.getMessage()));
    }
    badRows.throwIfAny();
    String[][] cells = new String[names.size()][rows.size()];
    long[] lineArray = new long[rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < names.size(); c++) {
        cells[c][r] = rows.get(r)[c];
      }
      lineArray[r] = lines.get(r);
    }
    return new CsvTable(names, cells, lineArray);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    String first = message.lines().findFirst().orElse(message);
    int hint = first.indexOf(". If this is valid");
    first = hint < 0 ? first : first.substring(0, hint);
    return first.length() > 200 ? first.substring(0, 197) + "..." : first;
  }
}
