package org.probity.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A persistent (immutable) map from addresses to values: putting returns a new map sharing most
 * of its structure with the old one, so every suspended or forked run keeps its own version at no
 * copying cost. It holds the memo table of a run (the values of memoised functions, see
 * {@link Memo}). A hash array mapped trie of branching 32 (Bagwell, "Ideal hash trees", 2001),
 * like {@link AddressSet}, without removal.
 */
public final class AddressMap {
  /** The empty map. */
  public static final AddressMap EMPTY = new AddressMap(new Object[0], 0, 0);

  private static final int BITS = 5;
  private static final int MASK = (1 << BITS) - 1;

  private final Object[] slots; // an Entry, an AddressMap (a subtrie), or a Collision list
  private final int bitmap;
  private final int size;

  private AddressMap(Object[] slots, int bitmap, int size) {
    this.slots = slots;
    this.bitmap = bitmap;
    this.size = size;
  }

  /** One key and its value. */
  private record Entry(Address key, Object value) {
  }

  /** A chain of entries whose keys have the same hash. */
  private record Collision(Entry head, Collision tail) {
    Entry find(Address a) {
      for (Collision c = this; c != null; c = c.tail) {
        if (c.head.key.equals(a)) {
          return c.head;
        }
      }
      return null;
    }

    Collision without(Address a) {
      if (head.key.equals(a)) {
        return tail;
      }
      return new Collision(head, tail == null ? null : tail.without(a));
    }
  }

  /**
   * The number of entries.
   *
   * @return the size
   */
  public int size() {
    return size;
  }

  /**
   * The value at {@code a}.
   *
   * @param a the key
   * @return its value, or null when the map has none
   */
  public Object get(Address a) {
    int h = a.hashCode();
    int shift = 0;
    AddressMap node = this;
    while (true) {
      int bit = 1 << ((h >>> shift) & MASK);
      if ((node.bitmap & bit) == 0) {
        return null;
      }
      Object s = node.slots[Integer.bitCount(node.bitmap & (bit - 1))];
      if (s instanceof AddressMap sub) {
        node = sub;
        shift += BITS;
      } else if (s instanceof Collision c) {
        Entry e = c.find(a);
        return e == null ? null : e.value;
      } else {
        Entry e = (Entry) s;
        return e.key.equals(a) ? e.value : null;
      }
    }
  }

  /**
   * This map with {@code a} bound to {@code value} (replacing a previous value).
   *
   * @param a the key
   * @param value the value, not null
   * @return the new map
   */
  public AddressMap put(Address a, Object value) {
    if (value == null) {
      throw new IllegalArgumentException("AddressMap: null value for " + a);
    }
    return put(new Entry(a, value), a.hashCode(), 0);
  }

  private AddressMap put(Entry e, int h, int shift) {
    int bit = 1 << ((h >>> shift) & MASK);
    int idx = Integer.bitCount(bitmap & (bit - 1));
    if ((bitmap & bit) == 0) {
      Object[] s = new Object[slots.length + 1];
      System.arraycopy(slots, 0, s, 0, idx);
      s[idx] = e;
      System.arraycopy(slots, idx, s, idx + 1, slots.length - idx);
      return new AddressMap(s, bitmap | bit, size + 1);
    }
    Object old = slots[idx];
    Object replaced;
    int grown = 1;
    if (old instanceof AddressMap sub) {
      AddressMap r = sub.put(e, h, shift + BITS);
      grown = r.size - sub.size;
      replaced = r;
    } else if (old instanceof Collision c) {
      if (c.find(e.key) != null) {
        grown = 0;
        replaced = new Collision(e, c.without(e.key));
      } else {
        replaced = new Collision(e, c);
      }
    } else {
      Entry b = (Entry) old;
      if (b.key.equals(e.key)) {
        grown = 0;
        replaced = e;
      } else {
        int hb = b.key.hashCode();
        if (hb == h || shift + BITS >= 32) {
          replaced = new Collision(e, new Collision(b, null));
        } else {
          replaced = EMPTY.put(b, hb, shift + BITS).put(e, h, shift + BITS);
        }
      }
    }
    Object[] s = slots.clone();
    s[idx] = replaced;
    return new AddressMap(s, bitmap, size + grown);
  }

  /**
   * The entries, in no particular order.
   *
   * @return a new list of the entries
   */
  public List<Map.Entry<Address, Object>> entries() {
    List<Map.Entry<Address, Object>> out = new ArrayList<>(size);
    collect(out);
    return out;
  }

  private void collect(List<Map.Entry<Address, Object>> out) {
    for (Object s : slots) {
      if (s instanceof AddressMap sub) {
        sub.collect(out);
      } else if (s instanceof Collision c) {
        for (Collision d = c; d != null; d = d.tail()) {
          out.add(Map.entry(d.head().key(), d.head().value()));
        }
      } else {
        Entry e = (Entry) s;
        out.add(Map.entry(e.key(), e.value()));
      }
    }
  }

  /** Maps are equal when they bind the same addresses to equal values (arrays by content). */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof AddressMap m) || m.size != size) {
      return false;
    }
    for (Map.Entry<Address, Object> e : entries()) {
      Object v = m.get(e.getKey());
      if (v == null || !Arrays.deepEquals(new Object[] {v}, new Object[] {e.getValue()})) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = 0;
    for (Map.Entry<Address, Object> e : entries()) {
      h += e.getKey().hashCode() ^ Arrays.deepHashCode(new Object[] {e.getValue()});
    }
    return h;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (Map.Entry<Address, Object> e : entries()) {
      if (sb.length() > 1) {
        sb.append(", ");
      }
      sb.append(e.getKey()).append('=').append(InvalidWeightException.describe(e.getValue()));
    }
    return sb.append('}').toString();
  }
}
