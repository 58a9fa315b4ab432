package org.probity.inference.mcmc;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Real;
import org.probity.bijection.Bijection;
import org.probity.bijection.Bijections;
import org.probity.core.Address;
import org.probity.core.Factor;
import org.probity.core.Handler;
import org.probity.core.Interpreter;
import org.probity.core.Observe;
import org.probity.core.Prob;
import org.probity.core.Sample;
import org.probity.dist.Constraint;
import org.probity.dist.Distribution;
import org.probity.trace.LogDensity;
import org.probity.trace.Selection;
import org.probity.trace.Trace;
import org.probity.trace.Traces;

/**
 * Stan's initialisation of a model (src/stan/services/util/initialize.hpp) on traces: every
 * continuous choice uniform on (-radius, radius) (default 2) in each coordinate of the
 * unconstrained scale of its support, every discrete choice drawn from its distribution, and the
 * user's initial values (by address, on the constrained scale) where given; retried up to
 * {@code attempts} times (default 100) until the log density and its gradient with respect to the
 * continuous choices are finite. No continuous choice is drawn from its prior, so improper
 * ({@code flat()}) priors are fine. When every attempt fails, the error names the address and the
 * term (a log density that is not finite and the site where it became zero or the error it threw,
 * or the gradient coordinate and its address).
 */
final class UnconstrainedInit {
  private UnconstrainedInit() {
  }

  /**
   * A starting trace with finite log density and gradient.
   *
   * @throws McmcInitializationException when every attempt fails, or a given value is unusable
   */
  static <A> Trace<A> find(Prob<A> model, UniformRandomProvider rng, Map<Address, Object> given, double radius,
      int attempts) {
    String last = null;
    int tries = radius == 0 && given.isEmpty() ? 1 : attempts;
    for (int t = 0; t < tries; t++) {
      Trace<A> trace;
      try {
        trace = run(model, rng, given, radius);
      } catch (McmcInitializationException | org.probity.core.DuplicateAddressException e) {
        throw e; // not a bad starting point: another attempt cannot help
      } catch (RuntimeException e) {
        last = "running the model threw " + e.getClass().getSimpleName() + ": " + e.getMessage();
        continue;
      }
      last = check(trace);
      if (last == null) {
        return trace;
      }
    }
    throw new McmcInitializationException("Initialisation failed: no starting point with a finite log density and"
        + " gradient in " + tries + (tries == 1 ? " attempt" : " attempts") + " (each continuous choice uniform on (-"
        + radius + ", " + radius + ") on its unconstrained scale" + (given.isEmpty() ? "" : ", given values held at "
        + given.keySet()) + "); at the last attempt " + last);
  }

  /** Why the trace is not a valid start, or null when it is. */
  private static String check(Trace<?> trace) {
    if (trace.logJoint() == Double.NEGATIVE_INFINITY) {
      return "the log density is -Infinity: zero density at " + trace.zeroSite();
    }
    LogDensity d = LogDensity.of(trace.program(), trace, Selection.all());
    double[] theta = d.unconstrain(trace);
    double[] gradient = new double[theta.length];
    double lp;
    try {
      lp = d.logDensityAndGradient(theta, gradient);
    } catch (RuntimeException e) {
      return "the log density cannot be evaluated: " + e.getMessage();
    }
    if (!Double.isFinite(lp)) {
      return Coordinates.logDensityFailure(d, theta, lp);
    }
    for (int i = 0; i < gradient.length; i++) {
      if (!Double.isFinite(gradient[i])) {
        return "the gradient of the log density with respect to " + Coordinates.name(d, i) + " is " + gradient[i]
            + " (at " + Coordinates.describe(d, theta) + ")";
      }
    }
    return null;
  }

  /** One run of the model choosing values by Stan's rule; the replayed trace. */
  static <A> Trace<A> run(Prob<A> model, UniformRandomProvider rng, Map<Address, Object> given, double radius) {
    Chooser chooser = new Chooser(rng, given, radius);
    Interpreter.run(model, chooser);
    if (chooser.used.size() < given.size()) {
      Set<Address> unused = new LinkedHashSet<>(given.keySet());
      unused.removeAll(chooser.used);
      throw new McmcInitializationException("initial values were given for " + unused + ", which the model does not"
          + " reach; its addresses are " + chooser.values.keySet());
    }
    return Traces.replay(model, chooser.values);
  }

  /** A given initial value in the type the distribution takes (doubles to Real, arrays to Real arrays), checked. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Object given(Address a, Distribution d, Object v) {
    Object x = convert(v);
    double lp;
    try {
      lp = d.logDensity(x);
    } catch (ClassCastException | IllegalArgumentException e) {
      throw new McmcInitializationException("the initial value " + org.probity.trace.Values.describe(v) + " at " + a
          + " does not fit " + d.name() + " (support " + d.support() + "): " + e.getMessage());
    }
    if (!(lp > Double.NEGATIVE_INFINITY)) {
      throw new McmcInitializationException("the initial value " + org.probity.trace.Values.describe(v) + " at " + a
          + " has " + (Double.isNaN(lp) ? "log density NaN" : "zero density") + " under " + d.name() + " (support "
          + d.support() + ")");
    }
    return x;
  }

  private static Object convert(Object v) {
    if (v instanceof Double || v instanceof Float) {
      return Real.of(((Number) v).doubleValue());
    }
    if (v instanceof double[] xs) {
      return Real.of(xs.clone());
    }
    if (v instanceof double[][] m) {
      Real[][] out = new Real[m.length][];
      for (int i = 0; i < m.length; i++) {
        out[i] = Real.of(m[i].clone());
      }
      return out;
    }
    return v;
  }

  /** The handler of one initialisation run: records a value for every choice. */
  private static final class Chooser implements Handler<Object> {
    final UniformRandomProvider rng;
    final Map<Address, Object> given;
    final double radius;
    final Map<Address, Object> values = new LinkedHashMap<>();
    final Set<Address> used = new LinkedHashSet<>();

    Chooser(UniformRandomProvider rng, Map<Address, Object> given, double radius) {
      this.rng = rng;
      this.given = given;
      this.radius = radius;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Prob<?> sample(Sample<?, ?> s, Interpreter run) {
      Address a = run.address();
      Distribution d = s.dist();
      Object x;
      if (given.containsKey(a)) {
        x = given(a, d, given.get(a));
        used.add(a);
      } else {
        Constraint support = d.support();
        if (support.isDiscrete()) {
          x = d.sample(rng);
        } else {
          Bijection b = Bijections.forConstraint(support);
          double[] u = new double[b.unconstrainedDimension()];
          for (int i = 0; i < u.length; i++) {
            u[i] = radius == 0 ? 0.0 : -radius + 2 * radius * rng.nextDouble();
          }
          x = support.unflatten(Real.of(b.forward(u)));
        }
      }
      values.put(a, x);
      return (Prob<?>) ((Function) s.k()).apply(x);
    }

    @Override
    public Prob<?> observe(Observe<?, ?> o, Interpreter run) {
      return o.next().get();
    }

    @Override
    public Prob<?> factor(Factor<?> f, Interpreter run) {
      return f.next().get();
    }

    @Override
    public Object result(Object value, Interpreter run) {
      return value;
    }
  }

  /** Whether the model has a choice with an improper prior: probes the distributions of a trace. */
  static Set<Address> improper(Trace<?> trace, UniformRandomProvider rng) {
    Set<Address> out = new LinkedHashSet<>();
    for (org.probity.trace.Choice c : trace.ordered()) {
      try {
        c.dist().sample(rng);
      } catch (org.probity.dist.ImproperPriorException e) {
        out.add(c.address());
      } catch (RuntimeException e) {
        // other failures are not about propriety
      }
    }
    return out;
  }
}
