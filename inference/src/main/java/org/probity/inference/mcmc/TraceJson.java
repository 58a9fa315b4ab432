package org.probity.inference.mcmc;

import org.probity.trace.Values;

import org.probity.trace.Traces;

import org.probity.trace.Choice;

import org.probity.trace.Trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.probity.ad.Real;
import org.probity.core.Address;
import org.probity.core.Prob;
import org.probity.core.ProbityException;
import org.probity.core.Weights;
import org.probity.data.DataException;

/**
 * Traces to and from JSON (Jackson). The document is
 * <pre>{"choices": [{"address": "beta[0]", "distribution": "Normal(0.0, 1.0)", "type": "real",
 *   "value": 0.3, "logDensity": -0.96}, ...], "output": {"type": "integer", "value": 2},
 *   "logPrior": ..., "logLikelihood": ..., "logJoint": ...}</pre>
 * Supported value types: {@code boolean}, {@code integer} (Integer), {@code real} (Real or Double,
 * read back as Real), {@code real[]} (Real[] or double[], read back as Real[], the type of a
 * vector-valued site), {@code integer[]} (int[]) and {@code boolean[]}.
 * Non-finite numbers are written as the strings "NaN", "Infinity", "-Infinity". An output of
 * another type is written as {@code {"type": "string", "value": toString()}} and a choice of another
 * type is an error. The distribution is written by name only: reading a trace back needs its
 * program ({@link #read}), which is replayed at the stored values and must give the stored log
 * densities.
 */
public final class TraceJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private TraceJson() {
  }

  /** The trace as a JSON document. */
  public static String write(Trace<?> trace) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode cs = root.putArray("choices");
    for (Choice c : trace.choices().values()) {
      ObjectNode o = cs.addObject();
      o.put("address", c.address().toString());
      o.put("distribution", c.dist().name());
      ObjectNode v = encode(c.value());
      if (v == null) {
        throw new ProbityException("cannot write the value at " + c.address() + " to JSON: values of type "
            + c.value().getClass().getName() + " are not supported (booleans, integers, reals and their arrays are)");
      }
      o.setAll(v);
      number(o, "logDensity", c.logDensity());
    }
    ObjectNode out = encode(trace.output());
    root.set("output", out != null ? out : MAPPER.createObjectNode().put("type", "string").put("value", String.valueOf(trace.output())));
    number(root, "logPrior", trace.logPrior());
    number(root, "logLikelihood", trace.logLikelihood());
    number(root, "logJoint", trace.logJoint());
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new ProbityException("cannot write trace to JSON: " + e.getMessage());
    }
  }

  /**
   * The stored values by address, in order. Reading is strict: every field must be present with
   * its type (an integer that fits an int, a number or "NaN"/"Infinity"/"-Infinity" for a real,
   * true or false for a boolean), and an error names the field ({@link DataException}).
   */
  public static Map<Address, Object> readValues(String json) {
    JsonNode root = parse(json);
    JsonNode choices = root.get("choices");
    if (choices == null || !choices.isArray()) {
      throw bad("field 'choices'", "expected an array of choices, got " + brief(choices));
    }
    Map<Address, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < choices.size(); i++) {
      JsonNode c = choices.get(i);
      String where = "field 'choices'[" + i + "]";
      if (!c.isObject()) {
        throw bad(where, "expected an object, got " + brief(c));
      }
      JsonNode a = c.get("address");
      if (a == null || !a.isTextual()) {
        throw bad(where + ".address", "expected a string, got " + brief(a));
      }
      Address address;
      try {
        address = Address.parse(a.asText());
      } catch (RuntimeException e) {
        throw bad(where + ".address", "not an address: " + Weights.briefly(e.getMessage()));
      }
      if (values.put(address, decode(c, where)) != null) {
        throw bad(where + ".address", "the address " + address + " occurs twice");
      }
    }
    return values;
  }

  /**
   * Reads a trace of {@code program}: replays the program at the stored values and checks the
   * stored log prior and log likelihood (to 1e-9, relative) against the replay.
   */
  public static <A> Trace<A> read(String json, Prob<A> program) {
    JsonNode root = parse(json);
    Trace<A> t = Traces.replay(program, readValues(json));
    check("logPrior", number(root.get("logPrior"), "field 'logPrior'"), t.logPrior());
    check("logLikelihood", number(root.get("logLikelihood"), "field 'logLikelihood'"), t.logLikelihood());
    return t;
  }

  private static void check(String what, double stored, double replayed) {
    if (Double.compare(stored, replayed) != 0 && !(Math.abs(stored - replayed) <= 1e-9 * Math.max(1, Math.abs(stored)))) {
      throw new ProbityException("the JSON trace's " + what + " " + stored + " differs from the program's " + replayed
          + ": it is not a trace of this program");
    }
  }

  private static JsonNode parse(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw bad("", "not JSON: " + Weights.briefly(e.getOriginalMessage()));
    }
    if (root == null || !root.isObject()) {
      throw bad("", "expected a JSON object, got " + brief(root));
    }
    return root;
  }

  private static DataException bad(String where, String problem) {
    return new DataException("JSON trace", where, problem);
  }

  private static String brief(JsonNode n) {
    return n == null || n.isMissingNode() ? "nothing" : Weights.briefly(n.toString());
  }

  private static ObjectNode encode(Object v) {
    ObjectNode o = MAPPER.createObjectNode();
    if (v instanceof Boolean b) {
      o.put("type", "boolean").put("value", b);
    } else if (v instanceof Integer i) {
      o.put("type", "integer").put("value", i);
    } else if (v instanceof Real || v instanceof Double) {
      o.put("type", "real");
      number(o, "value", Values.scalar(v));
    } else if (v instanceof double[] || v instanceof Real[]) {
      o.put("type", "real[]");
      ArrayNode a = o.putArray("value");
      for (double x : v instanceof Real[] rs ? Real.values(rs) : (double[]) v) {
        if (Double.isFinite(x)) {
          a.add(x);
        } else {
          a.add(Double.toString(x));
        }
      }
    } else if (v instanceof int[] xs) {
      o.put("type", "integer[]");
      ArrayNode a = o.putArray("value");
      for (int x : xs) {
        a.add(x);
      }
    } else if (v instanceof boolean[] xs) {
      o.put("type", "boolean[]");
      ArrayNode a = o.putArray("value");
      for (boolean x : xs) {
        a.add(x);
      }
    } else {
      return null;
    }
    return o;
  }

  private static Object decode(JsonNode c, String where) {
    JsonNode t = c.get("type");
    if (t == null || !t.isTextual()) {
      throw bad(where + ".type", "expected a string, got " + brief(t));
    }
    String type = t.asText();
    JsonNode v = c.get("value");
    String at = where + ".value";
    if (v == null) {
      throw bad(at, "missing");
    }
    switch (type) {
      case "boolean":
        return bool(v, at);
      case "integer":
        return integer(v, at);
      case "real":
        return Real.of(number(v, at));
      case "real[]": {
        Real[] xs = new Real[array(v, at).size()];
        for (int i = 0; i < xs.length; i++) {
          xs[i] = Real.of(number(v.get(i), at + "[" + i + "]"));
        }
        return xs;
      }
      case "integer[]": {
        int[] xs = new int[array(v, at).size()];
        for (int i = 0; i < xs.length; i++) {
          xs[i] = integer(v.get(i), at + "[" + i + "]");
        }
        return xs;
      }
      case "boolean[]": {
        boolean[] xs = new boolean[array(v, at).size()];
        for (int i = 0; i < xs.length; i++) {
          xs[i] = bool(v.get(i), at + "[" + i + "]");
        }
        return xs;
      }
      default:
        throw bad(where + ".type", "unsupported value type " + Weights.briefly(type)
            + " (boolean, integer, real, real[], integer[], boolean[])");
    }
  }

  private static JsonNode array(JsonNode v, String at) {
    if (!v.isArray()) {
      throw bad(at, "expected an array, got " + brief(v));
    }
    return v;
  }

  private static boolean bool(JsonNode v, String at) {
    if (!v.isBoolean()) {
      throw bad(at, "expected true or false, got " + brief(v));
    }
    return v.booleanValue();
  }

  private static int integer(JsonNode v, String at) {
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw bad(at, "expected an integer between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE + ", got "
          + brief(v));
    }
    return v.intValue();
  }

  private static void number(ObjectNode o, String field, double x) {
    if (Double.isFinite(x)) {
      o.put(field, x);
    } else {
      o.put(field, Double.toString(x));
    }
  }

  private static double number(JsonNode n, String at) {
    if (n != null && n.isNumber()) {
      return n.doubleValue();
    }
    if (n != null && n.isTextual()) {
      switch (n.asText()) {
        case "NaN":
          return Double.NaN;
        case "Infinity":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
          return Double.NEGATIVE_INFINITY;
        default:
          break;
      }
    }
    throw bad(at, "expected a number (or \"NaN\", \"Infinity\", \"-Infinity\"), got " + brief(n));
  }
}
