package org.probity.data;

import java.util.List;

/**
 * A categorical column coded as group indices: {@code codes[i]} is the level of row {@code i},
 * from 1 to K (Stan's convention, so {@code codes} can index a vector parameter declared
 * {@code vector[K]}), and {@code levels.get(k - 1)} is the name of level k.
 *
 * @param name the column or field the factor came from
 * @param codes the level of each row, 1..K
 * @param levels the level names, in code order
 */
public record Factor(String name, int[] codes, List<String> levels) {

  /** Validates and copies. */
  public Factor {
    codes = codes.clone();
    levels = List.copyOf(levels);
    for (int i = 0; i < codes.length; i++) {
      if (codes[i] < 1 || codes[i] > levels.size()) {
        throw new IllegalArgumentException("factor '" + name + "': code " + codes[i] + " of row "
            + i + " is outside 1.." + levels.size());
      }
    }
  }

  /**
   * The number of levels K.
   *
   * @return K, at least 1
   */
  public int k() {
    return levels.size();
  }

  /**
   * The number of rows.
   *
   * @return the number of rows
   */
  public int size() {
    return codes.length;
  }

  /** The level codes, 1..K (a copy). */
  @Override
  public int[] codes() {
    return codes.clone();
  }

  /**
   * The level codes shifted to 0..K-1, for indexing Java arrays and lists.
   *
   * @return each row's code minus 1, a copy
   */
  public int[] zeroBasedCodes() {
    int[] out = new int[codes.length];
    for (int i = 0; i < codes.length; i++) {
      out[i] = codes[i] - 1;
    }
    return out;
  }

  /**
   * The name of level {@code code} (1..K).
   *
   * @param code a level code, 1..K
   * @return the level's name
   * @throws IllegalArgumentException if the code is not in 1..K
   */
  public String level(int code) {
    if (code < 1 || code > levels.size()) {
      throw new IllegalArgumentException("factor '" + name + "' has levels 1.." + levels.size()
          + ", not " + code);
    }
    return levels.get(code - 1);
  }

  /**
   * The level name of each row.
   *
   * @return one level name per row
   */
  public List<String> labels() {
    return java.util.Arrays.stream(codes).mapToObj(c -> levels.get(c - 1)).toList();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Factor f && name.equals(f.name) && java.util.Arrays.equals(codes, f.codes)
        && levels.equals(f.levels);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * name.hashCode() + java.util.Arrays.hashCode(codes)) + levels.hashCode();
  }

  @Override
  public String toString() {
    return "Factor[" + name + ": " + codes.length + " rows, " + levels.size() + " levels "
        + (levels.size() <= 10 ? levels.toString() : levels.subList(0, 10) + "...") + "]";
  }
}
