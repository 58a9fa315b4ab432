package org.probity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.*;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.core.Address;
import org.probity.core.Prob;
import org.probity.core.Weighted;
import org.probity.random.Rngs;
import org.probity.semantics.Enumeration;
import org.probity.semantics.Enumerator;
import org.probity.semantics.Sampler;
import org.probity.trace.LogDensity;
import org.probity.trace.Trace;
import org.probity.trace.Traces;

/**
 * Direct-style models are the same programs as their monadic forms: the same sites in the same
 * order, so the Enumerator gives the same law and the same traces, the Sampler the same draws for
 * a seed, and the log-density view the same function and gradient; a body that is not a function
 * of its values is refused; the body runs once per choice plus once.
 */
class DirectModelTest {

  /** A finite model with named and anonymous choices, observations, a factor and a branch. */
  static Prob<Integer> finiteMonadic() {
    return sample("a", bernoulli(0.3), a -> sample(categorical(0.2, 0.5, 0.3), k ->
        observe(bernoulli(a ? 0.9 : 0.2), k > 0).then(() -> factor(-0.1 * k)).then(() -> a
            ? sample("b", bernoulli(0.6)).flatMap(b -> observe("y", bernoulli(b ? 0.7 : 0.1), true).map(u -> b ? 10 + k : k))
            : pure(k))));
  }

  static Prob<Integer> finiteDirect() {
    return model(m -> {
      boolean a = m.sample("a", bernoulli(0.3));
      int k = m.sample(categorical(0.2, 0.5, 0.3));
      m.observe(bernoulli(a ? 0.9 : 0.2), k > 0);
      m.factor(-0.1 * k);
      if (!a) {
        return k;
      }
      boolean b = m.sample("b", bernoulli(0.6));
      m.observe("y", bernoulli(b ? 0.7 : 0.1), true);
      return b ? 10 + k : k;
    });
  }

  /** A continuous model: eight schools, non-centred, in both forms. */
  static final double[] Y = {28, 8, -3, 7, -1, 1, 18, 12};
  static final double[] SIGMA = {15, 10, 16, 11, 9, 11, 10, 18};

  static Prob<Real> schoolsMonadic() {
    return sample("mu", normal(0, 5), mu -> sample("tau", halfCauchy(5), tau ->
        sample("eta", normal(0, 1).vector(8), (Real[] eta) -> forEach(0, 8, j ->
            observe(addr("y", j), normal(mu.plus(tau.times(eta[j])), Real.of(SIGMA[j])), Real.of(Y[j])))
            .map(u -> tau))));
  }

  static Prob<Real> schoolsDirect() {
    return model(m -> {
      Real mu = m.sample("mu", normal(0, 5));
      Real tau = m.sample("tau", halfCauchy(5));
      Real[] eta = m.sample("eta", normal(0, 1).vector(8));
      for (int j = 0; j < 8; j++) {
        m.observe(addr("y", j), normal(mu.plus(tau.times(eta[j])), Real.of(SIGMA[j])), Y[j]);
      }
      return tau;
    });
  }

  @Test
  void theEnumeratorGivesTheSameLawAndTheSameTraces() {
    Enumeration<Integer> direct = Enumerator.enumerate(finiteDirect());
    Enumeration<Integer> monadic = Enumerator.enumerate(finiteMonadic());
    assertEquals(monadic.logEvidence(), direct.logEvidence(), 1e-12);
    for (Integer v : monadic.support()) {
      assertEquals(monadic.probability(v), direct.probability(v), 1e-12, "P(" + v + ")");
    }
    Set<String> dt = new HashSet<>();
    for (Trace<Integer> t : Enumerator.enumerate(Traces.posterior(finiteDirect())).support()) {
      dt.add(t.canonical());
    }
    Set<String> mt = new HashSet<>();
    for (Trace<Integer> t : Enumerator.enumerate(Traces.posterior(finiteMonadic())).support()) {
      mt.add(t.canonical());
    }
    assertEquals(mt, dt);
    assertTrue(dt.stream().anyMatch(c -> c.contains("#0=")), "the anonymous choice is #0 in both: " + dt);
  }

  @Test
  void theSamplerMakesTheSameDrawsForASeed() {
    for (long seed = 0; seed < 50; seed++) {
      Weighted<Integer> d = Sampler.run(finiteDirect(), seed);
      Weighted<Integer> m = Sampler.run(finiteMonadic(), seed);
      assertEquals(m.value(), d.value());
      assertEquals(m.logWeight(), d.logWeight(), 0.0);
      Weighted<Real> sd = Sampler.run(schoolsDirect(), seed);
      Weighted<Real> sm = Sampler.run(schoolsMonadic(), seed);
      assertEquals(sm.value(), sd.value());
      assertEquals(sm.logWeight(), sd.logWeight(), 1e-12);
    }
  }

  @Test
  void theLogDensityViewIsTheSameFunction() {
    LogDensity d = LogDensity.of(schoolsDirect());
    LogDensity m = LogDensity.of(schoolsMonadic());
    assertEquals(m.layout().stream().map(LogDensity.Site::address).toList(),
        d.layout().stream().map(LogDensity.Site::address).toList());
    UniformRandomProvider rng = Rngs.of(4);
    for (int rep = 0; rep < 10; rep++) {
      double[] theta = new double[m.dimension()];
      for (int i = 0; i < theta.length; i++) {
        theta[i] = 2 * rng.nextDouble() - 1;
      }
      double[] gd = new double[theta.length];
      double[] gm = new double[theta.length];
      assertEquals(m.logDensityAndGradient(theta, gm), d.logDensityAndGradient(theta, gd), 1e-10);
      for (int i = 0; i < theta.length; i++) {
        assertEquals(gm[i], gd[i], 1e-10, "gradient " + i);
      }
    }
  }

  @Test
  void theBodyRunsOncePerChoicePlusOnce() {
    AtomicInteger runs = new AtomicInteger();
    Prob<Real> p = model(m -> {
      runs.incrementAndGet();
      Real a = m.sample("a", normal(0, 1));
      for (int i = 0; i < 100; i++) {
        m.observe(normal(a, Real.of(1)), 0.1 * i); // observations cost no replay
      }
      Real b = m.sample("b", normal(a, Real.of(1)));
      m.factor(b.times(-0.5));
      return m.deterministic("c", a.plus(b));
    });
    Trace<Real> t = Traces.sample(p, Rngs.of(1));
    assertEquals(3, runs.get());
    assertEquals(List.of(Address.of("a"), Address.of("b"), Address.of("c")), t.addresses());
    assertEquals(((Real) t.value("a")).value() + ((Real) t.value("b")).value(), t.output().value(), 1e-15);
  }

  @Test
  void subProgramsMemoisationAndDeterministicSitesWorkInside() {
    Function<Integer, Prob<Boolean>> coin = mem("coin", i -> bernoulli(0.5));
    Prob<Integer> p = model(m -> {
      List<Boolean> flips = m.run(forEach(0, 3, i -> sample(addr("flip", i), bernoulli(0.5))));
      boolean c0 = m.run(coin.apply(0));
      boolean again = m.run(coin.apply(0));
      m.condition(c0 == again);
      int heads = m.deterministic("heads", (int) flips.stream().filter(x -> x).count());
      return heads + (c0 ? 10 : 0);
    });
    Enumeration<Integer> e = Enumerator.enumerate(p);
    assertEquals(0.0, e.logEvidence(), 1e-12, "the memoised coin agrees with itself");
    assertEquals(3.0 / 16, e.probability(11), 1e-12);
  }

  @Test
  void aBodyThatIsNotAFunctionOfItsValuesIsRefused() {
    AtomicInteger calls = new AtomicInteger();
    Prob<Real> impure = model(m -> {
      String name = calls.incrementAndGet() % 2 == 0 ? "x" : "z";
      Real x = m.sample(name, normal(0, 1));
      return m.sample("w", normal(x, Real.of(1)));
    });
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Sampler.run(impure, 1));
    assertTrue(e.getMessage().contains("not a function of its values"), e.getMessage());
    DirectModel.Context[] kept = new DirectModel.Context[1];
    Prob<Real> leaky = model(m -> {
      kept[0] = m;
      return Real.of(1);
    });
    Sampler.run(leaky, 1);
    assertThrows(IllegalStateException.class, () -> kept[0].sample("late", normal(0, 1)));
  }

  @Test
  void anErrorAfterAnImpossibleObservationIsNeverReached() {
    Prob<Integer> p = model(m -> {
      int k = m.sample("k", categorical(0.5, 0.5));
      m.condition(k == 1);
      if (k == 0) {
        throw new ArithmeticException("reached code after a failed condition");
      }
      return k;
    });
    assertEquals(1.0, Enumerator.enumerate(p).probability(1), 1e-12);
    Prob<Integer> fails = model(m -> {
      int k = m.sample("k", categorical(0.5, 0.5));
      if (k == 0) {
        throw new ArithmeticException("k is 0");
      }
      return k;
    });
    assertThrows(ArithmeticException.class, () -> Enumerator.enumerate(fails));
  }
}
