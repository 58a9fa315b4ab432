package org.probity.semantics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.core.Address;
import org.probity.core.AddressSet;
import org.probity.core.Compiled;
import org.probity.core.Factor;
import org.probity.core.Handler;
import org.probity.core.Independent;
import org.probity.core.Interpreter;
import org.probity.core.Machine;
import org.probity.core.Observe;
import org.probity.core.Parallel;
import org.probity.core.Prob;
import org.probity.core.ProbityException;
import org.probity.core.Sample;
import org.probity.core.Weighted;
import org.probity.core.Weights;
import org.probity.dist.Deterministic;
import org.probity.random.Rngs;

/**
 * The sampling semantics: runs a program forward with a generator, drawing every choice from its
 * distribution and adding observations and factors to a log weight (likelihood weighting). A run
 * stops at its first zero weight (its value is then null: a zero-weight run has no result), as
 * every interpreter does, so code after a failed {@code condition} never runs.
 *
 * <p>Independent products run their parts on generators split from (a draw of the parent
 * generator, part index), in parallel when there are enough parts, so the result for a seed is
 * bit-identical whatever the number of threads; in sequence while a tape records on the calling
 * thread ({@code Tape.recording}), since automatic differentiation is single-threaded. A
 * {@link Compiled} node runs its compiled path.
 */
public final class Sampler {
  /** Parts below this count run sequentially. */
  private static final int PARALLEL_THRESHOLD = 32;

  private Sampler() {
  }

  /**
   * One run: the value (null when the weight is zero), the log weight and, when the weight is
   * zero, a description of the site where it became zero (null otherwise).
   */
  public record Run<A>(A value, double logWeight, String zeroSite) {
    /** The value with its weight. */
    public Weighted<A> weighted() {
      return new Weighted<>(value, logWeight);
    }
  }

  /** Runs {@code program} with a generator seeded by {@code seed}. */
  public static <A> Weighted<A> run(Prob<A> program, long seed) {
    return run(program, Rngs.of(seed));
  }

  /** Runs {@code program} with the given generator. */
  public static <A> Weighted<A> run(Prob<A> program, UniformRandomProvider rng) {
    return detailed(program, rng).weighted();
  }

  /** Runs {@code program} with the given generator, saying where a zero weight arose. */
  @SuppressWarnings("unchecked")
  public static <A> Run<A> detailed(Prob<A> program, UniformRandomProvider rng) {
    Draw h = new Draw(rng);
    Object v = Interpreter.run(program, h);
    return new Run<>((A) v, h.logWeight, h.zeroSite);
  }

  /** Draws one value from the program, ignoring its weight (a prior or forward sample). */
  public static <A> A sample(Prob<A> program, long seed) {
    return run(program, seed).value();
  }

  /**
   * A run with its choices recorded: the value, the log weight, the log density of the drawn
   * choices (the proposal density) and the choices by address in the order reached.
   */
  public record Recorded<A>(A value, double logWeight, double logProposal, Map<Address, Object> choices) {
  }

  /** Runs and records every choice by address with the log density of the draws. */
  public static <A> Recorded<A> record(Prob<A> program, UniformRandomProvider rng) {
    return generate(program, Map.of(), rng);
  }

  /**
   * Gen's {@code generate} with a generator: the choices at the addresses in {@code constraints}
   * take the given values, their log densities added to the weight; all other choices are drawn
   * and recorded, their log densities summed in {@code logProposal}. A constraint at an address the
   * run never reaches is an error naming it (its value would otherwise be silently ignored).
   */
  @SuppressWarnings("unchecked")
  public static <A> Recorded<A> generate(Prob<A> program, Map<Address, ?> constraints, UniformRandomProvider rng) {
    Generate h = new Generate(rng, constraints);
    A value = (A) Interpreter.run(program, h);
    if (h.logWeight != Double.NEGATIVE_INFINITY && !h.choices.keySet().containsAll(constraints.keySet())) {
      Set<Address> unused = new LinkedHashSet<>(constraints.keySet());
      unused.removeAll(h.choices.keySet());
      throw new ProbityException("values given for addresses the program did not reach: " + unused);
    }
    return new Recorded<>(value, h.logWeight, h.logProposal, h.choices);
  }

  /** The handler of a recorded run: as {@link Draw}, with given values at constrained addresses. */
  private static final class Generate extends Draw {
    final Map<Address, ?> constraints;
    final Map<Address, Object> choices = new LinkedHashMap<>();
    double logProposal;

    Generate(UniformRandomProvider rng, Map<Address, ?> constraints) {
      super(rng);
      this.constraints = constraints;
    }

    @Override
    public UniformRandomProvider drawsFromPrior() {
      return null; // every choice is recorded, and may be given
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Prob<?> sample(Sample<?, ?> s, Interpreter run) {
      Address a = run.address();
      Object x;
      if (s.dist() instanceof Deterministic<?> det) {
        x = det.value(); // recorded, never constrained, no weight
        choices.put(a, x);
        return (Prob<?>) ((Sample) s).k().apply(x);
      }
      if (constraints.containsKey(a)) {
        x = constraints.get(a);
        double l = Weights.choice(s.dist(), x, a);
        choices.put(a, x);
        if (l == Double.NEGATIVE_INFINITY) {
          zeroSite = "the given value " + Weights.briefly(x) + " at " + a + " for " + Weights.briefly(s.dist());
          return stop();
        }
        logWeight = Weights.total(logWeight + l, a);
      } else {
        x = s.dist().sample(rng);
        logProposal += Weights.choice(s.dist(), x, a);
        choices.put(a, x);
      }
      return (Prob<?>) ((Sample) s).k().apply(x);
    }

    @Override
    Draw child(UniformRandomProvider r) {
      return new Generate(r, constraints);
    }

    @Override
    void absorb(Draw part) {
      Generate g = (Generate) part;
      choices.putAll(g.choices);
      logProposal += g.logProposal;
    }

    @Override
    public Prob<?> compiled(Compiled<?> c, Interpreter run) {
      return c.meaning(); // recording needs every choice's address: run the meaning
    }
  }

  /** The handler of one forward run: draws, weighs, stops at zero weight. */
  private static class Draw implements Handler<Object> {
    final UniformRandomProvider rng;
    double logWeight;
    String zeroSite;
    AddressSet names;

    Draw(UniformRandomProvider rng) {
      this.rng = rng;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Prob<?> sample(Sample<?, ?> s, Interpreter run) {
      return (Prob<?>) ((Sample) s).k().apply(s.dist().sample(rng));
    }

    @Override
    public UniformRandomProvider drawsFromPrior() {
      return rng; // what sample does (Generate, which records, overrides both)
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Prob<?> observe(Observe<?, ?> o, Interpreter run) {
      double l = Weights.observe(o);
      if (l == Double.NEGATIVE_INFINITY) {
        zeroSite = "the observation " + (o.address() == null ? "(anonymous)" : o.address()) + " of "
            + Weights.briefly(o.value()) + " from " + Weights.briefly(o.dist());
        return stop();
      }
      logWeight = Weights.total(logWeight + l, o.address() == null ? "an observation" : o.address());
      return (Prob<?>) ((Observe) o).next().get();
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Prob<?> factor(Factor<?> f, Interpreter run) {
      double l = Weights.factor(f);
      if (l == Double.NEGATIVE_INFINITY) {
        zeroSite = "a factor (or condition) of log weight -Infinity";
        return stop();
      }
      logWeight = Weights.total(logWeight + l, "a factor");
      return (Prob<?>) ((Factor) f).next().get();
    }

    /** The handler of a part of an independent product, run on {@code r}. */
    Draw child(UniformRandomProvider r) {
      return new Draw(r);
    }

    /** Takes in what a part's run recorded (nothing, for a plain run). */
    void absorb(Draw part) {
    }

    Prob<?> stop() {
      logWeight = Double.NEGATIVE_INFINITY;
      return Interpreter.STOP;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Prob<?> independent(Independent<?, ?> ind, Interpreter run) {
      Machine[] parts = run.parts(ind);
      int n = parts.length;
      long base = rng.nextLong();
      Object[] values = new Object[n];
      Draw[] hs = new Draw[n];
      // a tape is single-threaded: while differentiated work runs, the parts run in sequence
      Parallel.forEach(n, n >= PARALLEL_THRESHOLD && !org.probity.ad.Tape.recording(), i -> {
        Draw h = child(Rngs.split(base, i));
        values[i] = Interpreter.run(parts[i], h);
        hs[i] = h;
      });
      for (int i = 0; i < n; i++) {
        Draw h = hs[i];
        absorb(h);
        if (h.logWeight == Double.NEGATIVE_INFINITY) {
          zeroSite = h.zeroSite;
          return stop();
        }
        logWeight += h.logWeight;
        if (Double.isNaN(logWeight) || logWeight == Double.POSITIVE_INFINITY) {
          Weights.total(logWeight, "part " + i + " of an independent product"); // throws, naming the part
        }
      }
      for (Draw h : hs) {
        run.claimAll(h.names);
      }
      return (Prob<?>) ((java.util.function.Function) ind.k()).apply(java.util.Collections.unmodifiableList(new ArrayList<>(Arrays.asList(values))));
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Prob<?> compiled(Compiled<?> c, Interpreter run) {
      Weighted<?> w = ((Compiled) c).sampling().run(rng);
      if (w.logWeight() == Double.NEGATIVE_INFINITY) {
        zeroSite = "a compiled step of zero weight";
        return stop();
      }
      logWeight = Weights.total(logWeight + w.logWeight(), "a compiled step");
      return new org.probity.core.Pure<>(w.value());
    }

    @Override
    public Object result(Object value, Interpreter run) {
      names = run.names();
      return value;
    }

    @Override
    public Object stopped(Interpreter run) {
      names = run.names();
      return null;
    }
  }
}
