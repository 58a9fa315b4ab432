package org.probity.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A hierarchical name of a random choice, such as {@code z}, {@code z[3]} or {@code theta[2]/x}:
 * a sequence of parts, each a name (a String) or an index (an Integer). Named sites get the address
 * the model gives them; anonymous sites get positional parts {@code #0}, {@code #1}, ... in the
 * order the run reaches them within their scope (see {@link Interpreter}).
 *
 * <p>The printed form round-trips through {@link #parse}, and two different addresses never print
 * alike: a name may not be empty, may not contain the characters the printed form uses
 * ({@code / [ ] \}) and may not start with {@code #}, which marks positional parts. So a user's
 * {@code "#0"} cannot alias the first anonymous site and {@code Address.of("x[1]")} cannot alias
 * {@code addr("x", 1)}: both are refused with an {@link InvalidAddressException}.
 *
 * <p>An address is a persistent list (a parent and a last part), so extending one by a part is
 * O(1) and the addresses of one scope share their prefix.
 */
public final class Address {
  /** The root (empty) address: the scope of a whole program. */
  public static final Address ROOT = new Address(null, null);

  private static final String[] POSITIONS = new String[1024];

  static {
    for (int i = 0; i < POSITIONS.length; i++) {
      POSITIONS[i] = "#" + i;
    }
  }

  private final Address parent;
  private final Object part;
  private final int size;
  private final int hash;

  private Address(Address parent, Object part) {
    this.parent = parent;
    this.part = part;
    this.size = parent == null ? 0 : parent.size + 1;
    // the hash of the list of parts (List.hashCode), built incrementally
    this.hash = parent == null ? 1 : 31 * parent.hash + part.hashCode();
  }

  /**
   * An address from its parts; each part is a name (String) or an index (Integer).
   *
   * @throws InvalidAddressException if a part is neither, or a name is empty, starts with
   *     {@code #} or contains {@code / [ ] \}
   */
  public static Address of(Object... parts) {
    Address a = ROOT;
    for (Object p : parts) {
      a = a.child(p);
    }
    return a;
  }

  /**
   * Parses the form printed by {@link #toString()}, e.g. {@code theta[2]/x} or {@code #3[0]/#1}.
   *
   * @throws InvalidAddressException if the text is not such a form
   */
  public static Address parse(String text) {
    Address a = ROOT;
    int i = 0;
    int n = text.length();
    boolean needName = false;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '[') {
        int end = text.indexOf(']', i);
        if (end < 0 || a == ROOT && i > 0) {
          throw new InvalidAddressException("unclosed index in the address " + quote(text));
        }
        try {
          a = new Address(a, Integer.valueOf(text.substring(i + 1, end)));
        } catch (NumberFormatException e) {
          throw new InvalidAddressException("the index " + quote(text.substring(i + 1, end)) + " in the address "
              + quote(text) + " is not an integer");
        }
        i = end + 1;
        needName = false;
      } else if (c == '/') {
        if (a == ROOT || needName) {
          throw new InvalidAddressException("empty name in the address " + quote(text));
        }
        needName = true;
        i++;
      } else {
        int end = i;
        while (end < n && text.charAt(end) != '/' && text.charAt(end) != '[') {
          end++;
        }
        if (a != ROOT && !needName) {
          throw new InvalidAddressException("a name must follow '/' in the address " + quote(text));
        }
        String name = text.substring(i, end);
        a = name.startsWith("#") ? a.positional(position(name, text)) : a.child(name);
        i = end;
        needName = false;
      }
    }
    if (needName) {
      throw new InvalidAddressException("the address " + quote(text) + " ends with '/'");
    }
    return a;
  }

  private static int position(String name, String text) {
    try {
      int k = Integer.parseInt(name.substring(1));
      if (k >= 0) {
        return k;
      }
    } catch (NumberFormatException e) {
      // fall through to the error
    }
    throw new InvalidAddressException("the positional part " + quote(name) + " of " + quote(text)
        + " must be # followed by a non-negative integer");
  }

  /**
   * This address extended by one part, a name or an index.
   *
   * @throws InvalidAddressException as {@link #of}
   */
  public Address child(Object part) {
    if (part instanceof Integer) {
      return new Address(this, part);
    }
    if (part instanceof String s) {
      checkName(s);
      return new Address(this, s);
    }
    throw new InvalidAddressException("address parts must be names (strings) or indices (integers), got "
        + (part == null ? "null" : part.getClass().getSimpleName() + " " + part));
  }

  /** This address extended by the positional part {@code #k} (the k-th anonymous site or product of a scope). */
  public Address positional(int k) {
    return new Address(this, k < POSITIONS.length ? POSITIONS[k] : "#" + k);
  }

  private static void checkName(String s) {
    if (s.isEmpty()) {
      throw new InvalidAddressException("an address name may not be empty");
    }
    if (s.charAt(0) == '#') {
      throw new InvalidAddressException("the address name " + quote(s)
          + " starts with '#', which marks anonymous (positional) sites; choose another name");
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '/' || c == '[' || c == ']' || c == '\\') {
        throw new InvalidAddressException("the address name " + quote(s) + " contains '" + c
            + "', which the printed form of addresses uses; write hierarchical addresses with addr(\"a\", \"b\") or"
            + " addr(\"x\", 1) instead");
      }
    }
  }

  private static String quote(String s) {
    return s.length() <= 80 ? "\"" + s + "\"" : "\"" + s.substring(0, 77) + "...\"";
  }

  /** This address followed by all parts of another. */
  public Address concat(Address suffix) {
    if (suffix.size == 0) {
      return this;
    }
    Address a = concat(suffix.parent);
    return new Address(a, suffix.part);
  }

  /** The parts, in order (a new unmodifiable list). */
  public List<Object> parts() {
    Object[] ps = new Object[size];
    Address a = this;
    for (int i = size - 1; i >= 0; i--) {
      ps[i] = a.part;
      a = a.parent;
    }
    return Collections.unmodifiableList(java.util.Arrays.asList(ps));
  }

  /** The number of parts. */
  public int size() {
    return size;
  }

  /** The i-th part (0-based). */
  public Object part(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("part " + i + " of an address with " + size + " parts");
    }
    Address a = this;
    for (int j = size - 1; j > i; j--) {
      a = a.parent;
    }
    return a.part;
  }

  /** The last part (null for the root). */
  public Object last() {
    return part;
  }

  /** The address without its last part (null for the root). */
  public Address parent() {
    return parent;
  }

  /** The first part's name (its text for an index), or null for the root: what {@code Selection.names} matches. */
  public String head() {
    if (size == 0) {
      return null;
    }
    Address a = this;
    while (a.size > 1) {
      a = a.parent;
    }
    return String.valueOf(a.part);
  }

  /** Whether this address starts with every part of {@code prefix}. */
  public boolean startsWith(Address prefix) {
    if (prefix.size > size) {
      return false;
    }
    Address a = this;
    while (a.size > prefix.size) {
      a = a.parent;
    }
    return a.equals(prefix);
  }

  /** Whether this is a positional (anonymous) address, i.e. its last part starts with '#'. */
  public boolean isAnonymous() {
    return part instanceof String s && s.startsWith("#");
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Address b) || b.hash != hash || b.size != size) {
      return false;
    }
    Address a = this;
    while (a != b && a.size > 0) {
      if (!a.part.equals(b.part)) {
        return false;
      }
      a = a.parent;
      b = b.parent;
    }
    return true;
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    if (size == 0) {
      return "";
    }
    List<Object> ps = new ArrayList<>(parts());
    StringBuilder sb = new StringBuilder();
    for (Object p : ps) {
      if (p instanceof Integer) {
        sb.append('[').append(p).append(']');
      } else {
        if (sb.length() > 0) {
          sb.append('/');
        }
        sb.append(p);
      }
    }
    return sb.toString();
  }
}
