package org.probity.inference.mcmc;

import java.util.ArrayList;
import java.util.List;
import org.probity.ad.Real;
import org.probity.bijection.OutOfSupportException;
import org.probity.bijection.ScalarBijection;
import org.probity.core.Address;
import org.probity.dist.Constraint;
import org.probity.dist.Continuous;
import org.probity.trace.FixedRun;
import org.probity.trace.LogDensity;
import org.probity.trace.Selection;

/**
 * A random walk's staged log density: the model's log joint as a function of the moved sites'
 * values, recorded once and compiled ({@link LogDensity#joint}), so that a proposal is scored
 * without running the model. Used only where it gives the trace's log joint bit for bit: every
 * term's family has an exact double path ({@link LogDensity#matchesDoublePath}), every moved site's
 * support is the real line or the positive half-line (so the walk's bijections and bounds do not
 * depend on other sites), and the walk is the chain's only kernel. A proposal whose run does not
 * follow the recording (a guard with another outcome: {@link #logJointOfProposal} is NaN) is scored by
 * re-running the model, as without staging.
 *
 * <p>The chain's flat run is then not updated per move: {@link #settle} re-runs the model at the
 * current values when a trace or the flat run is asked for, and checks that the run's log joint is
 * the staged one, bit for bit (a family that wrongly declares an exact double path fails there
 * with an {@link IllegalStateException}, not with a silently different chain). Kept draws read the
 * values without a run where {@link KeptDraws} applies. Mutable state of one chain.
 */
final class StagedWalk<A> {
  private final LogDensity density;
  private final FlatState<A> state;
  private final int[] sites;
  private final Continuous[] dists; // the moved sites' distributions in the run the staging began from
  private final ScalarBijection[] bijections; // their bijections to the real line, and their supports' bounds
  private final double[] lower;
  private final double[] upper;
  private final double[] unconstrained; // the current values mapped by the bijections (NaN: not yet)
  private final double[] logJacobians; // the bijections' log-Jacobians there
  private boolean outside; // a current value the bijection refuses: every move is rejected, as shift would
  private final KeptDraws kept; // null: the model's output or deterministic sites need a run per draw
  private double[] values;
  private double[] proposal;
  private double logJoint;
  private boolean dirty; // whether state.current lags behind values
  private boolean follows = true; // whether the current values' run follows the recording
  private Columns.Source draw; // the current state's choices as read by kept (null: not read yet, or not readable)
  private int readable = -1; // whether kept reads the current state's draw: 1 yes, 0 no, -1 not known yet

  private StagedWalk(LogDensity density, FlatState<A> state, int[] sites, Continuous[] dists, double[] values) {
    this.density = density;
    this.state = state;
    this.sites = sites;
    this.dists = dists;
    this.values = values;
    this.proposal = new double[values.length];
    this.logJoint = state.current.logJoint();
    this.kept = KeptDraws.eligible(state.current) ? new KeptDraws(density, sites, state.current) : null;
    int k = sites.length;
    this.bijections = new ScalarBijection[k];
    this.lower = new double[k];
    this.upper = new double[k];
    for (int i = 0; i < k; i++) {
      bijections[i] = RandomWalkMH.bijection(dists[i]);
      lower[i] = dists[i].supportLowerBound();
      upper[i] = dists[i].supportUpperBound();
    }
    this.unconstrained = new double[k];
    this.logJacobians = new double[k];
    unconstrain();
  }

  // The current values on the unconstrained scale, as RandomWalkMH.shift computes them each step.
  private void unconstrain() {
    outside = false;
    for (int i = 0; i < values.length; i++) {
      try {
        unconstrained[i] = bijections[i].inverse(values[i]);
      } catch (OutOfSupportException e) {
        outside = true;
        return;
      }
      logJacobians[i] = bijections[i].logAbsDetJacobian(unconstrained[i]);
    }
  }

  /** The staged walk over {@code sites} (positions of state's run), or null where staging does not apply. */
  static <A> StagedWalk<A> of(FlatState<A> state, int[] sites) {
    FixedRun<A> run = state.current;
    if (sites.length == 0 || !(run.logJoint() > Double.NEGATIVE_INFINITY)) {
      return null;
    }
    List<Address> moved = new ArrayList<>();
    Continuous[] dists = new Continuous[sites.length];
    double[] values = new double[sites.length];
    for (int i = 0; i < sites.length; i++) {
      Continuous d = (Continuous) run.dist(sites[i]);
      Constraint s = d.support();
      if (!(s instanceof Constraint.RealLine || s instanceof Constraint.Positive)) {
        return null; // bounds that may move with other sites: the run checks them per proposal
      }
      dists[i] = d;
      values[i] = ((Real) run.value(sites[i])).value();
      moved.add(run.address(sites[i]));
    }
    LogDensity j;
    try {
      j = LogDensity.joint(run.trace().program(), run.trace(), Selection.of(moved));
    } catch (RuntimeException e) {
      return null;
    }
    if (j.dimension() != sites.length) {
      return null; // a moved site the joint view does not move (it holds every other choice)
    }
    double[] g = new double[sites.length];
    try {
      j.logDensityAndGradient(values, g); // records the run
      j.logDensityAndGradient(values, g); // verifies and compiles it
    } catch (RuntimeException e) {
      return null;
    }
    if (!j.matchesDoublePath() || Double.compare(j.recordedValue(values), run.logJoint()) != 0) {
      return null;
    }
    return new StagedWalk<>(j, state, sites, dists, values);
  }

  /** The moved sites' distributions (their supports do not change while staged). */
  Continuous[] dists() {
    return dists;
  }

  /**
   * The random walk's proposal from the current values by {@code s * eps} written into
   * {@link #proposal} ({@link RandomWalkMH#shift}, bit for bit), its log-Jacobian sum into
   * {@code jac[0]}; false when the move is rejected as outside the support.
   */
  boolean shift(double s, double[] eps, double[] jac) {
    return !outside && RandomWalkMH.shiftFrom(bijections, lower, upper, unconstrained, logJacobians, values.length, s,
        eps, proposal, jac);
  }

  /** The current state's log joint. */
  double logJoint() {
    return logJoint;
  }

  /** The buffer a proposal's values are written into, in the walk's order, before {@link #logJointOfProposal}. */
  double[] proposal() {
    return proposal;
  }

  /**
   * The log joint with the values in {@link #proposal}, from the recording; NaN where the model's
   * run there does not follow it.
   */
  double logJointOfProposal() {
    return density.recordedValue(proposal);
  }

  /** The proposal last scored by {@link #logJointOfProposal}, with log joint {@code ly}, becomes the state. */
  void accept(double ly) {
    double[] t = values;
    values = proposal;
    proposal = t;
    logJoint = ly;
    dirty = true;
    follows = true;
    draw = null;
    readable = -1;
    unconstrain();
  }

  /** The chain's flat run (a proposal scored by a re-run and accepted) becomes the current values. */
  void adoptRun() {
    for (int i = 0; i < sites.length; i++) {
      values[i] = ((Real) state.current.value(sites[i])).value();
    }
    logJoint = state.current.logJoint();
    dirty = false;
    follows = false; // its run left the recording's path, or had to be re-run to be scored
    draw = null;
    readable = -1;
    unconstrain();
  }

  /** Brings the chain's flat run to the current values (a re-run of the model), checking its log joint. */
  void settle() {
    if (!dirty) {
      return;
    }
    Object[] given = new Object[state.current.size()];
    for (int i = 0; i < sites.length; i++) {
      given[sites[i]] = Real.of(values[i]);
    }
    if (!state.moveTo(given) || Double.compare(state.current.logJoint(), logJoint) != 0) {
      throw new IllegalStateException("the random walk's staged log joint " + logJoint + " differs from the model's"
          + " run at the same values (" + (state.current.size() > 0 ? state.current.logJoint() : Double.NaN)
          + "): a distribution of the model declares an exact double path it does not have");
    }
    dirty = false;
  }

  /** Whether the current state's draw (its choices and output) is read without a run. */
  boolean readsDraw() {
    if (readable < 0) {
      readable = kept != null && (follows || kept.follows(values)) ? 1 : 0;
    }
    return readable == 1;
  }

  /** The current state's choices without a run, or null (then {@link #settle} and read the flat run). */
  Columns.Source columns() {
    if (draw == null && readsDraw()) {
      draw = kept.atFollowing(values);
    }
    return draw;
  }

  /**
   * Adds the current state's draw to {@code table} without a run and without building its choices
   * ({@link KeptDraws#addTo}); false where it cannot (then add {@link #columns}, or the flat run's).
   */
  boolean addDraw(DrawTable table) {
    return readsDraw() && kept.addTo(table, values);
  }

  /** The model's output at the current state, where {@link #readsDraw}. */
  Object output() {
    return kept.output();
  }
}
