package org.probity.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.probity.ad.CompiledGradient;
import org.probity.ad.LogDensityFunction;
import org.probity.ad.Real;
import org.probity.ad.Tape;
import org.probity.bijection.Bijection;
import org.probity.bijection.Bijections;
import org.probity.bijection.OutOfSupportException;
import org.probity.bijection.ScalarBijection;
import org.probity.core.Address;
import org.probity.core.Factor;
import org.probity.core.Handler;
import org.probity.core.Interpreter;
import org.probity.core.Observe;
import org.probity.core.Prob;
import org.probity.core.ProbityException;
import org.probity.core.Sample;
import org.probity.core.Weights;
import org.probity.dist.Constraint;
import org.probity.dist.Deterministic;
import org.probity.dist.Distribution;
import org.probity.random.Rngs;

/**
 * The unconstrained log density of a model whose continuous latent addresses are fixed, as a
 * function on R^n (Stan's {@code log_prob} with Jacobian, NumPyro's {@code potential_energy}):
 * what HMC, NUTS and ADVI call thousands of times.
 *
 * <p>The {@link #layout} lists the moved sites, the continuous choices of a reference trace in the
 * order the model reaches them, each with its support, its shape and its block of the flat vector
 * theta; every other choice (the discrete ones, or those outside a selection) is held at the
 * reference trace's value, except deterministic sites ({@link Deterministic}), which every
 * evaluation recomputes from the current values. {@link #logDensity} runs the model with each moved site's value the
 * bijection of its support applied to its block of theta (Stan's constraining transforms,
 * {@link Bijections#forConstraint}), and adds the log-Jacobians to the log joint density.
 * {@link #logDensityAndGradient} does so on a reverse-mode tape that is reset and reused between
 * calls, so repeated evaluation allocates no new tape storage.
 *
 * <p>A run that reaches a choice the layout lacks, skips one it has, or gives a moved site a value
 * of another shape is refused with a {@link StructureChangeException} naming the address: the
 * view is for models whose continuous structure does not depend on their choices. Not
 * thread-safe: a sampler running chains in parallel takes one {@link #copy} per chain.
 */
public final class LogDensity implements LogDensityFunction {
  /**
   * One moved site: its address, the support of its distribution in the reference trace, the
   * bijection onto it, and where its unconstrained coordinates sit in theta.
   *
   * @param address the site's address
   * @param support the support of its distribution
   * @param bijection the map from unconstrained coordinates onto the support
   * @param offset the index of its first coordinate in theta
   * @param dimension its number of unconstrained coordinates
   */
  public record Site(Address address, Constraint support, Bijection bijection, int offset, int dimension) {
  }

  private final Prob<?> model;
  private final Site[] sites;
  private final Map<Address, Integer> index;
  private final boolean[] scalar; // a scalar site with a scalar bijection
  private final Map<Address, Object> fixed;
  private final int dimension;
  private final boolean joint; // the log joint of the constrained values (joint), not the unconstrained density
  private boolean recordedExact; // joint: every term of the recorded run has an exact double path
  private final Tape tape = new Tape();
  // The gradient's recorded program (Tape.record) and its state; see logDensityAndGradient.
  private static final int NOT_RECORDED = 0;
  private static final int RECORDED = 1;
  private static final int VERIFIED = 2;
  private static final int INTERPRET = 3;
  private int programState = NOT_RECORDED;
  private int[] leafNodes;
  private Real programOutput;
  private Tape fallback;
  private double[] check;
  private CompiledGradient compiled; // the verified recording compiled to straight-line code, if it could be
  private double[] compiledGradient;

  private LogDensity(Prob<?> model, Site[] sites, Map<Address, Object> fixed, int dimension, boolean joint) {
    this.joint = joint;
    this.model = model;
    this.sites = sites;
    this.fixed = fixed;
    this.dimension = dimension;
    Map<Address, Integer> ix = new LinkedHashMap<>();
    for (int i = 0; i < sites.length; i++) {
      ix.put(sites[i].address(), i);
    }
    this.index = ix;
    this.scalar = new boolean[sites.length];
    for (int i = 0; i < sites.length; i++) {
      scalar[i] = sites[i].bijection() instanceof ScalarBijection && sites[i].support().shape().length == 0;
    }
  }

  /**
   * The view of a model whose choices are all continuous (or whose discrete choices are held at
   * the values of one prior draw), laid out from a prior draw.
   */
  public static LogDensity of(Prob<?> model) {
    return of(model, Traces.sample(model, Rngs.of(0)), Selection.all());
  }

  /** The view moving every continuous choice of {@code reference}, the other choices held at its values. */
  public static LogDensity of(Prob<?> model, Trace<?> reference) {
    return of(model, reference, Selection.all());
  }

  /**
   * The view moving the continuous choices of {@code reference} that {@code moved} selects, every
   * other choice held at its value in {@code reference}.
   */
  public static LogDensity of(Prob<?> model, Trace<?> reference, Selection moved) {
    List<Site> sites = new ArrayList<>();
    Map<Address, Object> fixed = new LinkedHashMap<>();
    int offset = 0;
    for (Choice c : reference.ordered()) {
      if (c.isDeterministic()) {
        continue; // recomputed by every evaluation
      }
      Constraint support = c.dist().support();
      if (moved.contains(c.address()) && !support.isDiscrete()) {
        Bijection b = Bijections.forConstraint(support);
        sites.add(new Site(c.address(), support, b, offset, b.unconstrainedDimension()));
        offset += b.unconstrainedDimension();
      } else {
        fixed.put(c.address(), c.value());
      }
    }
    return new LogDensity(model, sites.toArray(new Site[0]), Collections.unmodifiableMap(fixed), offset, false);
  }

  /**
   * The log joint density of the model as a function of the constrained values of the scalar
   * continuous choices of {@code reference} that {@code moved} selects, every other choice held at
   * its value: theta holds those values themselves (each site's bijection is the identity), no
   * log-Jacobian is added, and the terms are summed as a trace sums them (the choices' log
   * densities, then the observations' and factors', each from 0 in the order the model reaches
   * them, then the two sums added). So where every term's family computes its double log density
   * with its {@code logProb}'s arithmetic ({@link org.probity.dist.Continuous#doublePathIsExact};
   * {@link #matchesDoublePath}), the recorded value at theta is the log joint of the trace with
   * those values, bit for bit: a random walk can evaluate its proposals on the recording
   * ({@link #recordedValue}) and take the very steps it would take on traces.
   *
   * @throws IllegalArgumentException if a selected continuous choice is not a scalar
   */
  public static LogDensity joint(Prob<?> model, Trace<?> reference, Selection moved) {
    List<Site> sites = new ArrayList<>();
    Map<Address, Object> fixed = new LinkedHashMap<>();
    for (Choice c : reference.ordered()) {
      if (c.isDeterministic()) {
        continue;
      }
      Constraint support = c.dist().support();
      if (moved.contains(c.address()) && !support.isDiscrete()) {
        if (support.shape().length != 0) {
          throw new IllegalArgumentException("the joint view moves scalar choices; " + c.address() + " has shape "
              + java.util.Arrays.toString(support.shape()));
        }
        sites.add(new Site(c.address(), support, Bijections.forSupport(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY), sites.size(), 1));
      } else {
        fixed.put(c.address(), c.value());
      }
    }
    return new LogDensity(model, sites.toArray(new Site[0]), Collections.unmodifiableMap(fixed), sites.size(), true);
  }

  /** The moved sites, in the order the model reaches them. */
  public List<Site> layout() {
    return List.of(sites);
  }

  /** The values held fixed, by address. */
  public Map<Address, Object> fixed() {
    return fixed;
  }

  /** The model. */
  public Prob<?> model() {
    return model;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public LogDensity copy() {
    return new LogDensity(model, sites, fixed, dimension, joint);
  }

  /**
   * The unconstrained point of a trace's values at the moved sites.
   *
   * @throws ProbityException if the trace lacks a moved site, or a value lies outside its support
   */
  public double[] unconstrain(Trace<?> trace) {
    double[] theta = new double[dimension];
    for (Site s : sites) {
      Choice c = trace.choice(s.address());
      if (c == null) {
        throw new StructureChangeException("the trace has no choice at " + s.address() + ", a site of the layout");
      }
      double[] u;
      try {
        u = s.bijection().inverse(s.support().flatten(c.value()));
      } catch (OutOfSupportException e) {
        throw new ProbityException("the value " + Weights.briefly(c.value()) + " at " + s.address()
            + " is outside the support " + s.support() + ": " + e.getMessage());
      }
      System.arraycopy(u, 0, theta, s.offset(), u.length);
    }
    return theta;
  }

  /** The values of the moved sites at theta (constrained: Real, Real[] or Real[][] as the support's shape). */
  public Map<Address, Object> constrain(double[] theta) {
    Object[] values = constrainedValues(theta);
    Map<Address, Object> out = new LinkedHashMap<>();
    for (int k = 0; k < sites.length; k++) {
      out.put(sites[k].address(), values[k]);
    }
    return out;
  }

  /** The values of the moved sites at theta, in the layout's order (what {@link #constrain} maps by address). */
  public Object[] constrainedValues(double[] theta) {
    checkLength(theta);
    Object[] out = new Object[sites.length];
    for (int k = 0; k < sites.length; k++) {
      Site s = sites[k];
      if (scalar[k]) { // what forward(Real[]) and unflatten give a scalar site, without the arrays
        out[k] = ((ScalarBijection) s.bijection()).forward(Real.of(theta[s.offset()]));
        continue;
      }
      Real[] u = Real.of(java.util.Arrays.copyOfRange(theta, s.offset(), s.offset() + s.dimension()));
      out[k] = s.support().unflatten(s.bijection().forward(u));
    }
    return out;
  }

  /**
   * Whether theta holds the moved sites' values themselves, in order (a {@link #joint} view: each
   * site a scalar with the identity bijection), so that {@link #constrainedScalars} copies it.
   */
  public boolean movesConstrainedValues() {
    return joint;
  }

  /** Whether every moved site is a scalar with a scalar bijection ({@link #constrainedScalars} applies). */
  public boolean scalarSites() {
    for (boolean b : scalar) {
      if (!b) {
        return false;
      }
    }
    return true;
  }

  /**
   * The values of the moved sites at theta as doubles, in the layout's order: what
   * {@link #constrainedValues} gives, read by {@code Values.scalar}, without boxing. Only where
   * {@link #scalarSites}.
   *
   * @param theta the point
   * @param out the values, one per site
   */
  public void constrainedScalars(double[] theta, double[] out) {
    checkLength(theta);
    for (int k = 0; k < sites.length; k++) {
      if (!scalar[k]) {
        throw new IllegalStateException("site " + sites[k].address() + " is not a scalar");
      }
      out[k] = ((ScalarBijection) sites[k].bijection()).forward(theta[sites[k].offset()]);
    }
  }

  /** The whole trace of the model at theta (moved sites from theta, the others fixed). */
  public Trace<?> trace(double[] theta) {
    Map<Address, Object> values = new LinkedHashMap<>(fixed);
    values.putAll(constrain(theta));
    return Traces.replay(model, values);
  }

  @Override
  public double logDensity(double[] theta) {
    checkLength(theta);
    return new Evaluation(theta, null).run().value();
  }

  /**
   * The log density and its gradient. The first evaluation records the model's run on the tape as
   * a replayable program ({@link Tape#record}) when it can be: every tape node an operation the tape
   * can re-evaluate, no value of a parameter read by {@code Real.value()} (so no decision of the
   * model, its distributions or bijections depends on theta except through {@code Real.test}
   * guards). Later evaluations then replay the tape on the new theta instead of running the model:
   * the same operations in the same order, so the same numbers bit for bit. A replay is used only
   * when every guard has its recorded outcome and the log density is finite (every term is added
   * to the total, so a NaN, +Infinity or zero-density term, on which a run stops or throws, makes it
   * non-finite); otherwise the model is run. The second evaluation runs both and compares them bit
   * for bit; if they differ (a model reading state outside its choices), this view stops replaying.
   */
  @Override
  public double logDensityAndGradient(double[] theta, double[] gradient) {
    checkLength(theta);
    if (gradient.length != dimension) {
      throw new IllegalArgumentException("logDensityAndGradient: the gradient has length " + gradient.length
          + ", the layout " + dimension);
    }
    switch (programState) {
      case VERIFIED -> {
        if (compiled != null) {
          double lp = compiled.valueAndGradient(theta, compiledGradient);
          if (Double.isFinite(lp)) {
            System.arraycopy(compiledGradient, 0, gradient, 0, dimension);
            return lp;
          }
          return interpret(theta, gradient, fallbackTape());
        }
        if (tape.replay(leafNodes, theta)) {
          double lp = tape.value(programOutput);
          if (Double.isFinite(lp)) {
            readGradient(tape.adjoints(programOutput), gradient);
            return lp;
          }
        }
        return interpret(theta, gradient, fallbackTape());
      }
      case RECORDED -> {
        double lp = interpret(theta, gradient, fallbackTape());
        boolean same = false;
        if (tape.replay(leafNodes, theta)) {
          double replayed = tape.value(programOutput);
          if (Double.isFinite(replayed) && Double.compare(replayed, lp) == 0) {
            if (check == null) {
              check = new double[dimension];
            }
            readGradient(tape.adjoints(programOutput), check);
            same = java.util.Arrays.equals(check, gradient);
          }
        }
        if (Double.isFinite(lp)) { // at a point where the run stops, keep the check for the next one
          programState = same ? VERIFIED : INTERPRET;
          if (same) {
            compile(theta, lp, gradient);
          }
        }
        return lp;
      }
      case NOT_RECORDED -> {
        tape.record();
        Evaluation e = new Evaluation(theta, tape);
        Real lp = Tape.recording(e::run);
        boolean replayable = tape.endRecording();
        double v = lp.untrackedValue();
        if (!replayable) {
          programState = INTERPRET;
        } else if (Double.isFinite(v) && lp.isVariable()) {
          recordedExact = e.exact;
          leafNodes = new int[dimension];
          for (int i = 0; i < dimension; i++) {
            leafNodes[i] = e.leaves[i].index();
          }
          programOutput = lp;
          programState = RECORDED;
        } // else a run stopped early or with no parameter in it: record again next time
        if (v == Double.NEGATIVE_INFINITY) {
          return Double.NEGATIVE_INFINITY;
        }
        readGradient(tape.adjoints(lp), gradient, e.leaves);
        return v;
      }
      default -> {
        return interpret(theta, gradient, tape);
      }
    }
  }

  /**
   * Whether the model's run at theta takes the path of the verified recording: every guard
   * ({@code Real.test}) has its recorded outcome there and the log density is finite. Since a
   * recording is verified only when no decision of the model depends on theta except through those
   * guards, the run at theta then reaches the same addresses with the same held values and ends in
   * the same {@code pure} step as the recorded run; only the values computed from theta differ.
   * False while nothing is recorded and verified yet (the first two gradient evaluations), and for
   * a model that is run every time. The cost is one forward pass of the recording, no model run.
   *
   * @param theta the point
   * @return whether the run at theta follows the recording
   */
  public boolean followsRecording(double[] theta) {
    return Double.isFinite(recordedValue(theta));
  }

  /**
   * The log density at theta from the verified recording alone (compiled, or replayed), without
   * running the model: the value {@link #logDensity} gives there, bit for bit, where the run at
   * theta follows the recording; NaN where it does not (a guard has another outcome), or while
   * nothing is recorded and verified (the first two gradient evaluations), or for a model that is
   * run every time. Infinite values are returned as they are (a zero density is -Infinity).
   *
   * @param theta the point
   * @return the recorded log density at theta, or NaN
   */
  public double recordedValue(double[] theta) {
    checkLength(theta);
    if (programState != VERIFIED) {
      return Double.NaN;
    }
    if (compiled != null) {
      return compiled.value(theta);
    }
    return tape.replay(leafNodes, theta) ? tape.value(programOutput) : Double.NaN;
  }

  /**
   * Whether this is a {@link #joint} view whose verified recording sums only terms of families with
   * an exact double path (and factors), so that {@link #recordedValue} is a trace's log joint bit
   * for bit wherever the run follows the recording.
   */
  public boolean matchesDoublePath() {
    return joint && recordedExact && programState == VERIFIED;
  }

  /** Whether gradients are now replayed from a verified recording (for tests). */
  boolean replays() {
    return programState == VERIFIED;
  }

  /** Whether gradients are now computed by the verified recording compiled to straight-line code (for tests). */
  boolean compiled() {
    return programState == VERIFIED && compiled != null;
  }

  // Compiles the verified recording and keeps the compiled form if it gives, at theta, the log
  // density and gradient the model's run gave (bit for bit); otherwise the recording is replayed.
  private void compile(double[] theta, double lp, double[] gradient) {
    CompiledGradient c = tape.compile(leafNodes, programOutput);
    if (c == null) {
      return;
    }
    double[] g = new double[dimension];
    if (Double.compare(c.valueAndGradient(theta, g), lp) == 0 && java.util.Arrays.equals(g, gradient)) {
      compiled = c;
      compiledGradient = g;
    }
  }

  private Tape fallbackTape() {
    if (fallback == null) {
      fallback = new Tape();
    }
    return fallback;
  }

  // One run of the model on tape t (reset first).
  private double interpret(double[] theta, double[] gradient, Tape t) {
    t.reset();
    Evaluation e = new Evaluation(theta, t);
    Real lp = Tape.recording(e::run);
    double v = lp.untrackedValue();
    if (v == Double.NEGATIVE_INFINITY) {
      return Double.NEGATIVE_INFINITY;
    }
    readGradient(t.adjoints(lp), gradient, e.leaves);
    return v;
  }

  private void readGradient(double[] adj, double[] gradient) {
    for (int i = 0; i < dimension; i++) {
      gradient[i] = adj[leafNodes[i]];
    }
  }

  private void readGradient(double[] adj, double[] gradient, Real[] leaves) {
    for (int i = 0; i < dimension; i++) {
      gradient[i] = adj[leaves[i].index()];
    }
  }

  private void checkLength(double[] theta) {
    if (theta.length != dimension) {
      throw new IllegalArgumentException("the point has " + theta.length + " coordinates, the layout " + dimension
          + " (" + layout().stream().map(s -> s.address() + ":" + s.dimension()).toList() + ")");
    }
  }

  /** One evaluation: a handler of the loop that reads the moved sites from theta and sums the log density. */
  private final class Evaluation implements Handler<Real> {
    final double[] theta;
    final Tape tape;
    final Real[] leaves;
    Real total = Real.ZERO;
    Real prior = Real.ZERO; // joint: the choices' terms, summed from 0 as a trace sums them
    Real likelihood = Real.ZERO; // joint: the observations' and factors' terms
    boolean exact = true; // joint: every term so far from a family with an exact double path
    int next; // the index of the next moved site expected

    Evaluation(double[] theta, Tape tape) {
      this.theta = theta;
      this.tape = tape;
      this.leaves = tape == null ? null : new Real[dimension];
    }

    Real run() {
      return Interpreter.run(model, this);
    }

    @Override
    public boolean claimsNames() {
      return false; // the layout check finds any repeated site
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Prob<?> sample(Sample<?, ?> s, Interpreter run) {
      Address a = run.address();
      Distribution d = s.dist();
      Object x;
      if (d instanceof Deterministic det) {
        return (Prob<?>) ((Function) s.k()).apply(det.value());
      }
      if (next < sites.length && sites[next].address().equals(a)) {
        x = moved(sites[next++], d);
      } else if (fixed.containsKey(a)) {
        x = fixed.get(a);
        addChoice(Weights.choiceRealSummed(d, x, a), d, x);
      } else {
        Integer i = index.get(a);
        throw new StructureChangeException(i == null
            ? "the model reached the choice at " + a + " from " + Weights.briefly(d) + ", which its layout does not have"
                + " (the log-density view needs a model whose continuous addresses do not depend on its choices)"
            : "the model reached " + a + " out of order (expected " + (next < sites.length ? sites[next].address() : "no more")
                + "): its structure changed");
      }
      if (zero()) {
        return Interpreter.STOP;
      }
      return (Prob<?>) ((Function) s.k()).apply(x);
    }

    private Object moved(Site site, Distribution<?> d) {
      Constraint support = d.support();
      if (joint) {
        if (!support.equals(site.support())) {
          throw new StructureChangeException("the support of the choice at " + site.address() + " depends on other"
              + " choices (" + site.support() + ", now " + support + ")");
        }
        Real x = leaf(site.offset());
        addChoice(Weights.choiceRealSummed(d, x, site.address()), d, x);
        return x;
      }
      Bijection b = site.bijection();
      if (!support.equals(site.support())) {
        if (support.size() != site.support().size() || support.isDiscrete()) {
          throw new StructureChangeException("the choice at " + site.address() + " now has support " + support
              + ", the layout " + site.support());
        }
        if (tape != null) {
          throw new StructureChangeException("the support of the choice at " + site.address() + " depends on other"
              + " choices (" + site.support() + ", now " + support + "): its gradient would miss that dependence");
        }
        b = Bijections.forConstraint(support);
      }
      Object x;
      Real logJacobian;
      if (b instanceof ScalarBijection sb) {
        Real u = leaf(site.offset());
        x = sb.forward(u);
        logJacobian = sb.logAbsDetJacobian(u);
      } else {
        Real[] u = new Real[site.dimension()];
        for (int j = 0; j < u.length; j++) {
          u[j] = leaf(site.offset() + j);
        }
        Bijection.Constrained c = b.forwardWithLogJacobian(u);
        x = support.unflatten(c.value());
        logJacobian = c.logAbsDetJacobian();
      }
      add(Weights.choiceRealSummed(d, x, site.address()));
      add(logJacobian);
      return x;
    }

    private Real leaf(int i) {
      if (tape == null) {
        return Real.of(theta[i]);
      }
      Real r = tape.variable(theta[i]);
      leaves[i] = r;
      return r;
    }

    private boolean zero() {
      return joint ? prior.untrackedValue() == Double.NEGATIVE_INFINITY
          || likelihood.untrackedValue() == Double.NEGATIVE_INFINITY : total.untrackedValue() == Double.NEGATIVE_INFINITY;
    }

    // A choice's term: in the joint view added to the prior, as a trace adds it, noting whether its
    // family's double path is exact for this value.
    private void addChoice(Real l, Distribution<?> d, Object x) {
      if (!joint) {
        add(l);
        return;
      }
      exact &= exactTerm(d, x);
      prior = prior.plus(l);
    }

    // Whether a term's double path (a trace's) is its logProb's arithmetic: a scalar of a family that says so.
    private static boolean exactTerm(Distribution<?> d, Object x) {
      return d instanceof org.probity.dist.Continuous c && c.doublePathIsExact() && x instanceof Real;
    }

    // An observation's or factor's term: in the joint view added to the likelihood.
    private void addLikelihood(Real l, boolean exactTerm) {
      if (!joint) {
        add(l);
        return;
      }
      exact &= exactTerm;
      likelihood = likelihood.plus(l);
    }

    // The total's value is read untracked: every term goes into it, so a replay checks its finiteness instead.
    private void add(Real l) {
      if (l == Real.ZERO || total.untrackedValue() == Double.NEGATIVE_INFINITY) {
        return;
      }
      total = total == Real.ZERO ? l : total.plus(l);
    }

    @Override
    public Prob<?> observe(Observe<?, ?> o, Interpreter run) {
      addLikelihood(Weights.observeRealSummed(o), exactTerm(o.dist(), o.value()));
      return zero() ? Interpreter.STOP : o.next().get();
    }

    @Override
    public Prob<?> factor(Factor<?> f, Interpreter run) {
      addLikelihood(f.logWeight(), true); // a trace adds the factor's value itself
      return zero() ? Interpreter.STOP : f.next().get();
    }

    @Override
    public Real result(Object value, Interpreter run) {
      if (next < sites.length) {
        throw new StructureChangeException("the model ended without reaching " + sites[next].address()
            + ", a site of its layout: its structure changed");
      }
      return joint ? prior.plus(likelihood) : total;
    }

    @Override
    public Real stopped(Interpreter run) {
      return Real.NEGATIVE_INFINITY;
    }
  }
}
