package org.probity.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The bench command: {@code probity bench [workload...] [--data-dir DIR] [--json] [--repeats N]
 * [--warmup N] [--sizes S1,S2] [--quick] [--seed S]}. Prints a table, or with {@code --json} one
 * JSON object per line. Run it with a fixed heap ({@code -Xms2g -Xmx2g}), since a growing heap
 * makes the runs slower and noisier (docs/BENCHMARKS.md, "How to run").
 */
public final class BenchMain {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);

  private BenchMain() {
  }

  /** Entry point. */
  public static void main(String[] args) {
    Bench.Options o;
    try {
      o = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("bench: " + e.getMessage());
      System.err.println(usage());
      System.exit(2);
      return;
    }
    if (o == null) {
      System.out.println(usage());
      return;
    }
    PrintStream out = System.out;
    PrintStream log = System.err;
    log.println("bench: " + machine());
    List<Map<String, Object>> rows = Bench.run(o, log, row -> {
      if (o.json()) {
        out.println(json(row));
        out.flush();
      }
    });
    if (!o.json()) {
      out.println(Table.render(rows));
    }
  }

  /** The options, or null when help was asked for. */
  static Bench.Options parse(String[] args) {
    List<String> workloads = new ArrayList<>();
    Path dataDir = null;
    boolean json = false;
    boolean quick = false;
    Integer repeats = null;
    Integer warmup = null;
    List<String> sizes = List.of();
    long seed = 1;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "-h", "--help" -> {
          return null;
        }
        case "--json" -> json = true;
        case "--quick" -> quick = true;
        case "--data-dir" -> {
          dataDir = Path.of(value(args, ++i, a));
          if (!Files.isDirectory(dataDir)) {
            throw new IllegalArgumentException("--data-dir " + dataDir + " is not a directory");
          }
        }
        case "--repeats" -> repeats = positive(value(args, ++i, a), a, 1);
        case "--warmup" -> warmup = positive(value(args, ++i, a), a, 0);
        case "--sizes" -> sizes = List.of(value(args, ++i, a).split(","));
        case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
        default -> {
          if (a.startsWith("-")) {
            throw new IllegalArgumentException("unknown option " + a);
          }
          if (!Workloads.all().containsKey(a)) {
            throw new IllegalArgumentException("unknown workload '" + a + "'; known: "
                + String.join(", ", Workloads.all().keySet()));
          }
          workloads.add(a);
        }
      }
    }
    return new Bench.Options(workloads, dataDir, json, repeats != null ? repeats : quick ? 3 : 5,
        warmup != null ? warmup : quick ? 1 : 2, sizes, quick, seed);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static int positive(String s, String option, int min) {
    int v;
    try {
      v = Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs an integer, got " + s);
    }
    if (v < min) {
      throw new IllegalArgumentException(option + " must be at least " + min + ", got " + v);
    }
    return v;
  }

  static String usage() {
    return "usage: probity bench [workload...] [--data-dir DIR] [--json] [--repeats N] [--warmup N]\n"
        + "                     [--sizes S1,S2] [--quick] [--seed S]\n"
        + "workloads: " + String.join(", ", Workloads.all().keySet()) + " (default: all)\n"
        + "--data-dir reads hmm_t<T>.json, lr_n<N>.json, mix_n<N>.json, eight_schools.json from DIR;\n"
        + "without it every data set is generated from a fixed seed. Run the JVM with -Xms2g -Xmx2g -XX:+AlwaysPreTouch (as ./probity bench does).";
  }

  /** One JSON line; a number that is not finite (e.g. a ratio over a CPU time below the clock's resolution) is null. */
  static String json(Map<String, Object> row) {
    try {
      return MAPPER.writeValueAsString(finite(row));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a bench row as JSON", e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Object finite(Object v) {
    if (v instanceof Double d) {
      return Double.isFinite(d) ? d : null;
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new java.util.LinkedHashMap<>();
      ((Map<String, Object>) m).forEach((k, x) -> out.put(k, finite(x)));
      return out;
    }
    return v;
  }

  /** The JVM, its heap settings and the processor count, for the record. */
  static String machine() {
    Runtime rt = Runtime.getRuntime();
    return String.format("java %s (%s), %d processors, heap max %d MB, JVM args %s", System.getProperty("java.version"),
        System.getProperty("java.vm.name"), rt.availableProcessors(), rt.maxMemory() / (1024 * 1024),
        ManagementFactory.getRuntimeMXBean().getInputArguments());
  }
}
