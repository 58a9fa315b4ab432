package org.probity.dist;

/**
 * Thrown when a finite support is asked for as a list but has more values than the limit (by
 * default {@link Discrete#MAX_ENUMERATED_SUPPORT}, one million): {@code discreteUniform(0,
 * Integer.MAX_VALUE)} would otherwise overflow or exhaust memory. The message names the
 * distribution, the number of values and the limit; enumerate a smaller distribution, raise the
 * limit ({@link Discrete#enumerateSupport(long)}), or use a sampling-based inference.
 */
public class SupportTooLargeException extends DistributionException {
  private static final long serialVersionUID = 1L;

  private final double size;
  private final long limit;

  /** The support of {@code dist} (named briefly) has {@code size} values, more than {@code limit}. */
  public SupportTooLargeException(String dist, double size, long limit) {
    super(dist + ": the support has " + (size >= 9.0e18 ? String.format(java.util.Locale.ROOT, "%.3g", size)
        : String.valueOf(Math.round(size))) + " values, more than the limit of " + limit
        + " that can be enumerated; use a sampling-based inference or a smaller distribution");
    this.size = size;
    this.limit = limit;
  }

  /** The number of values of the support (approximate when it is beyond a long). */
  public double size() {
    return size;
  }

  /** The limit that was exceeded. */
  public long limit() {
    return limit;
  }
}
