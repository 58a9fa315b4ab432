package org.probity.inference.mcmc;

import org.probity.trace.Values;

import org.probity.trace.Choice;

import org.probity.trace.Trace;

import java.util.List;
import java.util.Map;
import org.probity.ad.Real;
import org.probity.core.Address;

/**
 * Flattens traces into named scalar columns for draws tables, with Stan-style names: the address
 * {@code mu} is the column {@code mu}; a trailing integer part is a 1-based index
 * ({@code beta[0]} is {@code beta.1}, {@code z[2][0]} is {@code z.3.1}); an array value of K reals
 * at {@code theta} gives {@code theta.1} .. {@code theta.K}; other separators become underscores and
 * an anonymous site {@code #k} becomes {@code site_k}. Booleans are 0/1, integers their value;
 * values of other types are left out.
 */
final class Columns {
  private Columns() {
  }

  /** The column name of an address (before array element indices). */
  static String name(Address a) {
    List<Object> parts = a.parts();
    int end = parts.size();
    while (end > 0 && parts.get(end - 1) instanceof Integer) {
      end--;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < end; i++) {
      Object p = parts.get(i);
      if (sb.length() > 0) {
        sb.append('_');
      }
      if (p instanceof Integer n) {
        sb.append(n + 1);
      } else {
        String s = (String) p;
        if (s.startsWith("#")) {
          s = "site_" + s.substring(1);
        }
        // [^A-Za-z0-9_] -> '_' per code point (as the regular expression did), without a pattern per draw
        for (int j = 0; j < s.length(); j += Character.charCount(s.codePointAt(j))) {
          int ch = s.codePointAt(j);
          boolean keep = ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || ch == '_';
          sb.append(keep ? (char) ch : '_');
        }
      }
    }
    if (sb.length() == 0 || !Character.isLetter(sb.charAt(0))) {
      sb.insert(0, "v_");
    }
    while (sb.length() > 2 && sb.substring(sb.length() - 2).equals("__")) {
      sb.setLength(sb.length() - 1);
    }
    for (int i = end; i < parts.size(); i++) {
      sb.append('.').append((Integer) parts.get(i) + 1);
    }
    return sb.toString();
  }

  /** Adds the columns of one trace to {@code out} (name to value). */
  static void flatten(Trace<?> t, Map<String, Double> out) {
    for (Choice c : t.choices().values()) {
      String n = name(c.address());
      if (out.containsKey(n) || out.containsKey(n + ".1")) {
        throw new org.probity.core.ProbityException("two choices give the draws column name " + n + " (one of them at "
            + c.address() + "); rename one of the addresses");
      }
      Object v = c.value();
      if (v instanceof Real || v instanceof Number || v instanceof Boolean) {
        out.put(n, Values.scalar(v));
      } else if (v instanceof double[] xs) {
        for (int i = 0; i < xs.length; i++) {
          out.put(n + "." + (i + 1), xs[i]);
        }
      } else if (v instanceof int[] xs) {
        for (int i = 0; i < xs.length; i++) {
          out.put(n + "." + (i + 1), (double) xs[i]);
        }
      } else if (v instanceof Real[] xs) {
        for (int i = 0; i < xs.length; i++) {
          out.put(n + "." + (i + 1), xs[i].value());
        }
      } else if (v instanceof boolean[] xs) {
        for (int i = 0; i < xs.length; i++) {
          out.put(n + "." + (i + 1), xs[i] ? 1.0 : 0.0);
        }
      }
    }
  }
}
