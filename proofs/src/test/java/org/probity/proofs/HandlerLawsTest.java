package org.probity.proofs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.probity.core.Address;
import org.probity.core.FlatMap;
import org.probity.core.Handled;
import org.probity.core.Messenger;
import org.probity.core.Observe;
import org.probity.core.Prob;
import org.probity.core.Pure;
import org.probity.core.Sample;
import org.probity.core.Weighted;
import org.probity.dist.Distribution;
import org.probity.handlers.Block;
import org.probity.handlers.Handlers;
import org.probity.semantics.Enumerator;
import org.probity.testkit.Gen;
import org.probity.testkit.Property;
import org.probity.testkit.PropertyFailure;
import org.probity.testkit.Shrinker;
import org.probity.testkit.Tries;
import org.probity.testkit.laws.Measures;
import org.probity.testkit.programs.Compiler;
import org.probity.testkit.programs.Program;
import org.probity.testkit.programs.ProgramGen;
import org.probity.testkit.programs.ProgramShrinker;
import org.probity.trace.Choice;
import org.probity.trace.Trace;
import org.probity.trace.Traces;

/**
 * The meaning of each composable effect handler ({@code org.probity.handlers.Handlers}, Pyro's
 * vocabulary: Bingham et al., "Pyro: deep universal probabilistic programming", JMLR 2019) and of
 * their nesting, checked exactly by enumeration on generated programs (stochastic control flow,
 * recursion, independent products, named and anonymous sites). The reference meaning of a stack of
 * handlers is computed path by path from the model's prior traces (the trace interpreter's
 * {@code Traces.prior}: every path with its choices, their log densities and the log likelihood):
 *
 * <ul>
 *   <li>{@code condition(p, C)}: the paths whose choices agree with C where they reach an address
 *       of C, each with its weight: the choices at C become observations of the given values
 *       (their densities stay in the weight, as likelihood);
 *   <li>{@code substitute(p, S)} (and {@code replay}): the paths agreeing with S, each weighted
 *       without the densities of the fixed choices (an intervention: they are no choices any more,
 *       and the handlers outside do not see them);
 *   <li>{@code scale(p, s)}: every observation's and factor's log weight times s (impossible stays
 *       impossible), choices untouched; observations made by a condition inside it are scaled too;
 *   <li>{@code block(p)} / {@code block(p, hidden)}: the handlers outside do not see the hidden
 *       sites (a condition outside a block has no effect on a blocked site; the handlers inside
 *       still apply);
 *   <li>nesting: innermost first, each handler seeing what the inner ones made of a site.
 * </ul>
 *
 * The handled program's unnormalised measure on results must equal the reference within
 * {@link Measures#LOG_TOLERANCE}. Each case compiles its program plainly or with the continuations
 * inside its choices ({@link Compiler#DIRECT}), the form in which substitution and seeding once
 * took the next choice for the fixed one (a bug these properties found). Each property catches a planted handler (a condition that forgets
 * to weigh, a substitution that weighs, a scale that scales choices too, a block that hides nothing,
 * a condition whose observations the handlers outside it cannot see) and shrinks it small.
 * Determinism of {@code seed} and the naming of sites are in {@link SeedTest} and
 * {@link SiteNamingTest}.
 */
class HandlerLawsTest {
  static final long SEED = 2019L;
  static final int TRIES = Tries.of(100, 1500);
  /** Model size bound: the reference enumerates every prior path. */
  static final int MAX_MODEL_SIZE = 10;

  // ---- handler stacks ----

  /** One handler of a stack, as the reference reads it. */
  sealed interface Spec {
  }

  /** {@code condition(p, values)}. */
  record Cond(Map<Address, Object> values) implements Spec {
    @Override
    public String toString() {
      return "condition" + values;
    }
  }

  /** {@code substitute(p, values)}. */
  record Subst(Map<Address, Object> values) implements Spec {
    @Override
    public String toString() {
      return "substitute" + values;
    }
  }

  /** {@code scale(p, factor)}. */
  record Scale(double factor) implements Spec {
    @Override
    public String toString() {
      return "scale(" + factor + ")";
    }
  }

  /** {@code block(p)} (every site, factors and anonymous observations included) or {@code block(p, hidden addresses)}. */
  record Blk(Set<Address> hidden) implements Spec {
    boolean all() {
      return hidden == null;
    }

    boolean hides(Address a) {
      return hidden == null || a != null && hidden.contains(a);
    }

    @Override
    public String toString() {
      return all() ? "block(all)" : "block" + hidden;
    }
  }

  /** The handlers under test: {@code Handlers}' own, or one replaced by a planted bug. */
  interface Impl {
    default Prob<Integer> condition(Prob<Integer> p, Map<Address, Object> values) {
      return Handlers.condition(p, values);
    }

    default Prob<Integer> substitute(Prob<Integer> p, Map<Address, Object> values) {
      return Handlers.substitute(p, values);
    }

    default Prob<Integer> scale(Prob<Integer> p, double factor) {
      return Handlers.scale(p, factor);
    }

    default Prob<Integer> block(Prob<Integer> p, Blk b) {
      return b.all() ? Handlers.block(p) : Handlers.block(p, "sites " + b.hidden(), b::hides);
    }
  }

  static final Impl HANDLERS = new Impl() {
  };

  /** The model under the stack, innermost handler first. */
  static Prob<Integer> handled(Impl impl, Prob<Integer> model, List<Spec> stack) {
    Prob<Integer> p = model;
    for (Spec h : stack) {
      if (h instanceof Cond c) {
        p = impl.condition(p, c.values());
      } else if (h instanceof Subst s) {
        p = impl.substitute(p, s.values());
      } else if (h instanceof Scale s) {
        p = impl.scale(p, s.factor());
      } else {
        p = impl.block(p, (Blk) h);
      }
    }
    return p;
  }

  // ---- the reference meaning ----

  /** What a choice has become on its way through the stack. */
  private enum Kind {
    CHOICE, OBSERVATION, FIXED
  }

  /**
   * The reference unnormalised measure of the model under the stack (result to log mass), path by
   * path from the model's prior traces.
   */
  static Map<Integer, Double> reference(Prob<Integer> model, List<Spec> stack) {
    Map<Integer, Double> out = new LinkedHashMap<>();
    for (Weighted<Trace<Integer>> path : Enumerator.unnormalised(Traces.prior(model))) {
      Trace<Integer> t = path.value();
      if (t.logLikelihood() == Double.NEGATIVE_INFINITY) {
        continue; // stopped at a zero weight: no handler here removes one
      }
      double lw = 0;
      boolean agrees = true;
      for (Choice c : t.ordered()) {
        Kind kind = Kind.CHOICE;
        double term = c.logDensity();
        for (Spec h : stack) {
          if (kind == Kind.FIXED || h instanceof Blk b && b.hides(c.address())) {
            break;
          }
          if (h instanceof Cond cd && kind == Kind.CHOICE && cd.values().containsKey(c.address())) {
            agrees &= Objects.equals(cd.values().get(c.address()), c.value());
            kind = Kind.OBSERVATION;
          } else if (h instanceof Subst s && kind == Kind.CHOICE && s.values().containsKey(c.address())) {
            agrees &= Objects.equals(s.values().get(c.address()), c.value());
            kind = Kind.FIXED;
            term = 0.0;
          } else if (h instanceof Scale s && kind == Kind.OBSERVATION) {
            term *= s.factor();
          }
        }
        lw += term;
      }
      if (!agrees) {
        continue;
      }
      double likelihood = t.logLikelihood();
      for (Spec h : stack) {
        if (h instanceof Blk b && b.all()) {
          break;
        }
        if (h instanceof Scale s) {
          likelihood *= s.factor();
        }
      }
      out.merge(t.output(), lw + likelihood, HandlerLawsTest::logAddExp);
    }
    return out;
  }

  static double logAddExp(double a, double b) {
    double m = Math.max(a, b);
    return m == Double.NEGATIVE_INFINITY ? m : m + Math.log(Math.exp(a - m) + Math.exp(b - m));
  }

  // ---- cases ----

  /**
   * A model, compiled plainly or with the continuations in its choices ({@link Compiler#DIRECT}),
   * and a stack of handlers over it (innermost first).
   */
  record Case(Program model, List<Spec> stack, boolean direct) {
    Prob<Integer> compiled() {
      return (direct ? Compiler.DIRECT : Compiler.PLAIN).apply(model);
    }

    @Override
    public String toString() {
      return stack + " on" + (direct ? " (continuations in the choices)" : "") + "\n" + model;
    }
  }

  /**
   * The values each address may be fixed to: those in the support of the site's distribution on
   * every path that reaches it (so that a fixed value is meaningful wherever the address is met).
   */
  static Map<Address, List<Object>> candidates(Prob<Integer> model) {
    Map<Address, List<Object>> out = new LinkedHashMap<>();
    for (Weighted<Trace<Integer>> path : Enumerator.unnormalised(Traces.prior(model))) {
      for (Choice c : path.value().ordered()) {
        @SuppressWarnings("unchecked")
        List<Object> support = ((Distribution<Object>) c.dist()).enumerateSupport();
        out.merge(c.address(), new ArrayList<>(support), (a, b) -> {
          a.retainAll(b);
          return a;
        });
      }
    }
    out.values().removeIf(List::isEmpty);
    return out;
  }

  /** Whether every fixed value of the stack is a candidate of its address (else the case says nothing). */
  static boolean meaningful(Map<Address, List<Object>> candidates, List<Spec> stack) {
    for (Spec h : stack) {
      Map<Address, Object> vs = h instanceof Cond c ? c.values() : h instanceof Subst s ? s.values() : Map.of();
      for (Map.Entry<Address, Object> e : vs.entrySet()) {
        List<Object> ok = candidates.get(e.getKey());
        if (ok != null && !ok.contains(e.getValue())) {
          return false;
        }
      }
    }
    return true;
  }

  /** The kinds of handler a stack may draw from. */
  enum Of {
    COND, SUBST, SCALE, BLOCK_ALL, BLOCK_SITES
  }

  static final double[] FACTORS = {0.0, 0.5, 2.0, 1.5};

  /** A handler of the given kind for a model whose sites may take {@code candidates}. */
  static Spec spec(Of kind, Map<Address, List<Object>> candidates, UniformRandomProvider rng) {
    List<Address> sites = new ArrayList<>(candidates.keySet());
    switch (kind) {
      case COND:
      case SUBST: {
        Map<Address, Object> vs = new LinkedHashMap<>();
        int k = sites.isEmpty() ? 0 : 1 + rng.nextInt(Math.min(3, sites.size()));
        for (int i = 0; i < k; i++) {
          Address a = sites.get(rng.nextInt(sites.size()));
          List<Object> ok = candidates.get(a);
          vs.put(a, ok.get(rng.nextInt(ok.size())));
        }
        return kind == Of.COND ? new Cond(vs) : new Subst(vs);
      }
      case SCALE:
        return new Scale(FACTORS[rng.nextInt(FACTORS.length)]);
      case BLOCK_ALL:
        return new Blk(null);
      default: {
        Set<Address> hidden = new LinkedHashSet<>();
        for (Address a : sites) {
          if (rng.nextInt(2) == 0) {
            hidden.add(a);
          }
        }
        return new Blk(hidden);
      }
    }
  }

  /** Cases whose stacks follow one of the given shapes (a list of kinds to pick from at each level). */
  static Gen<Case> cases(List<List<List<Of>>> shapes) {
    return (rng, size) -> {
      Program p = ProgramGen.models().generate(rng, Math.min(size, MAX_MODEL_SIZE));
      Map<Address, List<Object>> cs = candidates(Compiler.compile(p));
      List<Spec> stack = new ArrayList<>();
      for (List<Of> level : shapes.get(rng.nextInt(shapes.size()))) {
        stack.add(spec(level.get(rng.nextInt(level.size())), cs, rng));
      }
      return new Case(p, stack, rng.nextInt(2) == 0);
    };
  }

  /** Simpler cases: a smaller model, fewer handlers, fewer fixed or hidden sites, a plainer factor. */
  static Shrinker<Case> shrinker(int minHandlers) {
    return c -> {
      List<Case> out = new ArrayList<>();
      if (c.direct()) {
        out.add(new Case(c.model(), c.stack(), false));
      }
      ProgramShrinker.shrink(c.model(), 0).forEach(m -> out.add(new Case(m, c.stack(), c.direct())));
      for (int i = 0; i < c.stack().size(); i++) {
        if (c.stack().size() > minHandlers) {
          List<Spec> fewer = new ArrayList<>(c.stack());
          fewer.remove(i);
          out.add(new Case(c.model(), fewer, c.direct()));
        }
        for (Spec s : simpler(c.stack().get(i))) {
          List<Spec> st = new ArrayList<>(c.stack());
          st.set(i, s);
          out.add(new Case(c.model(), st, c.direct()));
        }
      }
      return out;
    };
  }

  private static List<Spec> simpler(Spec h) {
    List<Spec> out = new ArrayList<>();
    Map<Address, Object> vs = h instanceof Cond c ? c.values() : h instanceof Subst s ? s.values() : null;
    if (vs != null && vs.size() > 1) {
      for (Address a : vs.keySet()) {
        Map<Address, Object> fewer = new LinkedHashMap<>(vs);
        fewer.remove(a);
        out.add(h instanceof Cond ? new Cond(fewer) : new Subst(fewer));
      }
    }
    if (h instanceof Blk b && !b.all() && b.hidden().size() > 1) {
      for (Address a : b.hidden()) {
        Set<Address> fewer = new LinkedHashSet<>(b.hidden());
        fewer.remove(a);
        out.add(new Blk(fewer));
      }
    }
    return out;
  }

  static int size(Object c) {
    Case k = (Case) c;
    return k.model().size();
  }

  /** The handled model denotes the reference measure on every generated case. */
  static void meansTheReference(Impl impl, Gen<Case> gen, Shrinker<Case> shrinker) {
    Property.forAll(gen, shrinker, TRIES, SEED, c -> {
      Prob<Integer> model = c.compiled();
      if (!meaningful(candidates(model), c.stack())) {
        return true; // a shrunk model on which a fixed value no longer fits its site
      }
      String d = Measures.difference(Measures.of(handled(impl, model, c.stack())), reference(model, c.stack()));
      if (d != null) {
        throw new AssertionError("the handled program differs from the reference meaning at " + d);
      }
      return true;
    });
  }

  static List<List<List<Of>>> one(Of kind) {
    return List.of(List.of(List.of(kind)));
  }

  // ---- the properties ----

  @Test
  void conditionObservesTheChoicesAtTheGivenValues() {
    meansTheReference(HANDLERS, cases(one(Of.COND)), shrinker(1));
  }

  @Test
  void substituteFixesTheChoicesWithoutWeight() {
    meansTheReference(HANDLERS, cases(one(Of.SUBST)), shrinker(1));
  }

  @Test
  void scaleScalesObservationsAndFactorsOnly() {
    meansTheReference(HANDLERS, cases(one(Of.SCALE)), shrinker(1));
  }

  /** Shapes with a block: a handler outside it, or a handler inside it. */
  static final List<List<List<Of>>> BLOCKED = List.of(
      List.of(List.of(Of.BLOCK_ALL, Of.BLOCK_SITES), List.of(Of.COND, Of.SUBST, Of.SCALE)),
      List.of(List.of(Of.COND, Of.SUBST, Of.SCALE), List.of(Of.BLOCK_ALL, Of.BLOCK_SITES)),
      List.of(List.of(Of.COND, Of.SUBST), List.of(Of.BLOCK_SITES), List.of(Of.SCALE)));

  @Test
  void blockHidesSitesFromTheHandlersOutside() {
    meansTheReference(HANDLERS, cases(BLOCKED), shrinker(2));
  }

  /** Stacks of two or three handlers of every kind. */
  static final List<List<List<Of>>> NESTED = List.of(List.of(List.of(Of.values()), List.of(Of.values())),
      List.of(List.of(Of.values()), List.of(Of.values()), List.of(Of.values())));

  @Test
  void nestedHandlersComposeInnermostFirst() {
    meansTheReference(HANDLERS, cases(NESTED), shrinker(1));
  }

  @Test
  void replayOfATraceIsThatPathWeightedByItsLikelihood() {
    replayIsThePath(Handlers::replay);
  }

  /** A replay under test. */
  interface Replay {
    Prob<Integer> replay(Prob<Integer> model, Trace<Integer> trace);
  }

  /** A model compiled plainly or with the continuations in its choices. */
  record Model(Program program, boolean direct) {
    Prob<Integer> compiled() {
      return (direct ? Compiler.DIRECT : Compiler.PLAIN).apply(program);
    }

    @Override
    public String toString() {
      return (direct ? "(continuations in the choices)\n" : "") + program;
    }
  }

  static final Gen<Model> MODELS = (rng, size) -> new Model(ProgramGen.models().generate(rng, size), rng.nextInt(2) == 0);

  static final Shrinker<Model> SHRINK_MODELS = m -> {
    List<Model> out = new ArrayList<>();
    if (m.direct()) {
      out.add(new Model(m.program(), false));
    }
    ProgramShrinker.shrink(m.program(), 0).forEach(p -> out.add(new Model(p, m.direct())));
    return out;
  };

  /** For every prior trace t of positive likelihood, replay(model, t) is one path: t's result, t's likelihood. */
  static void replayIsThePath(Replay impl) {
    Property.forAll(MODELS, SHRINK_MODELS, TRIES, SEED, m -> {
      Prob<Integer> model = m.compiled();
      for (Trace<Integer> t : Enumerator.enumerate(Traces.prior(model)).support()) {
        if (t.logLikelihood() == Double.NEGATIVE_INFINITY) {
          continue;
        }
        List<Weighted<Integer>> paths = Enumerator.unnormalised(impl.replay(model, t));
        if (paths.size() != 1 || !paths.get(0).value().equals(t.output())
            || !Measures.close(paths.get(0).logWeight(), t.logLikelihood())) {
          throw new AssertionError("replaying " + t + " gives " + paths + ", not its result " + t.output()
              + " with its log likelihood " + t.logLikelihood());
        }
      }
      return true;
    });
  }

  // ---- planted bugs ----

  /** {@link #conditionObservesTheChoicesAtTheGivenValues}: a condition that forgets to weigh (a substitution). */
  @Test
  void findsAConditionThatForgetsToWeigh() {
    Impl planted = new Impl() {
      @Override
      public Prob<Integer> condition(Prob<Integer> p, Map<Address, Object> values) {
        return Handlers.substitute(p, values);
      }
    };
    assertFound(() -> meansTheReference(planted, cases(one(Of.COND)), shrinker(1)), 1);
  }

  /** {@link #substituteFixesTheChoicesWithoutWeight}: a substitution that weighs (a condition). */
  @Test
  void findsASubstitutionThatWeighs() {
    Impl planted = new Impl() {
      @Override
      public Prob<Integer> substitute(Prob<Integer> p, Map<Address, Object> values) {
        return Handlers.condition(p, values);
      }
    };
    assertFound(() -> meansTheReference(planted, cases(one(Of.SUBST)), shrinker(1)), 1);
  }

  /** {@link #replayOfATraceIsThatPathWeightedByItsLikelihood}: a replay that keeps only the named values. */
  @Test
  void findsAReplayThatForgetsTheAnonymousChoices() {
    Replay planted = (model, t) -> {
      Map<Address, Object> named = new LinkedHashMap<>(t.values());
      named.keySet().removeIf(Address::isAnonymous);
      return Handlers.substitute(model, named);
    };
    Property.assertFindsSmall(() -> replayIsThePath(planted), 1, m -> ((Model) m).program().size());
  }

  /** {@link #scaleScalesObservationsAndFactorsOnly}: a scale that scales the choices' densities too. */
  @Test
  void findsAScaleThatScalesChoicesToo() {
    Impl planted = new Impl() {
      @Override
      public Prob<Integer> scale(Prob<Integer> p, double factor) {
        return Handlers.handle(Handlers.scale(p, factor), new Messenger() {
          @Override
          @SuppressWarnings({"unchecked", "rawtypes"})
          public Prob<?> sample(Sample<?, ?> s, Address address) {
            Distribution d = s.dist();
            Function k = s.k();
            return new Sample<Object, Object>(s.address(), d, x -> new org.probity.core.Factor<Object>(
                org.probity.ad.Real.of((factor - 1) * d.logDensity(x)), () -> (Prob<Object>) k.apply(x)));
          }
        });
      }
    };
    assertFound(() -> meansTheReference(planted, cases(one(Of.SCALE)), shrinker(1)), 1);
  }

  /** {@link #blockHidesSitesFromTheHandlersOutside}: a block that hides nothing. */
  @Test
  void findsABlockThatHidesNothing() {
    Impl planted = new Impl() {
      @Override
      public Prob<Integer> block(Prob<Integer> p, Blk b) {
        return Handlers.block(p, "nothing", a -> false);
      }
    };
    assertFound(() -> meansTheReference(planted, cases(BLOCKED), shrinker(2)), 1);
  }

  /**
   * {@link #nestedHandlersComposeInnermostFirst}: a condition whose observations are hidden from
   * the handlers outside it (an outer scale no longer tempers them). Alone it means the same as a
   * condition, so only a nested stack can see it.
   */
  @Test
  void findsAConditionWhoseObservationsTheOuterHandlersCannotSee() {
    Impl planted = new Impl() {
      @Override
      public Prob<Integer> condition(Prob<Integer> p, Map<Address, Object> values) {
        return Handlers.handle(p, new Messenger() {
          @Override
          @SuppressWarnings({"unchecked", "rawtypes"})
          public Prob<?> sample(Sample<?, ?> s, Address address) {
            if (!values.containsKey(address)) {
              return s;
            }
            Object v = values.get(address);
            Prob<Object> seen = new Observe(null, s.dist(), v, () -> new Pure<>(v));
            return new FlatMap(new Handled<>(seen, new Block("the observation", a -> true)), s.k());
          }
        });
      }
    };
    meansTheReference(planted, cases(one(Of.COND)), shrinker(1)); // alone it is a condition
    PropertyFailure f = assertFound(() -> meansTheReference(planted, cases(NESTED), shrinker(1)), 1);
    assertTrue(f.counterexample().toString().contains("scale"), f.getMessage());
  }

  static PropertyFailure assertFound(Runnable property, int maxModelSize) {
    PropertyFailure f = Property.assertFindsSmall(property, maxModelSize, HandlerLawsTest::size);
    assertTrue(f.getMessage().contains("differs from the reference meaning"), f.getMessage());
    return f;
  }
}
