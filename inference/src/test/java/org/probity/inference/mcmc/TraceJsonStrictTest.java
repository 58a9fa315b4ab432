package org.probity.inference.mcmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.probity.core.Address;
import org.probity.data.DataException;

/**
 * TraceJson reads strictly (issue #14, item 7): "abc" was read as the integer 0 and 3000000001
 * as -1294967295; now every wrong or missing field is a {@link DataException} naming it.
 */
class TraceJsonStrictTest {
  private static String choice(String type, String value) {
    return "{\"choices\": [{\"address\": \"k\", \"distribution\": \"D\", \"type\": \"" + type + "\", \"value\": " + value
        + ", \"logDensity\": 0}], \"logPrior\": 0, \"logLikelihood\": 0, \"logJoint\": 0}";
  }

  private static void assertRefused(String json, String... words) {
    DataException e = assertThrows(DataException.class, () -> TraceJson.readValues(json));
    for (String w : words) {
      assertTrue(e.getMessage().contains(w), "the message does not name " + w + ": " + e.getMessage());
    }
    assertTrue(e.getMessage().length() < 4096, "message of " + e.getMessage().length() + " characters");
  }

  @Test
  void wrongValuesNameTheirField() {
    assertRefused(choice("integer", "\"abc\""), "'choices'[0].value", "integer", "abc");
    assertRefused(choice("integer", "3000000001"), "'choices'[0].value", "3000000001");
    assertRefused(choice("integer", "2.5"), "'choices'[0].value", "2.5");
    assertRefused(choice("real", "\"abc\""), "'choices'[0].value", "number");
    assertRefused(choice("real", "null"), "'choices'[0].value");
    assertRefused(choice("boolean", "1"), "'choices'[0].value", "true or false");
    assertRefused(choice("real[]", "[1, \"x\"]"), "'choices'[0].value[1]");
    assertRefused(choice("integer[]", "3"), "'choices'[0].value", "array");
    assertRefused(choice("complex", "1"), "'choices'[0].type", "complex");
    assertRefused("{\"choices\": [{\"type\": \"real\", \"value\": 1}]}", "'choices'[0].address");
    assertRefused("{\"choices\": 3}", "'choices'");
    assertRefused("[1, 2]", "JSON object");
    assertRefused("{\"choices\": [", "not JSON");
  }

  @Test
  void goodValuesAreRead() {
    Map<Address, Object> v = TraceJson.readValues(choice("integer", "2147483647"));
    assertEquals(Integer.MAX_VALUE, v.get(Address.of("k")));
    Map<Address, Object> inf = TraceJson.readValues(choice("real", "\"-Infinity\""));
    assertEquals(Double.NEGATIVE_INFINITY, ((org.probity.ad.Real) inf.get(Address.of("k"))).value());
  }
}
