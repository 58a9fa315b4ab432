package org.probity.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** StrictJson.read: one test per rule; each names the source and the field. */
class StrictJsonTest {

  /** Eight-schools-like data, validated in its constructor. */
  record Schools(@JsonProperty("J") int j, @JsonProperty("y") double[] y,
      @JsonProperty("sigma") double[] sigma, @JsonProperty("won") int[] won) {
    Schools {
      StrictJson.checkLength("y", y.length, "J", j);
      StrictJson.checkLength("sigma", sigma.length, "J", j);
      StrictJson.checkRange("won", java.util.Arrays.stream(won).asDoubleStream().toArray(), 0, 1);
    }
  }

  private static Schools read(String json) {
    return StrictJson.read(new StringReader(json), "schools.json", Schools.class);
  }

  private static String fails(String json) {
    DataException e = assertThrows(DataException.class, () -> read(json));
    assertTrue(e.getMessage().startsWith("schools.json"), e.getMessage());
    assertTrue(e.getMessage().length() < 400, e.getMessage());
    return e.getMessage();
  }

  @Test
  void readsValidData() {
    Schools s = read("{\"J\": 2, \"y\": [1, 2.5], \"sigma\": [3, 4], \"won\": [0, 1]}");
    assertEquals(2, s.j());
    assertArrayEquals(new double[] {1, 2.5}, s.y());
  }

  @Test
  void unknownField() {
    String m = fails("{\"J\": 2, \"y\": [1, 2], \"sigma\": [3, 4], \"won\": [0, 1], \"sgima\": 1}");
    assertTrue(m.contains("sgima"), m);
  }

  @Test
  void missingField() {
    String m = fails("{\"y\": [1, 2], \"sigma\": [3, 4], \"won\": [0, 1]}");
    assertTrue(m.contains("'J'"), m);
  }

  @Test
  void nullValue() {
    assertTrue(fails("{\"J\": null, \"y\": [1, 2], \"sigma\": [3, 4], \"won\": [0, 1]}")
        .contains("J"));
    String m = fails("{\"J\": 2, \"y\": [1, null], \"sigma\": [3, 4], \"won\": [0, 1]}");
    assertTrue(m.contains("field 'y'[1]"), m);
  }

  @Test
  void fractionForAnInt() {
    String m = fails("{\"J\": 2, \"y\": [1, 2], \"sigma\": [3, 4], \"won\": [0, 1.7]}");
    assertTrue(m.contains("field 'won'[1]"), m);
    assertTrue(fails("{\"J\": 2.0, \"y\": [1, 2], \"sigma\": [3, 4], \"won\": [0, 1]}")
        .contains("field 'J'"));
  }

  @Test
  void labelOutOfRange() {
    String m = fails("{\"J\": 2, \"y\": [1, 2], \"sigma\": [3, 4], \"won\": [0, 2]}");
    assertTrue(m.contains("field 'won'[1] = 2.0 is outside [0.0, 1.0]"), m);
  }

  @Test
  void extraValues() {
    String m = fails("{\"J\": 2, \"y\": [1, 2, 3], \"sigma\": [3, 4], \"won\": [0, 1]}");
    assertTrue(m.contains("field 'y' has 3 values but 'J' = 2"), m);
  }

  @Test
  void nonFiniteNumber() {
    String m = fails("{\"J\": 2, \"y\": [1, 1e400], \"sigma\": [3, 4], \"won\": [0, 1]}");
    assertTrue(m.contains("field 'y'[1]") && m.contains("not a finite"), m);
    m = fails("{\"J\": 2, \"y\": [1, \"NaN\"], \"sigma\": [3, 4], \"won\": [0, 1]}");
    assertTrue(m.contains("field 'y'[1]"), m);
  }

  @Test
  void stringForANumber() {
    String m = fails("{\"J\": \"2\", \"y\": [1, 2], \"sigma\": [3, 4], \"won\": [0, 1]}");
    assertTrue(m.contains("field 'J'"), m);
  }

  @Test
  void trailingContentAndDuplicateKeys() {
    fails("{\"J\": 2, \"y\": [1, 2], \"sigma\": [3, 4], \"won\": [0, 1]} {}");
    fails("{\"J\": 2, \"J\": 2, \"y\": [1, 2], \"sigma\": [3, 4], \"won\": [0, 1]}");
  }
}
