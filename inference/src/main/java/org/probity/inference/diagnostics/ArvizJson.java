package org.probity.inference.diagnostics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.probity.inference.diagnostics.InvalidDrawsException.Reason;

/**
 * Exports {@link Draws} as JSON shaped like the keyword arguments of ArviZ's {@code az.from_dict}.
 *
 * <p>Output: {@code {"posterior": {name: array[chain][draw](...shape)}, "sample_stats": {...},
 * "observed_data": {...}, "attrs": {...}}}. Array elements {@code theta.1 .. theta.8} are grouped
 * into one variable {@code "theta"} of shape {@code [chain][draw][8]} (multi-index names such as
 * {@code a.2.3} into nested arrays, row-major); every element of the array must be present.
 * Sampler statistics are renamed to ArviZ's conventions ({@code lp__ -> lp},
 * {@code accept_stat__ -> acceptance_rate}, {@code stepsize__ -> step_size},
 * {@code treedepth__ -> tree_depth}, {@code n_leapfrog__ -> n_steps},
 * {@code divergent__ -> diverging}, {@code energy__ -> energy}; others lose the trailing
 * {@code __}). NaN and infinities are written as the bare tokens {@code NaN}/{@code Infinity},
 * which Python's {@code json} module reads. Load in Python with
 * {@code az.from_dict(**json.load(f))}.
 */
public final class ArvizJson {

  private static final Map<String, String> STAT_NAMES = Map.of("lp__", "lp", "accept_stat__",
      "acceptance_rate", "stepsize__", "step_size", "treedepth__", "tree_depth", "n_leapfrog__",
      "n_steps", "divergent__", "diverging", "energy__", "energy");

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();

  private ArvizJson() {}

  /** The {@code from_dict} arguments as nested maps and lists (before serialisation). */
  public static Map<String, Object> toMap(Draws draws, Map<String, ?> observedData,
      Map<String, ?> attrs) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("posterior", grouped(draws));
    Map<String, Object> stats = new LinkedHashMap<>();
    for (String name : draws.samplerStatNames()) {
      String arviz = STAT_NAMES.getOrDefault(name, name.substring(0, name.length() - 2));
      stats.put(arviz, chainsAsLists(draws.samplerStat(name)));
    }
    root.put("sample_stats", stats);
    root.put("observed_data", new LinkedHashMap<>(observedData));
    root.put("attrs", new LinkedHashMap<>(attrs));
    return Collections.unmodifiableMap(root);
  }

  /** The JSON text. */
  public static String toJson(Draws draws, Map<String, ?> observedData, Map<String, ?> attrs) {
    try {
      return MAPPER.writeValueAsString(toMap(draws, observedData, attrs));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the JSON text to {@code file}. */
  public static void write(Draws draws, Map<String, ?> observedData, Map<String, ?> attrs,
      Path file) throws IOException {
    Files.writeString(file, toJson(draws, observedData, attrs));
  }

  private static Map<String, Object> grouped(Draws draws) {
    Map<String, List<Integer>> columnsByBase = new LinkedHashMap<>();
    Map<String, int[]> shapeByBase = new LinkedHashMap<>();
    List<String> names = draws.parameterNames();
    for (int p = 0; p < names.size(); p++) {
      VariableName v = VariableName.parse(names.get(p));
      columnsByBase.computeIfAbsent(v.base(), k -> new ArrayList<>()).add(p);
      int[] shape = shapeByBase.computeIfAbsent(v.base(), k -> new int[v.indices().size()]);
      if (shape.length != v.indices().size()) {
        throw new InvalidDrawsException(Reason.INVALID_NAME, "'" + names.get(p)
            + "' has " + v.indices().size() + " indices but other elements of '" + v.base()
            + "' have " + shape.length);
      }
      for (int d = 0; d < shape.length; d++) {
        shape[d] = Math.max(shape[d], v.indices().get(d));
      }
    }
    double[][][] values = draws.values();
    Map<String, Object> out = new LinkedHashMap<>();
    columnsByBase.forEach((base, columns) -> {
      int[] shape = shapeByBase.get(base);
      int size = 1;
      for (int extent : shape) {
        size *= extent;
      }
      if (size != columns.size()) {
        throw new InvalidDrawsException(Reason.INVALID_NAME, "variable '" + base + "' has "
            + columns.size() + " elements but its indices span " + size);
      }
      // Row-major flat position of each column.
      int[] columnAt = new int[size];
      for (int column : columns) {
        List<Integer> idx = VariableName.parse(names.get(column)).indices();
        int flat = 0;
        for (int d = 0; d < shape.length; d++) {
          flat = flat * shape[d] + idx.get(d) - 1;
        }
        columnAt[flat] = column;
      }
      List<Object> chains = new ArrayList<>();
      for (double[][] chain : values) {
        List<Object> iterations = new ArrayList<>();
        for (double[] row : chain) {
          iterations.add(nest(row, columnAt, shape, 0, 0));
        }
        chains.add(iterations);
      }
      out.put(base, chains);
    });
    return out;
  }

  private static Object nest(double[] row, int[] columnAt, int[] shape, int dim, int offset) {
    if (dim == shape.length) {
      return row[columnAt[offset]];
    }
    List<Object> out = new ArrayList<>(shape[dim]);
    for (int i = 0; i < shape[dim]; i++) {
      out.add(nest(row, columnAt, shape, dim + 1, offset * shape[dim] + i));
    }
    return out;
  }

  private static List<List<Double>> chainsAsLists(double[][] x) {
    List<List<Double>> out = new ArrayList<>();
    for (double[] chain : x) {
      List<Double> draws = new ArrayList<>(chain.length);
      for (double v : chain) {
        draws.add(v);
      }
      out.add(draws);
    }
    return out;
  }
}
