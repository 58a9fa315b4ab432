package org.probity.inference.diagnostics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
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
 * Exports {@link Draws} as JSON shaped like the keyword arguments of ArviZ's {@code az.from_dict}
 * (load in Python with {@code az.from_dict(**json.load(f))}), built with {@link #builder}:
 *
 * <pre>{@code
 * ArvizJson.builder(result.draws())
 *     .dims("theta", "school").coords("school", List.of("A", "B", ...))
 *     .observedData("y", y).dims("y", "school")
 *     .logLikelihood(pointwise)          // y.1 .. y.J per draw, so az.loo works
 *     .write(Path.of("eight_schools.json"));
 * }</pre>
 *
 * <p>Groups: {@code posterior} ({@code name: [chain][draw](...shape)}), {@code sample_stats} (the
 * posterior draws' sampler statistics, renamed to ArviZ's conventions: {@code lp__ -> lp},
 * {@code accept_stat__ -> acceptance_rate}, {@code stepsize__ -> step_size},
 * {@code treedepth__ -> tree_depth}, {@code n_leapfrog__ -> n_steps},
 * {@code divergent__ -> diverging}, {@code energy__ -> energy}; others lose the trailing
 * {@code __}), {@code log_likelihood} (pointwise, one entry per observation and draw),
 * {@code posterior_predictive}, {@code observed_data}, and the {@code dims}, {@code coords} and
 * {@code attrs} arguments; groups that were not given are left out.
 *
 * <p>Array elements are grouped into one variable: {@code theta.1 .. theta.8} (or
 * {@code theta[1] ..}, or 0-based {@code theta[0] .. theta[7]}) into {@code "theta"} of shape
 * {@code [chain][draw][8]}, multi-index names into nested arrays, row-major. Whether a variable
 * counts from 0 or 1 is read off its smallest index; every element must be present, once. NaN and
 * infinities are written as the bare tokens {@code NaN}/{@code Infinity}, which Python's
 * {@code json} module reads. The text is compact unless {@link Builder#pretty} is asked for.
 * {@link #read} reads such a file back into one {@code Draws} per group.
 */
public final class ArvizJson {

  private static final Map<String, String> STAT_NAMES = Map.of("lp__", "lp", "accept_stat__",
      "acceptance_rate", "stepsize__", "step_size", "treedepth__", "tree_depth", "n_leapfrog__",
      "n_steps", "divergent__", "diverging", "energy__", "energy");

  private static final ObjectMapper COMPACT = JsonMapper.builder()
      .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS).build();
  private static final ObjectMapper PRETTY = JsonMapper.builder()
      .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
      .enable(SerializationFeature.INDENT_OUTPUT).build();
  private static final ObjectMapper READER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  /** The groups {@link #read} turns back into draws, in ArviZ's order. */
  private static final List<String> DRAW_GROUPS = List.of("posterior", "posterior_predictive",
      "log_likelihood", "sample_stats");

  private ArvizJson() {}

  /**
   * Starts an export of posterior draws (with their sampler statistics as {@code sample_stats}).
   *
   * @param posterior the posterior draws
   * @return a builder
   */
  public static Builder builder(Draws posterior) {
    return new Builder(posterior);
  }

  /** Collects the groups of one export; not thread-safe, reusable after {@link #toJson}. */
  public static final class Builder {
    private final Draws posterior;
    private Draws logLikelihood;
    private Draws posteriorPredictive;
    private boolean sampleStats = true;
    private boolean pretty;
    private final Map<String, Object> observed = new LinkedHashMap<>();
    private final Map<String, List<String>> dims = new LinkedHashMap<>();
    private final Map<String, List<?>> coords = new LinkedHashMap<>();
    private final Map<String, Object> attrs = new LinkedHashMap<>();

    private Builder(Draws posterior) {
      if (posterior == null) {
        throw new IllegalArgumentException("posterior draws must not be null");
      }
      this.posterior = posterior;
      attrs.put("inference_library", "probity");
    }

    /**
     * Names the array dimensions of a variable (in any group), e.g.
     * {@code dims("theta", "school")}.
     *
     * @param variable the variable's base name
     * @param dimNames one name per array dimension
     * @return this builder
     */
    public Builder dims(String variable, String... dimNames) {
      dims.put(variable, List.of(dimNames));
      return this;
    }

    /**
     * The labels along a named dimension, e.g. the school names.
     *
     * @param dim a dimension named in {@link #dims}
     * @param values one label per index
     * @return this builder
     */
    public Builder coords(String dim, List<?> values) {
      coords.put(dim, List.copyOf(values));
      return this;
    }

    /**
     * Adds an observed data variable: a number, an array ({@code double[]}, {@code int[]},
     * {@code boolean[]}, {@code double[][]}) or a list.
     *
     * @param name the variable's name (the same as its log-likelihood variable, for LOO)
     * @param value the data
     * @return this builder
     */
    public Builder observedData(String name, Object value) {
      observed.put(name, value);
      return this;
    }

    /**
     * Adds the pointwise log likelihood, one quantity per observation (e.g. {@code y.1 .. y.N})
     * with the posterior's chains and draws, as the {@code log_likelihood} group that
     * {@code az.loo} and {@code az.waic} read.
     *
     * @param pointwise log p(y_i | draw) per observation i
     * @return this builder
     */
    public Builder logLikelihood(Draws pointwise) {
      this.logLikelihood = sameShape(pointwise, "log_likelihood");
      return this;
    }

    /**
     * Adds the pointwise log likelihood of one observed variable given as
     * {@code [chain][draw][observation]}.
     *
     * @param variable the observed variable's name
     * @param pointwise log p(y_i | draw)
     * @return this builder
     */
    public Builder logLikelihood(String variable, double[][][] pointwise) {
      int n = pointwise.length == 0 || pointwise[0].length == 0 ? 0 : pointwise[0][0].length;
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= n; i++) {
        names.add(variable + "." + i);
      }
      return logLikelihood(Draws.of(names, pointwise));
    }

    /**
     * Adds posterior predictive draws (replicated data), with the posterior's chains and draws.
     *
     * @param draws the predictive draws
     * @return this builder
     */
    public Builder posteriorPredictive(Draws draws) {
      this.posteriorPredictive = sameShape(draws, "posterior_predictive");
      return this;
    }

    /**
     * Whether to write the posterior draws' sampler statistics as {@code sample_stats} (default
     * yes).
     *
     * @param include true to include them
     * @return this builder
     */
    public Builder sampleStats(boolean include) {
      this.sampleStats = include;
      return this;
    }

    /**
     * Adds an attribute (ArviZ copies attrs onto every group).
     *
     * @param key its name
     * @param value a string or number
     * @return this builder
     */
    public Builder attr(String key, Object value) {
      attrs.put(key, value);
      return this;
    }

    /**
     * Indented output instead of the compact default.
     *
     * @param on true for indented output
     * @return this builder
     */
    public Builder pretty(boolean on) {
      this.pretty = on;
      return this;
    }

    /**
     * The {@code from_dict} arguments as nested maps and lists (before serialisation).
     *
     * @return group name to content
     * @throws InvalidDrawsException if an array variable is incomplete, or dims and coords do not
     *     fit the variables
     */
    public Map<String, Object> toMap() {
      Map<String, Object> root = new LinkedHashMap<>();
      Map<String, int[]> shapes = new LinkedHashMap<>();
      root.put("posterior", grouped(posterior, shapes));
      if (posteriorPredictive != null) {
        root.put("posterior_predictive", grouped(posteriorPredictive, shapes));
      }
      if (logLikelihood != null) {
        root.put("log_likelihood", grouped(logLikelihood, shapes));
      }
      if (sampleStats && !posterior.samplerStatNames().isEmpty()) {
        Map<String, Object> stats = new LinkedHashMap<>();
        for (String name : posterior.samplerStatNames()) {
          String arviz = STAT_NAMES.getOrDefault(name, name.substring(0, name.length() - 2));
          stats.put(arviz, chainsAsLists(posterior.samplerStat(name)));
        }
        root.put("sample_stats", stats);
      }
      if (!observed.isEmpty()) {
        root.put("observed_data", new LinkedHashMap<>(observed));
        observed.forEach((name, value) -> shapes.putIfAbsent(name, shapeOf(value)));
      }
      checkDims(shapes);
      if (!coords.isEmpty()) {
        root.put("coords", new LinkedHashMap<>(coords));
      }
      if (!dims.isEmpty()) {
        root.put("dims", new LinkedHashMap<>(dims));
      }
      root.put("attrs", new LinkedHashMap<>(attrs));
      return Collections.unmodifiableMap(root);
    }

    /**
     * The JSON text, compact unless {@link #pretty} was asked for.
     *
     * @return the text
     */
    public String toJson() {
      try {
        return (pretty ? PRETTY : COMPACT).writeValueAsString(toMap());
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }

    /**
     * Writes the JSON text to a file.
     *
     * @param file the file (UTF-8)
     * @throws IOException if it cannot be written
     */
    public void write(Path file) throws IOException {
      Files.writeString(file, toJson());
    }

    private Draws sameShape(Draws draws, String group) {
      if (draws.numChains() != posterior.numChains()
          || draws.numIterations() != posterior.numIterations()) {
        throw new InvalidDrawsException(Reason.RAGGED_CHAINS, group + " has "
            + draws.numChains() + " chains x " + draws.numIterations() + " draws but the posterior"
            + " has " + posterior.numChains() + " x " + posterior.numIterations());
      }
      return draws;
    }

    private void checkDims(Map<String, int[]> shapes) {
      Map<String, Integer> extentOfDim = new LinkedHashMap<>();
      dims.forEach((variable, names) -> {
        int[] shape = shapes.get(variable);
        if (shape == null) {
          throw new InvalidDrawsException(Reason.INVALID_NAME, "dims for '" + variable
              + "', which is no variable; the variables are " + shapes.keySet());
        }
        if (shape.length != names.size()) {
          throw new InvalidDrawsException(Reason.INVALID_NAME, "dims " + names + " for '"
              + variable + "', which has " + shape.length + " array dimension(s)");
        }
        for (int d = 0; d < shape.length; d++) {
          extentOfDim.putIfAbsent(names.get(d), shape[d]);
        }
      });
      coords.forEach((dim, values) -> {
        Integer extent = extentOfDim.get(dim);
        if (extent == null) {
          throw new InvalidDrawsException(Reason.INVALID_NAME, "coords for '" + dim
              + "', which no dims name; the dims are " + extentOfDim.keySet());
        }
        if (extent != values.size()) {
          throw new InvalidDrawsException(Reason.INVALID_NAME, "coords for '" + dim + "' has "
              + values.size() + " labels but the dimension has " + extent + " entries");
        }
      });
    }
  }

  /**
   * Reads JSON written by this class back into one {@code Draws} per group present
   * ({@code posterior}, {@code posterior_predictive}, {@code log_likelihood},
   * {@code sample_stats}), with Stan's 1-based names ({@code theta.1}, {@code a.2.1}) in row-major
   * order.
   *
   * @param json the text
   * @return group name to draws, in ArviZ's group order
   * @throws InvalidDrawsException if a group is not arrays of [chain][draw](...shape) numbers
   */
  public static Map<String, Draws> read(String json) {
    JsonNode root;
    try {
      root = READER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidDrawsException(Reason.MALFORMED_CSV, "not JSON: " + e.getOriginalMessage());
    }
    Map<String, Draws> out = new LinkedHashMap<>();
    for (String group : DRAW_GROUPS) {
      JsonNode g = root.get(group);
      if (g == null) {
        continue;
      }
      List<String> names = new ArrayList<>();
      List<double[][]> columns = new ArrayList<>();
      g.fields().forEachRemaining(e -> flatten(group + "." + e.getKey(), e.getKey(),
          e.getValue(), names, columns));
      int chains = columns.isEmpty() ? 0 : columns.get(0).length;
      int iterations = chains == 0 ? 0 : columns.get(0)[0].length;
      double[][][] values = new double[chains][iterations][names.size()];
      for (int k = 0; k < names.size(); k++) {
        double[][] column = columns.get(k);
        if (column.length != chains || column[0].length != iterations) {
          throw new InvalidDrawsException(Reason.RAGGED_CHAINS, group + "." + names.get(k)
              + " has another number of chains or draws than " + names.get(0));
        }
        for (int c = 0; c < chains; c++) {
          for (int i = 0; i < iterations; i++) {
            values[c][i][k] = column[c][i];
          }
        }
      }
      out.put(group, Draws.of(names, values));
    }
    return Collections.unmodifiableMap(out);
  }

  private static void flatten(String where, String base, JsonNode variable, List<String> names,
      List<double[][]> columns) {
    if (!variable.isArray() || variable.size() == 0 || !variable.get(0).isArray()) {
      throw new InvalidDrawsException(Reason.RAGGED_CHAINS, where + " is not [chain][draw]...");
    }
    int chains = variable.size();
    int iterations = variable.get(0).size();
    // The element shape, from the first draw.
    List<Integer> shape = new ArrayList<>();
    for (JsonNode n = iterations == 0 ? null : variable.get(0).get(0); n != null && n.isArray();
        n = n.size() == 0 ? null : n.get(0)) {
      shape.add(n.size());
    }
    int size = shape.stream().reduce(1, (a, b) -> a * b);
    int start = columns.size();
    int[] index = new int[shape.size()];
    for (int e = 0; e < size; e++) {
      int rest = e;
      for (int d = shape.size() - 1; d >= 0; d--) {
        index[d] = rest % shape.get(d) + 1;
        rest /= shape.get(d);
      }
      names.add(VariableName.stanName(base, index));
      columns.add(new double[chains][iterations]);
    }
    for (int c = 0; c < chains; c++) {
      if (variable.get(c).size() != iterations) {
        throw new InvalidDrawsException(Reason.RAGGED_CHAINS, where + " chain " + c + " has "
            + variable.get(c).size() + " draws but chain 0 has " + iterations);
      }
      for (int i = 0; i < iterations; i++) {
        double[] flat = new double[size];
        int[] filled = {0};
        leaves(variable.get(c).get(i), shape, 0, flat, filled, where);
        if (filled[0] != size) {
          throw new InvalidDrawsException(Reason.RAGGED_CHAINS, where + " draw " + i + " of chain "
              + c + " has " + filled[0] + " elements but the first draw has " + size);
        }
        for (int e = 0; e < size; e++) {
          columns.get(start + e)[c][i] = flat[e];
        }
      }
    }
  }

  private static void leaves(JsonNode n, List<Integer> shape, int dim, double[] flat,
      int[] filled, String where) {
    if (dim == shape.size()) {
      if (!n.isNumber()) {
        throw new InvalidDrawsException(Reason.NON_FINITE, where + ": " + n + " is not a number");
      }
      if (filled[0] < flat.length) {
        flat[filled[0]] = n.doubleValue();
      }
      filled[0]++;
      return;
    }
    if (!n.isArray() || n.size() != shape.get(dim)) {
      throw new InvalidDrawsException(Reason.RAGGED_CHAINS, where + ": ragged array " + n);
    }
    for (JsonNode child : n) {
      leaves(child, shape, dim + 1, flat, filled, where);
    }
  }

  /** Groups array elements into nested lists per variable; records each variable's shape. */
  private static Map<String, Object> grouped(Draws draws, Map<String, int[]> shapes) {
    Map<String, List<Integer>> columnsByBase = new LinkedHashMap<>();
    List<String> names = draws.parameterNames();
    List<VariableName> parsed = new ArrayList<>();
    for (int p = 0; p < names.size(); p++) {
      VariableName v = VariableName.parse(names.get(p));
      parsed.add(v);
      columnsByBase.computeIfAbsent(v.base(), k -> new ArrayList<>()).add(p);
    }
    double[][][] values = draws.values();
    Map<String, Object> out = new LinkedHashMap<>();
    columnsByBase.forEach((base, columns) -> {
      int rank = parsed.get(columns.get(0)).indices().size();
      int origin = Integer.MAX_VALUE;
      int[] max = new int[rank];
      for (int column : columns) {
        List<Integer> idx = parsed.get(column).indices();
        if (idx.size() != rank) {
          throw new InvalidDrawsException(Reason.INVALID_NAME, "'" + names.get(column) + "' has "
              + idx.size() + " indices but other elements of '" + base + "' have " + rank);
        }
        for (int d = 0; d < rank; d++) {
          origin = Math.min(origin, idx.get(d));
          max[d] = Math.max(max[d], idx.get(d));
        }
      }
      if (rank > 0 && origin > 1) {
        throw new InvalidDrawsException(Reason.INVALID_NAME, "variable '" + base + "' has no index"
            + " 0 or 1 (its smallest is " + origin + "): elements are missing");
      }
      int[] shape = new int[rank];
      long span = 1;
      for (int d = 0; d < rank; d++) {
        shape[d] = max[d] - origin + 1;
        span *= shape[d];
        if (span > columns.size()) {
          throw new InvalidDrawsException(Reason.INVALID_NAME, "variable '" + base + "' has "
              + columns.size() + " elements but its indices span more: elements are missing");
        }
      }
      int size = (int) span;
      // Row-major flat position of each column.
      int[] columnAt = new int[size];
      boolean[] seen = new boolean[size];
      for (int column : columns) {
        List<Integer> idx = parsed.get(column).indices();
        int flat = 0;
        for (int d = 0; d < rank; d++) {
          flat = flat * shape[d] + idx.get(d) - origin;
        }
        if (seen[flat]) {
          throw new InvalidDrawsException(Reason.INVALID_NAME, "'" + names.get(column)
              + "' is the same element of '" + base + "' as '" + names.get(columnAt[flat]) + "'");
        }
        seen[flat] = true;
        columnAt[flat] = column;
      }
      if (size != columns.size()) {
        throw new InvalidDrawsException(Reason.INVALID_NAME, "variable '" + base + "' has "
            + columns.size() + " elements but its indices span " + size);
      }
      shapes.putIfAbsent(base, shape);
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

  /** The array shape of an observed value (empty for a number). */
  private static int[] shapeOf(Object value) {
    List<Integer> shape = new ArrayList<>();
    Object v = value;
    while (true) {
      if (v != null && v.getClass().isArray()) {
        int n = java.lang.reflect.Array.getLength(v);
        shape.add(n);
        v = n == 0 ? null : java.lang.reflect.Array.get(v, 0);
      } else if (v instanceof List<?> list) {
        shape.add(list.size());
        v = list.isEmpty() ? null : list.get(0);
      } else {
        break;
      }
    }
    return shape.stream().mapToInt(Integer::intValue).toArray();
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
