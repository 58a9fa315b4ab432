package org.probity.trace;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Real;
import org.probity.core.Address;
import org.probity.core.Factor;
import org.probity.core.Handler;
import org.probity.core.Interpreter;
import org.probity.core.Observe;
import org.probity.core.Prob;
import org.probity.core.ProbityException;
import org.probity.core.Sample;
import org.probity.core.Weights;
import org.probity.dist.Deterministic;
import org.probity.dist.Distribution;
import org.probity.dist.IndependentVector;
import org.probity.dist.Plate;

/**
 * One predictive run of a model: the handler behind {@link Predictive}. Each choice takes its
 * value from a posterior draw ({@code fixed}) or, without one, a fresh draw from its prior;
 * deterministic sites are recomputed; each observation is scored at its observed value (for the
 * pointwise log likelihood) and, when {@code simulate} is set, also replaced by a fresh draw from
 * its distribution, recorded at its address (anonymous observations are numbered {@code #0},
 * {@code #1}, ... in run order, among the observations). The program after an observation never
 * sees its value (an observation's continuation takes none), so the run goes on exactly as the
 * model's own run would; factors are recorded, not obeyed (a predictive run is a forward
 * simulation).
 */
final class PredictiveRun implements Handler<Object> {
  /**
   * One observation site of the run.
   *
   * @param address its address, or {@code #k} for the k-th anonymous observation
   * @param dist its distribution in this run
   * @param observed the observed value
   * @param logDensity the log density of the observed value
   * @param simulated the simulated value (null when not simulating)
   */
  record Site(Address address, Distribution<?> dist, Object observed, double logDensity, Object simulated) {
  }

  private final UniformRandomProvider rng;
  private final Map<Address, ?> fixed;
  private final boolean simulate;
  private final List<Choice> choices = new ArrayList<>();
  private final List<Site> sites = new ArrayList<>();
  private final Set<Address> used = new HashSet<>();
  private double logPrior;
  private double logLikelihood;
  private int anonymous;

  /**
   * A run drawing fresh values with {@code rng} (null when none may be drawn).
   *
   * @param fixed the values of the choices (a posterior draw), or null to draw every choice from its prior
   */
  PredictiveRun(UniformRandomProvider rng, Map<Address, ?> fixed, boolean simulate) {
    this.rng = rng;
    this.fixed = fixed;
    this.simulate = simulate;
  }

  /** The observation sites, in run order. */
  List<Site> sites() {
    return sites;
  }

  /** Runs {@code model} and returns the trace of its choices. */
  @SuppressWarnings("unchecked")
  <A> Trace<A> run(Prob<A> model) {
    Object out = Interpreter.run(model, this);
    if (fixed != null && used.size() < fixed.size()) {
      Set<Address> unused = new LinkedHashSet<>(fixed.keySet());
      unused.removeAll(used);
      throw new ProbityException("the draw has values for addresses the model did not reach: " + unused
          + " (is it a draw of this model?)");
    }
    return new Trace<>(model, choices.toArray(new Choice[0]), null, (A) out, logPrior, logLikelihood, null);
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Prob<?> sample(Sample<?, ?> s, Interpreter run) {
    Address a = run.address();
    Distribution d = s.dist();
    Object x;
    double lp;
    if (d instanceof Deterministic det) {
      x = det.value();
      lp = 0.0;
      if (fixed != null && fixed.containsKey(a)) {
        used.add(a);
      }
    } else if (fixed != null) {
      x = fixed.get(a);
      if (x == null) {
        throw new ProbityException("the draw has no value for the choice at " + a + " from " + Weights.briefly(d)
            + ", which the model reached (is it a draw of this model?)");
      }
      used.add(a);
      lp = Weights.choice(d, x, a);
    } else {
      x = d.sample(rng);
      lp = Weights.choice(d, x, a);
    }
    choices.add(new Choice(a, d, x, lp));
    logPrior += lp;
    return (Prob<?>) ((Function) s.k()).apply(x);
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Prob<?> observe(Observe<?, ?> o, Interpreter run) {
    Address a = o.address() != null ? o.address() : Address.ROOT.positional(anonymous++);
    double l = Weights.observe(o);
    logLikelihood += l;
    Object y = simulate ? ((Distribution) o.dist()).sample(rng) : null;
    sites.add(new Site(a, o.dist(), o.value(), l, y));
    return (Prob<?>) ((Observe) o).next().get();
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Prob<?> factor(Factor<?> f, Interpreter run) {
    logLikelihood += Weights.factor(f);
    return (Prob<?>) ((Factor) f).next().get();
  }

  @Override
  public Object result(Object value, Interpreter run) {
    return value;
  }

  /**
   * The pointwise log likelihood of one observation site: one entry for a scalar observation, one
   * per coordinate for a vector of independent coordinates ({@link Plate}, or an
   * {@link IndependentVector} observed at a {@code Real[]}), addressed {@code site[i]}.
   */
  static void pointwise(Site s, List<Address> addresses, List<Double> values) {
    IndependentVector iv = s.dist() instanceof Plate p ? p.components()
        : s.dist() instanceof IndependentVector v && s.observed() instanceof Real[] ? v : null;
    if (iv == null) {
      addresses.add(s.address());
      values.add(s.logDensity());
      return;
    }
    double[] y = s.observed() instanceof double[] ds ? ds : Real.values((Real[]) s.observed());
    for (int i = 0; i < y.length; i++) {
      addresses.add(s.address().child(i));
      values.add(iv.component(i).logDensity(Real.of(y[i])));
    }
  }
}
