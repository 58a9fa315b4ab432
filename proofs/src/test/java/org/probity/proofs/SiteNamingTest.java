package org.probity.proofs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.probity.core.Address;
import org.probity.core.Factor;
import org.probity.core.Handler;
import org.probity.core.Interpreter;
import org.probity.core.Observe;
import org.probity.core.Prob;
import org.probity.core.Sample;
import org.probity.core.Weighted;
import org.probity.core.Weights;
import org.probity.dist.Distribution;
import org.probity.handlers.Handlers;
import org.probity.random.Rngs;
import org.probity.semantics.Density;
import org.probity.semantics.Enumerator;
import org.probity.semantics.Sampler;
import org.probity.testkit.Property;
import org.probity.testkit.Tries;
import org.probity.testkit.laws.Measures;
import org.probity.trace.Trace;
import org.probity.trace.Traces;

/**
 * The one loop names sites by one scheme in every interpreter (named sites keep the model's
 * address, anonymous ones are {@code #k} in their scope, the parts of an independent product
 * scoped {@code #n[i]/...}), checked on generated programs with independent products, recursion
 * and both compiled forms ({@link HandlerLawsTest.Model}). For every trace t the trace interpreter
 * finds ({@code Traces.posterior}, enumerated):
 *
 * <ul>
 *   <li>Density: {@code Density.replay(model, t.values())} uses exactly t's addresses and gives
 *       t's result, log prior and log likelihood;
 *   <li>the Sampler: {@code Sampler.generate(model, t.values())} records exactly t's addresses, in
 *       t's order, draws nothing and weighs t's log joint;
 *   <li>the Enumerator: {@code condition(model, t.values())} (an effect handler, whose addresses are
 *       the Enumerator loop's) has exactly one path, t's result with t's log joint;
 * </ul>
 *
 * and for Sampler runs at fixed seeds ({@code Sampler.record}), the recorded choices replay in the
 * trace interpreter to a trace with the same addresses in the same order, and in Density to the
 * run's value and weight. A planted sampler that numbers anonymous sites by one counter for the
 * whole run (ignoring the scopes of independent parts) is caught and shrunk small.
 */
class SiteNamingTest {
  static final long SEED = 2011L;
  static final int TRIES = Tries.of(100, 1500);
  static final int RUNS = 4;

  /** A recording sampler under test: a run's value, weight, proposal density and choices by address. */
  interface Recorder {
    Sampler.Recorded<Integer> record(Prob<Integer> model, UniformRandomProvider rng);
  }

  static void oneNamingScheme(Recorder recorder) {
    Property.forAll(HandlerLawsTest.MODELS, HandlerLawsTest.SHRINK_MODELS, TRIES, SEED, m -> {
      Prob<Integer> model = m.compiled();
      for (Weighted<Trace<Integer>> path : Enumerator.unnormalised(Traces.posterior(model))) {
        Trace<Integer> t = path.value();
        Map<Address, Object> values = t.values();
        Density.Result<Integer> d = Density.replay(model, values);
        if (!Objects.equals(d.value(), t.output()) || !Measures.close(d.logPrior().value(), t.logPrior())
            || !Measures.close(d.logLikelihood().value(), t.logLikelihood())) {
          throw new AssertionError("Density at " + values + " gives " + d + ", the trace interpreter " + t);
        }
        Sampler.Recorded<Integer> g = Sampler.generate(model, values, Rngs.of(1));
        if (!new ArrayList<>(g.choices().keySet()).equals(t.addresses()) || g.logProposal() != 0.0
            || !Measures.close(g.logWeight(), t.logJoint())) {
          throw new AssertionError("the Sampler given " + values + " records " + g.choices() + " with log weight "
              + g.logWeight() + ", the trace interpreter " + t);
        }
        List<Weighted<Integer>> paths = Enumerator.unnormalised(Handlers.condition(model, values));
        if (paths.size() != 1 || !Objects.equals(paths.get(0).value(), t.output())
            || !Measures.close(paths.get(0).logWeight(), t.logJoint())) {
          throw new AssertionError("the Enumerator conditioned on " + values + " gives " + paths
              + ", the trace interpreter " + t);
        }
      }
      for (int r = 0; r < RUNS; r++) {
        Sampler.Recorded<Integer> run = recorder.record(model, Rngs.split(SEED, r));
        if (run.logWeight() == Double.NEGATIVE_INFINITY) {
          continue;
        }
        Trace<Integer> t = Traces.replay(model, run.choices());
        if (!t.addresses().equals(new ArrayList<>(run.choices().keySet())) || !Objects.equals(t.output(), run.value())) {
          throw new AssertionError("the Sampler recorded " + run.choices() + ", the trace interpreter replays " + t);
        }
        Density.Result<Integer> d = Density.replay(model, run.choices());
        if (!Measures.close(d.logJoint().value(), run.logWeight() + run.logProposal())) {
          throw new AssertionError("the Sampler's run " + run + " has log joint " + d.logJoint() + " in Density");
        }
      }
      return true;
    });
  }

  @Test
  void everyInterpreterNamesTheSitesAlike() {
    oneNamingScheme(Sampler::record);
  }

  /**
   * A recording sampler that names anonymous choices {@code #0, #1, ...} by one counter for the
   * whole run, as a loop that forgets the scopes of independent parts would.
   */
  static final class OneCounter implements Handler<Integer> {
    final UniformRandomProvider rng;
    final Map<Address, Object> choices = new LinkedHashMap<>();
    double logWeight;
    double logProposal;
    int anonymous;

    OneCounter(UniformRandomProvider rng) {
      this.rng = rng;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Prob<?> sample(Sample<?, ?> s, Interpreter run) {
      Address a = run.address().isAnonymous() ? Address.parse("#" + anonymous++) : run.address();
      Object x = s.dist().sample(rng);
      choices.put(a, x);
      logProposal += ((Distribution) s.dist()).logDensity(x);
      return (Prob<?>) ((java.util.function.Function) s.k()).apply(x);
    }

    @Override
    public Prob<?> observe(Observe<?, ?> o, Interpreter run) {
      return weigh(Weights.observe(o)) ? o.next().get() : Interpreter.STOP;
    }

    @Override
    public Prob<?> factor(Factor<?> f, Interpreter run) {
      return weigh(Weights.factor(f)) ? f.next().get() : Interpreter.STOP;
    }

    private boolean weigh(double l) {
      logWeight += l;
      return l > Double.NEGATIVE_INFINITY;
    }

    @Override
    public Integer result(Object value, Interpreter run) {
      return (Integer) value;
    }

    @Override
    public Integer stopped(Interpreter run) {
      return null;
    }

    static Sampler.Recorded<Integer> record(Prob<Integer> model, UniformRandomProvider rng) {
      OneCounter h = new OneCounter(rng);
      Integer v = Interpreter.run(model, h);
      return new Sampler.Recorded<>(v, h.logWeight, h.logProposal, h.choices);
    }
  }

  /**
   * A forward run that draws every choice from its prior and logs the loop's naming state (scope,
   * count of anonymous sites, names claimed) at each observation, factor and the end; with
   * {@code inLoop} the loop draws the choices itself ({@link Handler#drawsFromPrior}) and
   * {@code sample} must not be called.
   */
  static final class PriorRun implements Handler<List<Object>> {
    final UniformRandomProvider rng;
    final boolean inLoop;
    final List<Object> log = new ArrayList<>();

    PriorRun(UniformRandomProvider rng, boolean inLoop) {
      this.rng = rng;
      this.inLoop = inLoop;
    }

    @Override
    public UniformRandomProvider drawsFromPrior() {
      return inLoop ? rng : null;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Prob<?> sample(Sample<?, ?> s, Interpreter run) {
      if (inLoop && (run.stack() == null || run.stack().messengers() == null)) {
        throw new AssertionError("sample called at " + run.address() + " although the loop draws the choices");
      }
      return (Prob<?>) ((java.util.function.Function) s.k()).apply(s.dist().sample(rng));
    }

    @Override
    public Prob<?> observe(Observe<?, ?> o, Interpreter run) {
      return weigh(run, Weights.observe(o)) ? o.next().get() : Interpreter.STOP;
    }

    @Override
    public Prob<?> factor(Factor<?> f, Interpreter run) {
      return weigh(run, Weights.factor(f)) ? f.next().get() : Interpreter.STOP;
    }

    private boolean weigh(Interpreter run, double l) {
      org.probity.core.Machine m = run.machine();
      log.add(List.of(String.valueOf(run.address()), m.scope(), m.counter(), m.names().addresses(), l));
      return l > Double.NEGATIVE_INFINITY;
    }

    @Override
    public List<Object> result(Object value, Interpreter run) {
      org.probity.core.Machine m = run.resume(new org.probity.core.Pure<>(value));
      log.add(List.of(String.valueOf(value), m.scope(), m.counter(), m.names().addresses()));
      return log;
    }

    @Override
    public List<Object> stopped(Interpreter run) {
      return log;
    }
  }

  /**
   * The loop's own prior draws ({@link Handler#drawsFromPrior}, the Sampler's and SMC's forward
   * runs) name the sites as a handler's {@code sample} does: on generated programs, at fixed
   * seeds, both runs see the same values, weights, scopes, counts of anonymous sites and claimed
   * names at every observation, factor and the end. A loop that draws without counting the
   * anonymous site is caught.
   */
  @Test
  void theLoopsOwnPriorDrawsNameSitesAsTheHandlersDo() {
    Property.forAll(HandlerLawsTest.MODELS, HandlerLawsTest.SHRINK_MODELS, TRIES, SEED, m -> {
      Prob<Integer> model = m.compiled();
      for (int r = 0; r < RUNS; r++) {
        List<Object> byHandler = Interpreter.run(model, new PriorRun(Rngs.split(SEED, r), false));
        List<Object> byLoop = Interpreter.run(model, new PriorRun(Rngs.split(SEED, r), true));
        if (!byHandler.equals(byLoop)) {
          throw new AssertionError("drawn by the handler: " + byHandler + "; by the loop: " + byLoop);
        }
      }
      return true;
    });
  }

  @Test
  void findsASamplerThatNumbersAnonymousSitesByOneCounter() {
    Property.assertFindsSmall(() -> oneNamingScheme(OneCounter::record), 3,
        m -> ((HandlerLawsTest.Model) m).program().size());
  }
}
