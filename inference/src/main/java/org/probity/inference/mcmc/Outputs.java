package org.probity.inference.mcmc;

import java.lang.reflect.RecordComponent;
import java.util.Map;
import org.probity.ad.Real;

/**
 * The numeric parts of a program's return value as draws columns (its derived quantities, as
 * Stan's generated quantities): a number, {@code Real} or boolean is the column {@code value}; an
 * array of them {@code value.1 .. value.K}; a record or a map with string keys gives one column per
 * numeric component or entry under its own name ({@code .k} for arrays). A name that a choice
 * column already has is prefixed with {@code value_}. Other values give no columns (the result
 * keeps every return value as it is).
 */
final class Outputs {
  private Outputs() {
  }

  /** Adds the columns of {@code output} to {@code row}. */
  static void flatten(Object output, Map<String, Double> row) {
    if (output == null) {
      return;
    }
    if (put("value", output, row)) {
      return;
    }
    if (output instanceof Record r) {
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        Object v;
        try {
          java.lang.reflect.Method m = c.getAccessor();
          m.setAccessible(true);
          v = m.invoke(r);
        } catch (ReflectiveOperationException | RuntimeException e) {
          continue;
        }
        put(name(c.getName()), v, row);
      }
    } else if (output instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (e.getKey() instanceof String k) {
          put(name(k), e.getValue(), row);
        }
      }
    }
  }

  /** Puts a scalar or array value under {@code name}; false when it is neither. */
  private static boolean put(String name, Object v, Map<String, Double> row) {
    if (v instanceof Real || v instanceof Number || v instanceof Boolean) {
      row.put(free(name, row, false), scalar(v));
      return true;
    }
    if (v instanceof double[] xs) {
      String n = free(name, row, true);
      for (int i = 0; i < xs.length; i++) {
        row.put(n + "." + (i + 1), xs[i]);
      }
      return true;
    }
    if (v instanceof Real[] xs) {
      String n = free(name, row, true);
      for (int i = 0; i < xs.length; i++) {
        row.put(n + "." + (i + 1), xs[i].value());
      }
      return true;
    }
    if (v instanceof int[] xs) {
      String n = free(name, row, true);
      for (int i = 0; i < xs.length; i++) {
        row.put(n + "." + (i + 1), (double) xs[i]);
      }
      return true;
    }
    return false;
  }

  private static double scalar(Object v) {
    if (v instanceof Real r) {
      return r.value();
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    return ((Number) v).doubleValue();
  }

  /** {@code name}, or {@code value_name} when a column already has it. */
  private static String free(String name, Map<String, Double> row, boolean array) {
    boolean taken = row.containsKey(name) || row.containsKey(name + ".1");
    return taken ? "value_" + name : name;
  }

  /** A column name: letters, digits and underscores, starting with a letter. */
  private static String name(String s) {
    String n = s.replaceAll("[^A-Za-z0-9_]", "_");
    return n.isEmpty() || !Character.isLetter(n.charAt(0)) ? "v_" + n : n;
  }
}
