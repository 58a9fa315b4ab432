package org.probity.semantics;

/**
 * A weighted histogram: equal bins on [lo, hi] with the mass of each (mass outside the range is
 * counted in the end bins), printed as text bars.
 *
 * @param lo the left end of the first bin
 * @param hi the right end of the last bin
 * @param mass the mass of each bin, summing to 1
 */
public record Histogram(double lo, double hi, double[] mass) {
  /**
   * Copies the masses and checks the range.
   *
   * @param lo the left end of the first bin
   * @param hi the right end of the last bin, above lo
   * @param mass the mass of each bin, at least one bin
   */
  public Histogram {
    if (mass.length < 1 || !(hi > lo)) {
      throw new IllegalArgumentException("histogram: need bins >= 1 and hi > lo, got " + mass.length + " bins on ["
          + lo + ", " + hi + "]");
    }
    mass = mass.clone();
  }

  /**
   * The mass of each bin.
   *
   * @return a copy of the masses
   */
  @Override
  public double[] mass() {
    return mass.clone();
  }

  /**
   * The number of bins.
   *
   * @return the number of bins
   */
  public int bins() {
    return mass.length;
  }

  /** The bins as text bars, one line per bin. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    double width = (hi - lo) / mass.length;
    for (int b = 0; b < mass.length; b++) {
      sb.append(String.format("[%9.3f, %9.3f) %6.4f %s%n", lo + b * width, lo + (b + 1) * width, mass[b],
          "#".repeat((int) Math.round(mass[b] * 50))));
    }
    return sb.toString();
  }
}
