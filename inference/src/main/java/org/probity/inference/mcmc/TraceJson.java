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

  /** The stored values by address, in order. */
  public static Map<Address, Object> readValues(String json) {
    JsonNode root = parse(json);
    Map<Address, Object> values = new LinkedHashMap<>();
    for (JsonNode c : root.path("choices")) {
      values.put(Address.parse(c.path("address").asText()), decode(c));
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
    check("logPrior", number(root.path("logPrior")), t.logPrior());
    check("logLikelihood", number(root.path("logLikelihood")), t.logLikelihood());
    return t;
  }

  private static void check(String what, double stored, double replayed) {
    if (Double.compare(stored, replayed) != 0 && !(Math.abs(stored - replayed) <= 1e-9 * Math.max(1, Math.abs(stored)))) {
      throw new ProbityException("the JSON trace's " + what + " " + stored + " differs from the program's " + replayed
          + ": it is not a trace of this program");
    }
  }

  private static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new ProbityException("not a JSON trace: " + e.getOriginalMessage());
    }
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

  private static Object decode(JsonNode c) {
    String type = c.path("type").asText();
    JsonNode v = c.path("value");
    switch (type) {
      case "boolean":
        return v.asBoolean();
      case "integer":
        return v.asInt();
      case "real":
        return Real.of(number(v));
      case "real[]": {
        Real[] xs = new Real[v.size()];
        for (int i = 0; i < xs.length; i++) {
          xs[i] = Real.of(number(v.get(i)));
        }
        return xs;
      }
      case "integer[]": {
        int[] xs = new int[v.size()];
        for (int i = 0; i < xs.length; i++) {
          xs[i] = v.get(i).asInt();
        }
        return xs;
      }
      case "boolean[]": {
        boolean[] xs = new boolean[v.size()];
        for (int i = 0; i < xs.length; i++) {
          xs[i] = v.get(i).asBoolean();
        }
        return xs;
      }
      default:
        throw new ProbityException("unsupported value type '" + type + "' at " + c.path("address").asText());
    }
  }

  private static void number(ObjectNode o, String field, double x) {
    if (Double.isFinite(x)) {
      o.put(field, x);
    } else {
      o.put(field, Double.toString(x));
    }
  }

  private static double number(JsonNode n) {
    return n.isTextual() ? Double.parseDouble(n.asText()) : n.asDouble();
  }
}
