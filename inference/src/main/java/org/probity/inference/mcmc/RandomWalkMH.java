package org.probity.inference.mcmc;

import org.probity.trace.Values;

import org.probity.trace.Traces;

import org.probity.trace.Selection;

import org.probity.trace.Choice;

import org.probity.trace.Trace;
import org.probity.trace.ZeroCause;

import java.util.HashSet;
import java.util.Set;
import org.probity.ad.Real;
import org.probity.bijection.Bijection;
import org.probity.bijection.Bijections;
import org.probity.bijection.OutOfSupportException;
import org.probity.bijection.ScalarBijection;
import org.probity.core.Address;
import org.probity.core.Prob;
import org.probity.core.Pure;
import org.probity.core.Sample;
import org.probity.dist.Constraint;
import org.probity.dist.Continuous;
import org.probity.dist.DistributionException;
import org.probity.dist.Normal;
import org.probity.dist.Plate;

/**
 * Random-walk Metropolis (Metropolis et al. 1953) on the selected continuous choices jointly,
 * on the unconstrained scale: z' = z + scale * N(0, I) with z = T(x) the support's bijection
 * ({@link Bijections#forSupport}), so the acceptance ratio includes the log-Jacobian terms.
 * Vector-valued sites ({@code mvNormal}, {@code dirichlet}, {@code .vector(J)} sites and other
 * continuous vectors and matrices) move too, through their support's bijection
 * ({@link Bijections#forConstraint}; a simplex of K entries moves in K - 1 dimensions); a move
 * that changes a vector site's support is rejected (a symmetric rule). A proposal that reaches
 * the edge of a support (the transform's image rounds to a bound) or that makes a later
 * distribution's parameters invalid is rejected and counted by cause ({@link KernelStats}). Other choices
 * are kept; new addresses reached by the proposed run are drawn from their prior (fresh/stale
 * terms as in lightweight MH); a move that changes the set of selected continuous addresses is
 * rejected (the rule is symmetric, so the kernel stays reversible).
 *
 * <p>The scale is fixed or adapted during warm-up by Robbins-Monro stochastic approximation of the
 * log scale towards a target acceptance rate (Andrieu and Thoms, "A tutorial on adaptive MCMC",
 * 2008): 0.44 for one-dimensional moves, 0.234 otherwise (Roberts, Gelman and Gilks 1997), frozen
 * at {@link #endWarmup}. Only the per-chain copies made by {@link #forChain} (as {@code Mcmc.run}
 * does for every chain) adapt; the kernel itself is immutable in use.
 */
public final class RandomWalkMH<A> implements Kernel<A> {
  private static final Normal STD = Normal.of(0, 1);
  // The bijections of the two commonest supports, shared (they are stateless) rather than made per site and step.
  private static final ScalarBijection REAL_LINE = Bijections.forSupport(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
  private static final ScalarBijection HALF_LINE = Bijections.forSupport(0.0, Double.POSITIVE_INFINITY);
  private final Selection selection;
  private final double initialScale;
  private final boolean adaptive;
  private final double target;
  private double logScale;
  private double scale; // Math.exp(logScale), computed when logScale changes rather than per step
  private long adaptations;
  private boolean adapting;
  private final KernelStats stats; // a chain copy's counts; null in the template

  /**
   * A random walk over the selected continuous choices with the given initial scale; when
   * {@code adaptive}, adapted towards {@code target} acceptance (NaN: 0.44 in one dimension,
   * else 0.234) until warm-up ends.
   */
  public RandomWalkMH(Selection selection, double scale, boolean adaptive, double target) {
    this(selection, scale, adaptive, target, false);
  }

  /**
   * Only a chain's own copy ({@link #forChain}) adapts: the kernel a user builds is a template that
   * never changes, so wrapping it, sharing it between chains or threads, or using it inside
   * resample-move SMC cannot race on the scale or keep adapting after warm-up.
   */
  private RandomWalkMH(Selection selection, double scale, boolean adaptive, double target, boolean chainCopy) {
    if (!(scale > 0) || !Double.isFinite(scale)) {
      throw new IllegalArgumentException("random walk: scale must be positive and finite, got " + scale);
    }
    this.selection = selection;
    this.initialScale = scale;
    this.adaptive = adaptive;
    this.target = target;
    this.logScale = Math.log(scale);
    this.scale = Math.exp(logScale);
    this.adapting = adaptive && chainCopy;
    this.stats = chainCopy ? new KernelStats() : null;
  }

  /** The current scale. */
  public double scale() {
    return scale;
  }

  @Override
  public Kernel<A> forChain() {
    return new RandomWalkMH<>(selection, initialScale, adaptive, target, true);
  }

  @Override
  public void endWarmup() {
    adapting = false;
    Kernel.super.endWarmup();
  }

  @Override
  public KernelStats stats() {
    return stats;
  }

  @Override
  public void validate(Trace<A> initial) {
    selection.requireIn(initial, "random walk");
    for (Choice c : initial.ordered()) {
      if (isSite(c)) {
        return;
      }
    }
    throw selection.missing(initial, "random walk", "selects no continuous site (the random walk moves real-valued"
        + " choices and vectors of them; use single-site MH or Gibbs for discrete ones)");
  }

  private boolean isSite(Choice c) {
    return (isScalar(c) || isVector(c)) && selection.contains(c.address());
  }

  private static boolean isScalar(Choice c) {
    return c.dist() instanceof Continuous && c.value() instanceof Real;
  }

  /** A continuous vector or matrix site: a support that is not discrete and a value of reals. */
  private static boolean isVector(Choice c) {
    return !(c.dist() instanceof Continuous) && !c.isDeterministic()
        && (c.value() instanceof Real[] || c.value() instanceof Real[][]) && !c.dist().support().isDiscrete();
  }

  @Override
  public Prob<Trace<A>> apply(Trace<A> x) {
    Choice[] cs = x.ordered();
    int[] sites = new int[cs.length]; // the positions of the moved scalar choices in x
    Continuous[] dists = new Continuous[cs.length]; // their distributions (one type check per site)
    int k = 0;
    int[] vsites = null; // the positions of the moved vector choices, their bijections and unconstrained values
    Bijection[] vb = null;
    double[][] vz = null;
    int nv = 0;
    int vdim = 0;
    for (int i = 0; i < cs.length; i++) {
      Choice c = cs[i];
      if (c.dist() instanceof Continuous d && c.value() instanceof Real && selection.contains(c.address())) {
        dists[k] = d;
        sites[k++] = i;
      } else if (isVector(c) && selection.contains(c.address())) {
        if (vsites == null) {
          vsites = new int[cs.length];
          vb = new Bijection[cs.length];
          vz = new double[cs.length][];
        }
        Constraint support = c.dist().support();
        Bijection b = Bijections.forConstraint(support);
        try {
          vz[nv] = b.inverse(support.flatten(c.value()));
        } catch (OutOfSupportException | DistributionException e) {
          return reject(x, adapting, 2);
        }
        vb[nv] = b;
        vdim += vz[nv].length;
        vsites[nv++] = i;
      }
    }
    if (k + nv == 0) {
      return new Pure<>(x);
    }
    int dim = k;
    int moved = k + nv; // the number of sites moved
    int adaptDim = k + vdim; // the dimension of the move, for the adaptation target
    int nVec = nv;
    int[] vs = vsites;
    Bijection[] vbs = vb;
    double[][] vzs = vz;
    double s = scale;
    boolean adapt = adapting;
    return new Sample<double[], Trace<A>>(null, Plate.iid(STD, k + vdim),
        eps -> propose(x, cs, sites, dists, dim, adaptDim, moved, nVec, vs, vbs, vzs, s, adapt, eps));
  }

  /**
   * The rest of a step from x once its noise {@code eps} is drawn, for a trace whose moved sites
   * are all scalar (the fixed-structure fast path, {@link Chain}, hands it a move whose run
   * changed structure or hit a zero density, so both paths draw the same numbers and count the
   * same rejections).
   */
  Prob<Trace<A>> proposeWith(Trace<A> x, double[] eps) {
    Choice[] cs = x.ordered();
    int[] sites = new int[cs.length];
    Continuous[] dists = new Continuous[cs.length];
    int k = 0;
    for (int i = 0; i < cs.length; i++) {
      if (cs[i].dist() instanceof Continuous d && isSite(cs[i])) {
        dists[k] = d;
        sites[k++] = i;
      }
    }
    return propose(x, cs, sites, dists, k, k, k, 0, null, null, null, scale, adapting, eps);
  }

  private Prob<Trace<A>> propose(Trace<A> x, Choice[] cs, int[] sites, Continuous[] dists, int dim, int adaptDim,
      int moved, int nVec, int[] vs, Bijection[] vbs, double[][] vzs, double s, boolean adapt, double[] eps) {
    Object[] given = new Object[cs.length]; // the proposal by position in x; null: not moved
    double[] xs = new double[dim];
    for (int i = 0; i < dim; i++) {
      xs[i] = ((Real) cs[sites[i]].value()).value();
    }
    double[] jacs = new double[1];
    double[] ys = new double[dim];
    if (!shift(dists, xs, dim, s, eps, ys, jacs)) {
      return reject(x, adapt, adaptDim);
    }
    for (int i = 0; i < dim; i++) {
      given[sites[i]] = Real.of(ys[i]);
    }
    double jac = jacs[0];
    double vjac = 0;
    for (int j = 0, at = dim; j < nVec; j++) {
      double[] z = vzs[j];
      double[] z2 = new double[z.length];
      for (int i = 0; i < z.length; i++) {
        z2[i] = z[i] + s * eps[at++];
        if (!Double.isFinite(z2[i])) {
          return reject(x, adapt, adaptDim);
        }
      }
      Real[] x2 = Real.of(vbs[j].forward(z2));
      for (Real r : x2) {
        if (!Double.isFinite(r.value())) {
          return reject(x, adapt, adaptDim);
        }
      }
      vjac += vbs[j].logAbsDetJacobian(Real.of(z2)).value() - vbs[j].logAbsDetJacobian(Real.of(z)).value();
      given[vs[j]] = cs[vs[j]].dist().support().unflatten(x2);
    }
    double logJac = jac;
    double vecJac = vjac;
    // a moved site the proposed run does not reach is dropped, and the move rejected by sameSites
    return Traces.tryUpdateDropping(x, given, Selection.none()).flatMap(up -> {
      Trace<A> y = up.trace();
      if (y.logJoint() == Double.NEGATIVE_INFINITY) {
        return done(x, y, Double.NEGATIVE_INFINITY, adapt, adaptDim);
      }
      if (!sameSites(x, given, moved, y) || !sameVectorSupports(cs, vs, nVec, y)) {
        return done(x, y, Double.NEGATIVE_INFINITY, adapt, adaptDim);
      }
      double hastings = (supportsMoved(cs, sites, dists, dim, y) ? hastings(cs, sites, dists, dim, y, s, given) : logJac)
          + vecJac;
      double back = Traces.reverseLogFresh(x, y, given, null, Selection.none());
      return done(x, y, Acceptance.logAlpha(x, y, hastings + back - up.logFresh()), adapt, adaptDim);
    });
  }

  /**
   * The scalar part of a step's proposal, shared by the general and the fast path: site i (at
   * position {@code sites[i]}, value {@code x[i]}, distribution {@code dists[i]}) moves to
   * T^-1(T(x[i]) + s eps[i]), written into {@code y[i]}; {@code jac[0]} receives
   * the sum of the log-Jacobian differences. False when the move must be rejected as outside the
   * support (a value outside it, a non-finite proposal, or one whose image rounds to a bound).
   */
  static boolean shift(Continuous[] dists, double[] x, int dim, double s, double[] eps, double[] y, double[] jac) {
    double sum = 0;
    for (int i = 0; i < dim; i++) {
      ScalarBijection t = bijection(dists[i]);
      double z;
      try {
        z = t.inverse(x[i]);
      } catch (OutOfSupportException e) {
        return false;
      }
      double z2 = moveSite(t, dists[i].supportLowerBound(), dists[i].supportUpperBound(), z, s, eps[i], y, i);
      if (Double.isNaN(z2)) {
        return false;
      }
      sum += t.logAbsDetJacobian(z2) - t.logAbsDetJacobian(z);
    }
    jac[0] = sum;
    return true;
  }

  /**
   * {@link #shift} from the sites' unconstrained values {@code z} (each {@code t[i].inverse} of
   * the current value) and their log-Jacobians {@code ladj}, known from an earlier step: the same
   * proposal and Jacobian sum, bit for bit, without inverting the current values again.
   */
  static boolean shiftFrom(ScalarBijection[] t, double[] lo, double[] hi, double[] z, double[] ladj, int dim,
      double s, double[] eps, double[] y, double[] jac) {
    double sum = 0;
    for (int i = 0; i < dim; i++) {
      double z2 = moveSite(t[i], lo[i], hi[i], z[i], s, eps[i], y, i);
      if (Double.isNaN(z2)) {
        return false;
      }
      sum += t[i].logAbsDetJacobian(z2) - ladj[i];
    }
    jac[0] = sum;
    return true;
  }

  // Site i from unconstrained z by s * eps: its value written into y[i] and its new unconstrained
  // value returned (finite), or NaN when the move is rejected (a non-finite proposal, or one whose
  // image rounds to a bound of the support).
  private static double moveSite(ScalarBijection t, double lo, double hi, double z, double s, double eps, double[] y,
      int i) {
    double z2 = z + s * eps;
    double v2 = t.forward(z2);
    if (!Double.isFinite(v2) || !Double.isFinite(z2) || v2 <= lo || v2 >= hi) {
      return Double.NaN;
    }
    y[i] = v2;
    return z2;
  }

  /** Whether every moved vector site has the same support in y as in x (a move that changes one is rejected). */
  private static boolean sameVectorSupports(Choice[] cs, int[] vs, int nVec, Trace<?> y) {
    Choice[] ys = y.ordered();
    for (int j = 0; j < nVec; j++) {
      int at = vs[j];
      Choice c = at < ys.length && Values.sameAddress(ys[at].address(), cs[at].address()) ? ys[at]
          : y.choice(cs[at].address());
      if (c == null || (c.dist() != cs[at].dist() && !c.dist().support().equals(cs[at].dist().support()))) {
        return false;
      }
    }
    return true;
  }

  /** The distribution of moved site i in y (at the same position when the run did not shift). */
  private static Continuous distIn(Trace<?> y, Choice[] cs, int[] sites, int i) {
    Choice[] ys = y.ordered();
    int at = sites[i];
    Choice c = at < ys.length && Values.sameAddress(ys[at].address(), cs[at].address()) ? ys[at] : y.choice(cs[at].address());
    return (Continuous) c.dist();
  }

  /** Whether a moved site's support differs between x and y (its bounds depend on another moved site). */
  private static boolean supportsMoved(Choice[] cs, int[] sites, Continuous[] dists, int dim, Trace<?> y) {
    for (int i = 0; i < dim; i++) {
      Continuous d = distIn(y, cs, sites, i);
      if (d != dists[i] && (d.supportLowerBound() != dists[i].supportLowerBound()
          || d.supportUpperBound() != dists[i].supportUpperBound())) {
        return true;
      }
    }
    return false;
  }

  /**
   * log q(x | y) - log q(y | x) when the bijections of x and y differ (a moved site's support
   * depends on another moved site, e.g. b ~ Uniform(0, a)): the forward move is Gaussian in
   * T_x-space, the reverse in T_y-space, each with its Jacobian. With equal bijections this reduces
   * to the log-Jacobian difference used on the fast path. A reverse move that cannot reach x (x
   * outside y's supports) gives negative infinity.
   */
  private static double hastings(Choice[] cs, int[] sites, Continuous[] dists, int dim, Trace<?> y, double s,
      Object[] proposed) {
    double fwd = 0;
    double bwd = 0;
    for (int i = 0; i < dim; i++) {
      double xi = ((Real) cs[sites[i]].value()).value();
      Object yv = y.choice(cs[sites[i]].address()).value();
      if (!(yv instanceof Real) || ((Real) yv).value() != ((Real) proposed[sites[i]]).value()) {
        return Double.NEGATIVE_INFINITY; // the proposed value had zero density under its new support
      }
      double yi = ((Real) yv).value();
      ScalarBijection tx = bijection(dists[i]);
      ScalarBijection ty = bijection(distIn(y, cs, sites, i));
      double zx;
      double zy;
      double zyBack;
      double zxBack;
      try {
        zx = tx.inverse(xi);
        zy = tx.inverse(yi);
        zyBack = ty.inverse(yi);
        zxBack = ty.inverse(xi);
      } catch (OutOfSupportException e) {
        return Double.NEGATIVE_INFINITY;
      }
      double df = (zy - zx) / s;
      double db = (zxBack - zyBack) / s;
      fwd += -0.5 * df * df - tx.logAbsDetJacobian(Real.of(zy)).value();
      bwd += -0.5 * db * db - ty.logAbsDetJacobian(Real.of(zxBack)).value();
    }
    return bwd - fwd;
  }

  /** {@link Bijections#forSupport} of the distribution's support. */
  static ScalarBijection bijection(Continuous d) {
    double lo = d.supportLowerBound();
    double hi = d.supportUpperBound();
    if (hi == Double.POSITIVE_INFINITY) {
      if (lo == Double.NEGATIVE_INFINITY) {
        return REAL_LINE;
      }
      if (lo == 0.0) {
        return HALF_LINE;
      }
    }
    return Bijections.forSupport(lo, hi);
  }

  // Whether the sites of y are exactly the k moved ones. The sites of a trace have distinct
  // addresses, so with as many sites as moved addresses this is set equality. A site of y is looked
  // up at its position in x first; the moved addresses are gathered into a set only when that fails.
  private boolean sameSites(Trace<A> x, Object[] given, int k, Trace<A> y) {
    Choice[] xs = x.ordered();
    Choice[] ys = y.ordered();
    Set<Address> moved = null;
    int n = 0;
    for (int i = 0; i < ys.length; i++) {
      Choice c = ys[i];
      if (!isSite(c)) {
        continue;
      }
      n++;
      boolean in;
      if (i < xs.length && Values.sameAddress(xs[i].address(), c.address())) {
        in = given[i] != null;
      } else {
        if (moved == null) {
          moved = new HashSet<>();
          for (int j = 0; j < xs.length; j++) {
            if (given[j] != null) {
              moved.add(xs[j].address());
            }
          }
        }
        in = moved.contains(c.address());
      }
      if (!in) {
        return false;
      }
    }
    return n == k;
  }

  /** A proposal at or beyond the edge of a support, rejected before the model is run. */
  private Prob<Trace<A>> reject(Trace<A> x, boolean adapt, int k) {
    if (stats != null) {
      stats.rejected(ZeroCause.OUTSIDE_SUPPORT);
    }
    adapt(Double.NEGATIVE_INFINITY, adapt, k);
    return new Pure<>(x);
  }

  private Prob<Trace<A>> done(Trace<A> x, Trace<A> y, double logAlpha, boolean adapt, int k) {
    adapt(logAlpha, adapt, k);
    return Acceptance.accept(x, y, logAlpha, stats);
  }

  /** Whether this copy adapts its scale now. */
  boolean adapting() {
    return adapting;
  }

  /** Whether the choice is a scalar site this kernel moves (continuous, real-valued, selected). */
  boolean movesScalar(Choice c) {
    return isScalar(c) && selection.contains(c.address());
  }

  /** Whether the choice is a vector site this kernel would move (the fast path leaves those to the general one). */
  boolean movesVector(Choice c) {
    return isVector(c) && selection.contains(c.address());
  }

  /** Whether the selection holds the address. */
  boolean selects(Address a) {
    return selection.contains(a);
  }

  /** A step's outside-the-support rejection on the fast path: counted and adapted as {@link #reject}. */
  void rejectOutside(int k) {
    if (stats != null) {
      stats.rejected(ZeroCause.OUTSIDE_SUPPORT);
    }
    adapt(Double.NEGATIVE_INFINITY, adapting, k);
  }

  /** A step's adaptation after the fast path computed its log acceptance ratio. */
  void adaptAfter(double logAlpha, int k) {
    adapt(logAlpha, adapting, k);
  }

  private void adapt(double logAlpha, boolean adapt, int k) {
    if (adapt) {
      double goal = Double.isNaN(target) ? (k == 1 ? 0.44 : 0.234) : target;
      adaptations++;
      logScale += (Acceptance.probability(logAlpha) - goal) / Math.pow(adaptations + 1, 0.6);
      logScale = Math.max(-30, Math.min(30, logScale));
      scale = Math.exp(logScale);
    }
  }
}
