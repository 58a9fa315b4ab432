package org.probity.inference.mcmc;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * An immutable array with cheap copies on write: two levels of chunks of {@value #CHUNK}
 * entries, so {@link #with} copies one chunk and the chunk index (about 2 sqrt(n) references for
 * n up to a few times 10^4) instead of all n, and older versions stay valid. The single-site
 * update of a product of many parts ({@link IncrementalMH}) keeps the parts' traces in one.
 */
final class PersistentArray<T> extends AbstractList<T> implements RandomAccess {
  private static final int CHUNK = 128;
  private final Object[][] chunks;
  private final int size;

  private PersistentArray(Object[][] chunks, int size) {
    this.chunks = chunks;
    this.size = size;
  }

  static <T> PersistentArray<T> of(Object[] values) {
    int n = values.length;
    Object[][] cs = new Object[(n + CHUNK - 1) / CHUNK][];
    for (int c = 0; c < cs.length; c++) {
      cs[c] = Arrays.copyOfRange(values, c * CHUNK, Math.min(n, (c + 1) * CHUNK));
    }
    return new PersistentArray<>(cs, n);
  }

  @Override
  @SuppressWarnings("unchecked")
  public T get(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException(i);
    }
    return (T) chunks[i / CHUNK][i % CHUNK];
  }

  @Override
  public int size() {
    return size;
  }

  /** This array with entry i replaced. */
  PersistentArray<T> with(int i, T value) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException(i);
    }
    Object[][] cs = chunks.clone();
    Object[] c = cs[i / CHUNK].clone();
    c[i % CHUNK] = value;
    cs[i / CHUNK] = c;
    return new PersistentArray<>(cs, size);
  }
}
