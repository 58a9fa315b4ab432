package org.probity.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A persistent cons list, used by combinators to accumulate results without mutation, so
 * continuations stay pure and may be re-run (as the Enumerator does).
 */
public record PList<A>(A head, PList<A> tail, int size) {
  /** The empty list is null; this conses onto any list. */
  public static <A> PList<A> cons(A head, PList<A> tail) {
    return new PList<>(head, tail, tail == null ? 1 : tail.size + 1);
  }

  /** The elements in insertion order (the reverse of cons order), unmodifiable. */
  public static <A> List<A> toListReversed(PList<A> xs) {
    int n = xs == null ? 0 : xs.size;
    List<A> out = new ArrayList<>(Collections.nCopies(n, null));
    int i = n - 1;
    for (PList<A> c = xs; c != null; c = c.tail) {
      out.set(i--, c.head);
    }
    return Collections.unmodifiableList(out);
  }
}
