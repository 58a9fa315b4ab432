package org.probity.inference.mcmc;

import org.probity.trace.Values;

import org.probity.trace.Choice;

import org.probity.trace.FixedRun;
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
    flatten(Source.of(t), out, new java.util.HashMap<>());
  }

  /** A state's choices by position: a trace's, or those of a flat run ({@link FixedRun}) of the same program. */
  interface Source {
    /** The number of choices. */
    int size();

    /** The address of choice i. */
    Address address(int i);

    /** The value of choice i. */
    Object value(int i);

    static Source of(Trace<?> t) {
      Choice[] cs = t.ordered();
      return new Source() {
        @Override
        public int size() {
          return cs.length;
        }

        @Override
        public Address address(int i) {
          return cs[i].address();
        }

        @Override
        public Object value(int i) {
          return cs[i].value();
        }
      };
    }

    /** The choices at {@code addresses} with {@code values}, by position (the arrays are read, not copied). */
    static Source of(Address[] addresses, Object[] values) {
      return new Source() {
        @Override
        public int size() {
          return values.length;
        }

        @Override
        public Address address(int i) {
          return addresses[i];
        }

        @Override
        public Object value(int i) {
          return values[i];
        }
      };
    }

    static Source of(FixedRun<?> r) {
      return new Source() {
        @Override
        public int size() {
          return r.size();
        }

        @Override
        public Address address(int i) {
          return r.address(i);
        }

        @Override
        public Object value(int i) {
          return r.value(i);
        }
      };
    }
  }

  /**
   * Choices whose values are all scalars, given as doubles (a draw read without a run of the
   * model): {@code values[i]} is the value at {@code addresses[i]}, as {@link Values#scalar} reads it.
   * A draws table writes a draw with the very same addresses array as the previous one by position,
   * without looking at its layout again, so the addresses array must not change once used.
   *
   * @param addresses the choices' addresses, in order
   * @param values their values
   */
  record Scalars(Address[] addresses, double[] values) implements Source {
    /** The choices at {@code addresses} with {@code held}'s values, {@code moved[k]} at position {@code positions[k]}. */
    static Scalars of(Address[] addresses, double[] held, int[] positions, double[] moved) {
      double[] values = held.clone();
      for (int k = 0; k < moved.length; k++) {
        values[positions[k]] = moved[k];
      }
      return new Scalars(addresses, values);
    }

    @Override
    public int size() {
      return values.length;
    }

    @Override
    public Address address(int i) {
      return addresses[i];
    }

    @Override
    public Object value(int i) {
      return values[i];
    }
  }

  /**
   * As {@link #flatten(Trace, Map)}, with the names of addresses already seen taken from
   * {@code names} (a chain's draws have the same addresses draw after draw).
   */
  static void flatten(Source t, Map<String, Double> out, Map<Address, String> names) {
    for (int k = 0; k < t.size(); k++) {
      Address a = t.address(k);
      String n = names.computeIfAbsent(a, Columns::name);
      if (out.containsKey(n) || out.containsKey(n + ".1")) {
        throw new org.probity.core.ProbityException("two choices give the draws column name " + n + " (one of them at "
            + a + "); rename one of the addresses");
      }
      Object v = t.value(k);
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

  /**
   * The columns of a trace's choices by position: its addresses, the kind and length of each value,
   * the column names in {@link #flatten} order. A chain's draws usually share one layout, so a row
   * is written by position ({@link #write}) without naming or hashing anything per draw.
   */
  static final class Layout {
    private static final byte NONE = 0;
    private static final byte SCALAR = 1;
    private static final byte DOUBLES = 2;
    private static final byte INTS = 3;
    private static final byte REALS = 4;
    private static final byte BOOLEANS = 5;
    private final Address[] addresses;
    private final byte[] kinds;
    private final int[] lengths;
    private final List<String> names;

    private Layout(Address[] addresses, byte[] kinds, int[] lengths, List<String> names) {
      this.addresses = addresses;
      this.kinds = kinds;
      this.lengths = lengths;
      this.names = names;
    }

    /** The layout of {@code t}'s choices (names from {@code cache} when known). */
    static Layout of(Source t, Map<Address, String> cache) {
      int n = t.size();
      Address[] as = new Address[n];
      byte[] ks = new byte[n];
      int[] ls = new int[n];
      java.util.LinkedHashMap<String, Double> out = new java.util.LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        as[i] = t.address(i);
        Object v = t.value(i);
        ks[i] = kind(v);
        ls[i] = length(v);
      }
      flatten(t, out, cache); // the names, in order, with flatten's check for clashing names
      return new Layout(as, ks, ls, List.copyOf(out.keySet()));
    }

    /** The column names, in order. */
    List<String> names() {
      return names;
    }

    /** Whether {@code t}'s choices have this layout: the same addresses in order, values of the same kinds and lengths. */
    boolean fits(Source t) {
      if (t.size() != addresses.length) {
        return false;
      }
      for (int i = 0; i < addresses.length; i++) {
        Address a = t.address(i);
        Object v = t.value(i);
        if (a != addresses[i] && !a.equals(addresses[i]) || kind(v) != kinds[i] || length(v) != lengths[i]) {
          return false;
        }
      }
      return true;
    }

    /** Writes {@code t}'s column values (t must {@link #fits fit}) into {@code columns} at {@code slots} (one per name), at {@code row}. */
    void write(Source t, double[][] columns, int[] slots, int row) {
      int j = 0;
      for (int i = 0; i < addresses.length; i++) {
        Object v = t.value(i);
        switch (kinds[i]) {
          case SCALAR -> columns[slots[j++]][row] = Values.scalar(v);
          case DOUBLES -> {
            for (double x : (double[]) v) {
              columns[slots[j++]][row] = x;
            }
          }
          case INTS -> {
            for (int x : (int[]) v) {
              columns[slots[j++]][row] = x;
            }
          }
          case REALS -> {
            for (Real x : (Real[]) v) {
              columns[slots[j++]][row] = x.value();
            }
          }
          case BOOLEANS -> {
            for (boolean x : (boolean[]) v) {
              columns[slots[j++]][row] = x ? 1.0 : 0.0;
            }
          }
          default -> {
          }
        }
      }
    }

    private static byte kind(Object v) {
      return v instanceof Real || v instanceof Number || v instanceof Boolean ? SCALAR
          : v instanceof double[] ? DOUBLES : v instanceof int[] ? INTS : v instanceof Real[] ? REALS
          : v instanceof boolean[] ? BOOLEANS : NONE;
    }

    private static int length(Object v) {
      return v instanceof double[] xs ? xs.length : v instanceof int[] xs ? xs.length : v instanceof Real[] xs
          ? xs.length : v instanceof boolean[] xs ? xs.length : 1;
    }
  }
}
