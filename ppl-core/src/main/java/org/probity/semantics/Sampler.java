package org.probity.semantics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.core.Address;
import org.probity.core.Compiled;
import org.probity.core.Cont;
import org.probity.core.Defer;
import org.probity.core.Factor;
import org.probity.core.FlatMap;
import org.probity.core.Independent;
import org.probity.core.InvalidWeightException;
import org.probity.core.Observe;
import org.probity.core.Prob;
import org.probity.core.Pure;
import org.probity.core.Sample;
import org.probity.core.SiteNamer;
import org.probity.core.Weighted;
import org.probity.random.Rngs;

/**
 * The sampling semantics: runs a program forward with a generator, drawing every choice from its
 * distribution and adding observations and factors to a log weight (likelihood weighting).
 *
 * <p>Independent products run their parts on generators split from (a draw of the parent
 * generator, part index), in parallel when there are enough parts, so the result for a seed is
 * bit-identical whatever the number of threads.
 *
 * <p>With {@link #record} the run also records every choice by address with its log density (a
 * lightweight trace); with {@link #generate} chosen addresses take given values (weighted by their
 * density) and the rest are drawn, as in Gen's {@code generate}.
 */
public final class Sampler {
  /** Parts below this count run sequentially. */
  private static final int PARALLEL_THRESHOLD = 32;

  private Sampler() {
  }

  /** Runs {@code program} with a generator seeded by {@code seed}. */
  public static <A> Weighted<A> run(Prob<A> program, long seed) {
    return run(program, Rngs.of(seed));
  }

  /** Runs {@code program} with the given generator. */
  public static <A> Weighted<A> run(Prob<A> program, UniformRandomProvider rng) {
    Run r = new Run(rng, null, null);
    @SuppressWarnings("unchecked")
    A value = (A) r.exec(program);
    return new Weighted<>(value, r.logWeight);
  }

  /** Draws one value from the program, ignoring its weight (a prior or forward sample). */
  public static <A> A sample(Prob<A> program, long seed) {
    return run(program, seed).value();
  }

  /** A run with its recorded choices: value, total log weight, log density of the draws, choices. */
  public record Recorded<A>(A value, double logWeight, double logProposal, Map<Address, Object> choices) {
  }

  /** Runs and records every choice by address with the log density of the draws. */
  public static <A> Recorded<A> record(Prob<A> program, UniformRandomProvider rng) {
    return generate(program, Map.of(), rng);
  }

  /**
   * Runs with the choices at the addresses in {@code constraints} fixed to the given values: their
   * log densities are added to the weight; all other choices are drawn and recorded, their log
   * densities summed in {@code logProposal}. A constraint at an address the run never reaches is
   * an error naming it (its value would otherwise be silently ignored).
   */
  public static <A> Recorded<A> generate(Prob<A> program, Map<Address, ?> constraints, UniformRandomProvider rng) {
    Run r = new Run(rng, SiteNamer.root(), constraints);
    @SuppressWarnings("unchecked")
    A value = (A) r.exec(program);
    if (!r.choices.keySet().containsAll(constraints.keySet())) {
      java.util.Set<Address> unused = new java.util.LinkedHashSet<>(constraints.keySet());
      unused.removeAll(r.choices.keySet());
      throw new org.probity.core.ProbityException("values given for addresses the program did not reach: " + unused);
    }
    return new Recorded<>(value, r.logWeight, r.logProposal, r.choices);
  }

  private static final class Run {
    final UniformRandomProvider rng;
    final SiteNamer namer;
    final Map<Address, ?> constraints;
    final Map<Address, Object> choices;
    double logWeight;
    double logProposal;
    java.util.Set<Address> named;

    Run(UniformRandomProvider rng, SiteNamer namer, Map<Address, ?> constraints) {
      this.rng = rng;
      this.namer = namer;
      this.constraints = constraints;
      this.choices = namer == null ? null : new LinkedHashMap<>();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    Object exec(Prob<?> program) {
      Prob node = program;
      Cont stack = null;
      while (true) {
        if (node instanceof Sample s) {
          Object x;
          if (namer == null) {
            if (s.address() != null) {
              claim(s.address());
            }
            x = s.dist().sample(rng);
          } else {
            Address a = namer.sampleSite(s.address());
            if (constraints.containsKey(a)) {
              x = constraints.get(a);
              logWeight += InvalidWeightException.check(s.dist().logDensity(x), a, s.dist(), x);
            } else {
              x = s.dist().sample(rng);
              logProposal += s.dist().logDensity(x);
            }
            choices.put(a, x);
          }
          node = (Prob) s.k().apply(x);
        } else if (node instanceof Observe o) {
          if (o.address() != null) {
            if (namer != null) {
              namer.observeSite(o.address());
            } else {
              claim(o.address());
            }
          }
          double lw = o.dist().logDensity(o.value());
          if (Double.isNaN(lw) || lw == Double.POSITIVE_INFINITY) {
            InvalidWeightException.check(lw, o.address() == null ? "an observation" : o.address(), o.dist(), o.value());
          }
          logWeight += lw;
          node = (Prob) o.next().get();
        } else if (node instanceof FlatMap fm) {
          stack = Cont.push(fm.k(), stack);
          node = fm.first();
        } else if (node instanceof Pure p) {
          if (stack == null) {
            return p.value();
          }
          node = stack.head().apply(p.value());
          stack = stack.tail();
        } else if (node instanceof Factor f) {
          logWeight += f.logWeight().value();
          node = (Prob) f.next().get();
        } else if (node instanceof Defer d) {
          node = (Prob) d.thunk().get();
        } else if (node instanceof Independent ind) {
          node = (Prob) ind.k().apply(independent(ind.parts()));
        } else if (node instanceof Compiled c) {
          if (namer == null) {
            Weighted w = c.sampling().run(rng);
            logWeight += w.logWeight();
            node = new Pure(w.value());
          } else {
            node = c.meaning(); // recording needs every choice's address: run the meaning
          }
        } else {
          throw new IllegalStateException("unknown node " + node);
        }
      }
    }

    private void claim(Address a) {
      if (named == null) {
        named = new java.util.HashSet<>();
      }
      if (!named.add(a)) {
        throw new org.probity.core.DuplicateAddressException(a);
      }
    }

    private List<Object> independent(List<? extends Prob<?>> parts) {
      int n = parts.size();
      long base = rng.nextLong();
      SiteNamer[] namers = namer == null ? null : namer.parts(n);
      Run[] runs = new Run[n];
      Object[] values = new Object[n];
      IntStream idx = IntStream.range(0, n);
      if (n >= PARALLEL_THRESHOLD && namer == null) {
        idx = idx.parallel();
      }
      idx.forEach(i -> {
        Run r = new Run(Rngs.split(base, i), namers == null ? null : namers[i], constraints);
        values[i] = r.exec(parts.get(i));
        runs[i] = r;
      });
      for (Run r : runs) {
        logWeight += r.logWeight;
        logProposal += r.logProposal;
        if (r.named != null) {
          for (Address a : r.named) {
            claim(a);
          }
        }
        if (choices != null) {
          choices.putAll(r.choices);
        }
      }
      return new ArrayList<>(Arrays.asList(values));
    }
  }
}
