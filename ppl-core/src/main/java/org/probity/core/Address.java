package org.probity.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A hierarchical name of a random choice, such as {@code z}, {@code z[3]} or {@code theta[2]/x}.
 * Named sites get the address the model gives them; anonymous sites get deterministic positional
 * addresses {@code #0}, {@code #1}, ... in the order they are reached (see {@link SiteNamer}).
 */
public final class Address {
  /** The root (empty) address: the scope of a whole program. */
  public static final Address ROOT = new Address(List.of());

  private final List<Object> parts;
  private final int hash;

  private Address(List<Object> parts) {
    this.parts = parts;
    this.hash = parts.hashCode();
  }

  /** An address from its parts; each part is a String or an Integer. */
  public static Address of(Object... parts) {
    List<Object> ps = new ArrayList<>(parts.length);
    for (Object p : parts) {
      if (!(p instanceof String) && !(p instanceof Integer)) {
        throw new IllegalArgumentException("address parts must be strings or integers, got " + p);
      }
      ps.add(p);
    }
    return new Address(Collections.unmodifiableList(ps));
  }

  /** Parses the form printed by {@link #toString()}, e.g. {@code theta[2]/x}. */
  public static Address parse(String text) {
    List<Object> ps = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '/' || c == '[') {
        if (cur.length() > 0) {
          ps.add(cur.toString());
          cur.setLength(0);
        }
        if (c == '[') {
          int end = text.indexOf(']', i);
          ps.add(Integer.parseInt(text.substring(i + 1, end)));
          i = end;
        }
      } else {
        cur.append(c);
      }
    }
    if (cur.length() > 0) {
      ps.add(cur.toString());
    }
    return new Address(Collections.unmodifiableList(ps));
  }

  /** This address extended by one part. */
  public Address child(Object part) {
    List<Object> ps = new ArrayList<>(parts.size() + 1);
    ps.addAll(parts);
    ps.add(part);
    return of(ps.toArray());
  }

  /** This address followed by all parts of another. */
  public Address concat(Address suffix) {
    List<Object> ps = new ArrayList<>(parts);
    ps.addAll(suffix.parts);
    return new Address(Collections.unmodifiableList(ps));
  }

  /** The parts. */
  public List<Object> parts() {
    return parts;
  }

  /** Whether this is a positional (anonymous) address, i.e. its last part starts with '#'. */
  public boolean isAnonymous() {
    return !parts.isEmpty() && parts.get(parts.size() - 1) instanceof String s && s.startsWith("#");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Address a && a.hash == hash && a.parts.equals(parts);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Object p : parts) {
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
