package org.probity.core;

/**
 * A persistent (immutable) set of addresses: adding returns a new set sharing most of its
 * structure with the old one, so a suspended or forked run (an SMC particle, a branch of the
 * Enumerator, a trace being built) keeps the named addresses claimed so far at no copying cost.
 * A hash array mapped trie of branching 32 (Bagwell, "Ideal hash trees", 2001), without removal.
 *
 * <p>The set also carries the run's memo table ({@link #memoise}, {@link Memo}): the values of
 * memoised functions are state of the run, like the claimed names, and must travel with it
 * wherever it is suspended, copied or resumed.
 */
public final class AddressSet {
  /** The empty set. */
  public static final AddressSet EMPTY = new AddressSet(new Object[0], 0, 0);

  private static final int BITS = 5;
  private static final int MASK = (1 << BITS) - 1;

  private final Object[] slots; // an Address, an AddressSet (a subtrie), or a Collision list
  private final int bitmap;
  private final int size;
  private final AddressMap memo; // the run's memo table, kept at the root only; null when empty

  private AddressSet(Object[] slots, int bitmap, int size) {
    this(slots, bitmap, size, null);
  }

  private AddressSet(Object[] slots, int bitmap, int size, AddressMap memo) {
    this.slots = slots;
    this.bitmap = bitmap;
    this.size = size;
    this.memo = memo;
  }

  // ---- the memo table a run carries with its names (see Memo) ----

  /**
   * The value memoised at {@code a} in this run (see {@link Memo}).
   *
   * @param a the address of a memoised site
   * @return its value, or null when the run has not drawn it yet
   */
  public Object memoised(Address a) {
    return memo == null ? null : memo.get(a);
  }

  /**
   * These names with {@code value} memoised at {@code a}: the memo table travels with the claimed
   * names, so every suspended, forked or resumed run keeps its own.
   *
   * @param a the address of a memoised site
   * @param value its value
   * @return the new set (the same claimed names)
   */
  public AddressSet memoise(Address a, Object value) {
    return new AddressSet(slots, bitmap, size, (memo == null ? AddressMap.EMPTY : memo).put(a, value));
  }

  /**
   * The memo table alone, without claimed names: where an independent part starts, so that it
   * sees the values memoised before it.
   *
   * @return the empty set with this set's memo table ({@link #EMPTY} when there is none)
   */
  public AddressSet memoTable() {
    return memo == null ? EMPTY : new AddressSet(EMPTY.slots, 0, 0, memo);
  }

  /**
   * The memoised values.
   *
   * @return the memo table ({@link AddressMap#EMPTY} when there is none)
   */
  public AddressMap memo() {
    return memo == null ? AddressMap.EMPTY : memo;
  }

  /** A chain of addresses with the same hash. */
  private record Collision(Address head, Collision tail) {
    boolean contains(Address a) {
      for (Collision c = this; c != null; c = c.tail) {
        if (c.head.equals(a)) {
          return true;
        }
      }
      return false;
    }
  }

  /** The number of addresses. */
  public int size() {
    return size;
  }

  /** The addresses, in no particular order (a new list). */
  public java.util.List<Address> addresses() {
    java.util.List<Address> out = new java.util.ArrayList<>(size);
    collect(out);
    return out;
  }

  private void collect(java.util.List<Address> out) {
    for (Object s : slots) {
      if (s instanceof AddressSet sub) {
        sub.collect(out);
      } else if (s instanceof Collision c) {
        for (Collision d = c; d != null; d = d.tail()) {
          out.add(d.head());
        }
      } else {
        out.add((Address) s);
      }
    }
  }

  /** Sets are equal when they hold the same addresses and memoise the same values. */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof AddressSet b) || b.size != size || !memo().equals(b.memo())) {
      return false;
    }
    for (Address a : addresses()) {
      if (!b.contains(a)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = 0;
    for (Address a : addresses()) {
      h += a.hashCode();
    }
    return h;
  }

  @Override
  public String toString() {
    return memo == null ? addresses().toString() : addresses() + " memo " + memo;
  }

  /** Whether the set holds {@code a}. */
  public boolean contains(Address a) {
    return contains(a, a.hashCode(), 0);
  }

  private boolean contains(Address a, int h, int shift) {
    AddressSet node = this;
    while (true) {
      int bit = 1 << ((h >>> shift) & MASK);
      if ((node.bitmap & bit) == 0) {
        return false;
      }
      Object s = node.slots[Integer.bitCount(node.bitmap & (bit - 1))];
      if (s instanceof AddressSet sub) {
        node = sub;
        shift += BITS;
      } else if (s instanceof Collision c) {
        return c.contains(a);
      } else {
        return s.equals(a);
      }
    }
  }

  /** This set with {@code a} added (this set itself when it already holds it). */
  public AddressSet plus(Address a) {
    AddressSet r = plus(a, a.hashCode(), 0);
    return r == null ? this : memo == null ? r : new AddressSet(r.slots, r.bitmap, r.size, memo);
  }

  // null when a is already present
  private AddressSet plus(Address a, int h, int shift) {
    int bit = 1 << ((h >>> shift) & MASK);
    int idx = Integer.bitCount(bitmap & (bit - 1));
    if ((bitmap & bit) == 0) {
      Object[] s = new Object[slots.length + 1];
      System.arraycopy(slots, 0, s, 0, idx);
      s[idx] = a;
      System.arraycopy(slots, idx, s, idx + 1, slots.length - idx);
      return new AddressSet(s, bitmap | bit, size + 1);
    }
    Object old = slots[idx];
    Object replaced;
    if (old instanceof AddressSet sub) {
      AddressSet r = sub.plus(a, h, shift + BITS);
      if (r == null) {
        return null;
      }
      replaced = r;
    } else if (old instanceof Collision c) {
      if (c.contains(a)) {
        return null;
      }
      replaced = new Collision(a, c);
    } else {
      Address b = (Address) old;
      if (b.equals(a)) {
        return null;
      }
      int hb = b.hashCode();
      if (hb == h || shift + BITS >= 32) {
        replaced = new Collision(a, new Collision(b, null));
      } else {
        replaced = EMPTY.plus(b, hb, shift + BITS).plus(a, h, shift + BITS);
      }
    }
    Object[] s = slots.clone();
    s[idx] = replaced;
    return new AddressSet(s, bitmap, size + 1);
  }
}
