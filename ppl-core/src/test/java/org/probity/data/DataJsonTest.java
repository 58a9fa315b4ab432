package org.probity.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data.json in Stan's data layout: scalars, arrays, matrices, and the strict rules. */
class DataJsonTest {

  @TempDir
  Path dir;

  private Data json(String text) throws Exception {
    Path p = dir.resolve("schools.json");
    Files.writeString(p, text);
    return Data.json(p);
  }

  private static String fails(Data d, Consumer<Data> use) {
    return assertThrows(DataException.class, () -> use.accept(d)).getMessage();
  }

  @Test
  void readsStanDataJson() throws Exception {
    Data d = json("""
        {"J": 3, "y": [28, 8.5, -3], "sigma": [15, 10, 16], "X": [[1, 2], [3, 4], [5, 6]],
         "tau": 1.5, "school": ["A", "B", "A"], "g": [2, 1, 2], "won": [1, 0, true]}
        """);
    assertEquals(3, d.integer("J"));
    assertEquals(1.5, d.real("tau"));
    assertEquals(3.0, d.real("J"));
    assertArrayEquals(new double[] {28, 8.5, -3}, d.doubles("y"));
    assertArrayEquals(new int[] {15, 10, 16}, d.ints("sigma"));
    assertArrayEquals(new double[][] {{1, 2}, {3, 4}, {5, 6}}, d.matrix("X"));
    assertArrayEquals(new boolean[] {true, false, true}, d.booleans("won"));
    assertEquals(List.of("A", "B"), d.factor("school").levels());
    assertArrayEquals(new int[] {1, 2, 1}, d.factor("school").codes());
    assertArrayEquals(new int[] {2, 1, 2}, d.factor("g").codes());
    assertEquals(3, d.size("y"));
    assertArrayEquals(new double[][] {{28, 15}, {8.5, 10}, {-3, 16}}, d.columns("y", "sigma"));
    assertTrue(d.toString().contains("y[3]"), d.toString());
  }

  @Test
  void aMissingFieldIsAnErrorListingTheFields() throws Exception {
    String m = fails(json("{\"y\": [1]}"), d -> d.integer("J"));
    assertTrue(m.contains("schools.json") && m.contains("no field 'J'") && m.contains("[y]"), m);
  }

  @Test
  void unknownFieldsAreRejectedOnRequest() throws Exception {
    String m = fails(json("{\"J\": 1, \"sgima\": [1]}"), d -> d.requireOnly("J", "sigma"));
    assertTrue(m.contains("unknown field [sgima]") && m.contains("expected only [J, sigma]"), m);
  }

  @Test
  void nullIsAMissingValue() throws Exception {
    Data d = json("{\"y\": [1, null, 3], \"J\": null}");
    String m = fails(d, x -> x.doubles("y"));
    assertTrue(m.contains("field 'y'") && m.contains("[1]: null (a missing value)"), m);
    assertTrue(fails(d, x -> x.integer("J")).contains("null"));
  }

  @Test
  void aFractionIsNotAnInt() throws Exception {
    Data d = json("{\"J\": 100.7, \"n\": [1, 2.0, 3000000001]}");
    assertTrue(fails(d, x -> x.integer("J")).contains("100.7 is not an integer"));
    String m = fails(d, x -> x.ints("n"));
    assertTrue(m.contains("[1]: 2.0 is not an integer")
        && m.contains("[2]: 3000000001 is outside the int range"), m);
  }

  @Test
  void aLabelMustBeZeroOrOne() throws Exception {
    String m = fails(json("{\"y\": [1, 0.7, 0, 2]}"), d -> d.booleans("y"));
    assertTrue(m.contains("[1]: 0.7 is not a 0/1 label") && m.contains("[3]: 2 is not"), m);
  }

  @Test
  void nonFiniteNumbersAreErrors() throws Exception {
    String m = fails(json("{\"y\": [1, 1e400, \"NaN\", \"Inf\"]}"), d -> d.doubles("y"));
    assertTrue(m.contains("[1]: Infinity is not a finite double")
        && m.contains("[2]: \"NaN\" is not a number"), m);
    DataException bare = assertThrows(DataException.class, () -> json("{\"y\": [NaN]}"));
    assertTrue(bare.getMessage().contains("line 1"), bare.getMessage());
  }

  @Test
  void shapesAreChecked() throws Exception {
    Data d = json("{\"X\": [[1, 2], [3]], \"y\": [[1]], \"s\": 2, \"v\": [1, 2]}");
    assertTrue(fails(d, x -> x.matrix("X")).contains("[1]: row has 1 values but row 0 has 2"));
    assertTrue(fails(d, x -> x.doubles("y")).contains("not a one-dimensional array"));
    assertTrue(fails(d, x -> x.doubles("s")).contains("is a single value"));
    assertTrue(fails(d, x -> x.real("v")).contains("not a single value"));
    assertTrue(fails(d, Data::rows).contains("JSON data has fields"));
  }

  @Test
  void malformedJsonIsAnErrorWithItsPlace() {
    for (String text : new String[] {"{\"a\": 1, \"a\": 2}", "{\"a\": 1} {\"b\": 2}", "[1, 2]",
        "{\"a\": [1, 2}", "{\"a\": 1 // comment\n}", ""}) {
      DataException e = assertThrows(DataException.class, () -> json(text), text);
      assertTrue(e.getMessage().startsWith(dir.resolve("schools.json").toString()), e.getMessage());
      assertTrue(e.getMessage().length() < 400, e.getMessage());
    }
  }

  @Test
  void aByteOrderMarkIsSkipped() throws Exception {
    assertEquals(2, json("\uFEFF{\"J\": 2}").integer("J"));
  }
}
