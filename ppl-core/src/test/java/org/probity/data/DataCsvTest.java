package org.probity.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data.csv: typed columns, factors, and every malformed input reported by file, line, column. */
class DataCsvTest {

  @TempDir
  Path dir;

  private Path file(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private Data csv(String text) throws Exception {
    return Data.csv(file("radon.csv", text));
  }

  private DataException fails(Data data, java.util.function.Consumer<Data> use) {
    return assertThrows(DataException.class, () -> use.accept(data));
  }

  @Test
  void readsTypedColumns() throws Exception {
    Data d = csv("county,floor,log_radon,basement\nAITKIN,1,0.83,true\n"
        + "\"ANOKA, MN\",0,1.25e0,0\n\nAITKIN, 0 ,-0.5,1\n");
    assertEquals(List.of("county", "floor", "log_radon", "basement"), d.names());
    assertEquals(3, d.rows());
    assertArrayEquals(new double[] {0.83, 1.25, -0.5}, d.doubles("log_radon"));
    assertArrayEquals(new int[] {1, 0, 0}, d.ints("floor"));
    assertArrayEquals(new boolean[] {true, false, true}, d.booleans("basement"));
    assertArrayEquals(new double[][] {{1, 0.83}, {0, 1.25}, {0, -0.5}},
        d.columns("floor", "log_radon"));
    assertTrue(d.toString().contains("3 rows"), d.toString());
  }

  @Test
  void factorsAreCodedOneToKWithTheLevelNamesKept() throws Exception {
    Data d = csv("county,g\nB,10\nA,2\nB,10\nC,1\n");
    Factor county = d.factor("county");
    assertArrayEquals(new int[] {2, 1, 2, 3}, county.codes());
    assertArrayEquals(new int[] {1, 0, 1, 2}, county.zeroBasedCodes());
    assertEquals(List.of("A", "B", "C"), county.levels());
    assertEquals(3, county.k());
    assertEquals("B", county.level(2));
    assertEquals(List.of("B", "A", "B", "C"), county.labels());
    // Integer labels sort numerically (10 after 2), as R's factor does.
    assertEquals(List.of("1", "2", "10"), d.factor("g").levels());
    Factor given = d.factor("county", List.of("C", "B", "A"));
    assertArrayEquals(new int[] {2, 3, 2, 1}, given.codes());
    DataException e = fails(d, x -> x.factor("county", List.of("A", "B")));
    assertTrue(e.getMessage().contains("line 5") && e.getMessage().contains("'C'"), e.getMessage());
  }

  @Test
  void matrixFromNumberedColumns() throws Exception {
    Data d = csv("y,X.1,X.2\n1,2,3\n4,5,6\n");
    assertArrayEquals(new double[][] {{2, 3}, {5, 6}}, d.matrix("X"));
    Data r = csv("y,X[1],X[2]\n1,2,3\n");
    assertArrayEquals(new double[][] {{2, 3}}, r.matrix("X"));
    DataException e = fails(d, x -> x.matrix("Z"));
    assertTrue(e.getMessage().contains("Z.1"), e.getMessage());
  }

  @Test
  void missingValuesAreReportedByFileLineAndColumn() throws Exception {
    Data d = csv("county,y\nA,1.5\nB,\nC,NA\nD,2\n");
    DataException e = fails(d, x -> x.doubles("y"));
    assertTrue(e.getMessage().startsWith(dir.resolve("radon.csv").toString()), e.getMessage());
    assertEquals("column 'y'", e.location());
    assertTrue(e.getMessage().contains("2 problems") && e.getMessage().contains("line 3: missing value")
        && e.getMessage().contains("line 4: missing value (NA)"), e.getMessage());
    Data complete = d.withoutMissing("y");
    assertArrayEquals(new double[] {1.5, 2}, complete.doubles("y"));
    assertEquals(List.of("A", "D"), complete.factor("county").levels());
  }

  @Test
  void badRowsAreReportedByLine() throws Exception {
    DataException e = assertThrows(DataException.class,
        () -> csv("a,b\n1,2\n3,4,5\n6\n7,8\n"));
    assertTrue(e.getMessage().contains("line 3: 3 values but the header has 2 columns")
        && e.getMessage().contains("line 4: 1 value but"), e.getMessage());
  }

  @Test
  void textNonFiniteAndOutOfRangeNumbersAreErrors() throws Exception {
    Data d = csv("y,n\nabc,1\nInf,2\n1e400,3\n0x10,4\n1d,5\n");
    DataException e = fails(d, x -> x.doubles("y"));
    String m = e.getMessage();
    assertTrue(m.contains("line 2: 'abc' is not a number") && m.contains("'Inf' is not a finite number")
        && m.contains("'1e400' is beyond the range") && m.contains("line 5: '0x10' is not a number")
        && m.contains("line 6: '1d' is not a number"), m);
  }

  @Test
  void anIntWithAFractionIsAnError() throws Exception {
    Data d = csv("n\n3\n100.7\n3000000001\n");
    DataException e = fails(d, x -> x.ints("n"));
    assertTrue(e.getMessage().contains("line 3: '100.7' is not an integer")
        && e.getMessage().contains("line 4: '3000000001' is outside the int range"), e.getMessage());
  }

  @Test
  void aLabelMustBeZeroOrOne() throws Exception {
    DataException e = fails(csv("y\n1\n0.7\n2\n"), x -> x.booleans("y"));
    assertTrue(e.getMessage().contains("line 3: '0.7' is not a 0/1 label")
        && e.getMessage().contains("line 4: '2' is not a 0/1 label"), e.getMessage());
  }

  @Test
  void unknownColumnsListTheRealOnes() throws Exception {
    Data d = csv("county,log_radon\nA,1\n");
    DataException e = fails(d, x -> x.doubles("log_radn"));
    assertTrue(e.getMessage().contains("no column 'log_radn'")
        && e.getMessage().contains("[county, log_radon]"), e.getMessage());
    e = fails(d, x -> x.requireOnly("county"));
    assertTrue(e.getMessage().contains("unknown column [log_radon]"), e.getMessage());
    d.requireOnly("county", "log_radon", "floor");
    assertThrows(DataException.class, () -> d.integer("county"));
  }

  @Test
  void headerProblemsAreErrors() {
    DataException dup = assertThrows(DataException.class, () -> csv("a,b,a\n1,2,3\n"));
    assertTrue(dup.getMessage().contains("malformed CSV"), dup.getMessage());
    assertThrows(DataException.class, () -> csv("a,,c\n1,2,3\n"));
    DataException empty = assertThrows(DataException.class, () -> csv(""));
    assertTrue(empty.getMessage().contains("no header"), empty.getMessage());
    assertThrows(DataException.class, () -> Data.csv(dir.resolve("absent.csv")));
  }

  @Test
  void commentLinesAreSkippedAndCounted() throws Exception {
    Data d = csv("# source: somewhere\n# two comment lines\nyear,n\n1851,4\n# note\n1852,x\n");
    assertEquals(List.of("year", "n"), d.names());
    DataException e = fails(d, x -> x.ints("n"));
    assertTrue(e.getMessage().contains("line 6: 'x' is not an integer"), e.getMessage());
  }

  @Test
  void aByteOrderMarkIsSkipped() throws Exception {
    Data d = csv("\uFEFFy\n1\n");
    assertEquals(List.of("y"), d.names());
    assertArrayEquals(new double[] {1}, d.doubles("y"));
  }

  @Test
  void aLongListOfProblemsIsShortened() throws Exception {
    StringBuilder text = new StringBuilder("y\n");
    for (int i = 0; i < 10_000; i++) {
      text.append("x\n");
    }
    DataException e = fails(csv(text.toString()), x -> x.doubles("y"));
    assertTrue(e.getMessage().contains("10000 problems, the first 5"), e.getMessage());
    assertTrue(e.getMessage().length() < 500, e.getMessage());
  }
}
