package org.probity.inference.mcmc;

import org.probity.ad.Real;
import org.probity.core.Address;
import org.probity.dist.Deterministic;
import org.probity.trace.FixedRun;
import org.probity.trace.LogDensity;
import org.probity.trace.Values;

/**
 * A Hamiltonian chain's kept draws without a run of the model per draw: where the model's run at a
 * point follows the verified recording of its log density ({@link LogDensity#followsRecording}),
 * its choices are those of a template run (the same addresses, the same held values) with the moved
 * sites' values at the point ({@link LogDensity#constrainedValues}), and its output is the
 * template's. A template is kept only from a run that itself followed the recording, has no
 * deterministic site (their values are computed from the point) and returns null or an enum
 * constant (a value that does not depend on the point); otherwise every draw runs the model. Where
 * every choice is a scalar, a draw is given as doubles ({@link Columns.Scalars}).
 */
final class KeptDraws {
  private final LogDensity density;
  private final int[] positions; // the run's position of each moved site, in the layout's order
  private final Address[] addresses;
  private final Object[] held; // the template's values (the moved positions are overwritten per draw)
  private final Object output;
  private final double[] scalars; // the template's values as doubles when every choice is a scalar (else null)
  private final double[] moved; // the moved sites' values of the draw being read
  private final int[] heldPositions; // the positions of the choices the draws do not move
  private long reads;

  /**
   * The kept draws of {@code density} with {@code template}, the model's run at a point that
   * follows the recording ({@link LogDensity#followsRecording}) and is {@link #eligible}.
   */
  KeptDraws(LogDensity density, int[] positions, FixedRun<?> template) {
    this.density = density;
    this.positions = positions.clone();
    this.moved = new double[positions.length];
    boolean[] isMoved = new boolean[template.size()];
    for (int p : positions) {
      isMoved[p] = true;
    }
    int[] h = new int[template.size()];
    int m = 0;
    for (int i = 0; i < h.length; i++) {
      if (!isMoved[i]) {
        h[m++] = i;
      }
    }
    this.heldPositions = java.util.Arrays.copyOf(h, m);
    int n = template.size();
    this.addresses = new Address[n];
    this.held = new Object[n];
    for (int i = 0; i < n; i++) {
      addresses[i] = template.address(i);
      held[i] = template.value(i);
    }
    this.output = template.output();
    this.scalars = scalarValues(held, density);
  }

  // The held values as doubles, when every choice and every moved site is a scalar; else null.
  private static double[] scalarValues(Object[] held, LogDensity density) {
    if (!density.scalarSites()) {
      return null;
    }
    double[] out = new double[held.length];
    for (int i = 0; i < held.length; i++) {
      Object v = held[i];
      if (!(v instanceof Real || v instanceof Number || v instanceof Boolean)) {
        return null;
      }
      out[i] = Values.scalar(v);
    }
    return out;
  }

  /** Whether a run can stand for other points: no deterministic site, and an output that is null or an enum constant. */
  static boolean eligible(FixedRun<?> run) {
    Object out = run.output();
    if (out != null && !(out instanceof Enum<?>)) {
      return false;
    }
    for (int i = 0; i < run.size(); i++) {
      if (run.dist(i) instanceof Deterministic<?>) {
        return false;
      }
    }
    return true;
  }

  /** Whether the model's run at theta follows the recording, so that its draw is read without a run. */
  boolean follows(double[] theta) {
    return density.followsRecording(theta);
  }

  /** The choices at theta, or null when the model's run there does not follow the recording (run it). */
  Columns.Source at(double[] theta) {
    return follows(theta) ? atFollowing(theta) : null;
  }

  /** The choices at theta, a point known to follow the recording (its recorded log density was finite). */
  Columns.Source atFollowing(double[] theta) {
    reads++;
    if (scalars != null) {
      density.constrainedScalars(theta, moved);
      return Columns.Scalars.of(addresses, scalars, positions, moved);
    }
    Object[] at = density.constrainedValues(theta);
    Object[] values = held.clone();
    for (int k = 0; k < at.length; k++) {
      values[positions[k]] = at[k];
    }
    return Columns.Source.of(addresses, values);
  }

  /**
   * Adds the draw at theta, a point known to follow the recording, to {@code table} without
   * building its choices ({@link DrawTable#addScalars}), where they are all scalars; false
   * otherwise (then read {@link #atFollowing}).
   */
  boolean addTo(DrawTable table, double[] theta) {
    if (scalars == null) {
      return false;
    }
    reads++;
    double[] values = theta; // a joint view's point is the moved values themselves
    if (!density.movesConstrainedValues()) {
      density.constrainedScalars(theta, moved);
      values = moved;
    }
    table.addScalars(addresses, scalars, heldPositions, positions, values);
    return true;
  }

  /** The number of draws read without a run (for tests). */
  long reads() {
    return reads;
  }

  /** The output of the model's run at any point where {@link #at} gives the choices. */
  Object output() {
    return output;
  }
}
