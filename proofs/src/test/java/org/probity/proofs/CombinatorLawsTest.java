package org.probity.proofs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.probity.Probity;
import org.probity.core.Defer;
import org.probity.core.Independent;
import org.probity.core.PList;
import org.probity.core.Prob;
import org.probity.core.Pure;
import org.probity.dist.Categorical;
import org.probity.testkit.Gen;
import org.probity.testkit.Property;
import org.probity.testkit.Shrinker;
import org.probity.testkit.Tries;
import org.probity.testkit.laws.Measures;
import org.probity.testkit.programs.Compiler;
import org.probity.testkit.programs.Expr;
import org.probity.testkit.programs.FiniteDist;
import org.probity.testkit.programs.Program;
import org.probity.testkit.programs.ProgramGen;
import org.probity.testkit.programs.ProgramShrinker;

/**
 * The combinators are what their definitions say, under the Enumerator's measure semantics:
 * {@code map f = flatMap (pure . f)}; fold, forEach, replicate, sequence, independent,
 * ifThenElse and mixture agree with their hand-written unfoldings into binds; {@code defer} is
 * transparent (wrapping every node of a program in Defer changes nothing). Independent products
 * equal sequential composition because the measure monad is commutative (Scibior et al., POPL
 * 2018, §4; Staton, "Commutative semantics for probabilistic programming", ESOP 2017).
 */
class CombinatorLawsTest {
  static final long SEED = 4242L;
  static final int TRIES = Tries.of(60, 800);
  static final int MAX_PROGRAM = 6;

  /** The combinators under test; the defaults are the library's. */
  interface Impl {
    default Prob<Integer> map(Prob<Integer> m, Function<Integer, Integer> f) {
      return m.map(f);
    }

    default Prob<Integer> fold(int from, int to, Integer init, BiFunction<Integer, Integer, Prob<Integer>> step) {
      return Probity.fold(from, to, init, step);
    }

    default Prob<List<Integer>> forEach(int from, int to, IntFunction<Prob<Integer>> body) {
      return Probity.forEach(from, to, body);
    }

    default Prob<List<Integer>> replicate(int n, Prob<Integer> p) {
      return Probity.replicate(n, p);
    }

    default Prob<List<Integer>> sequence(List<Prob<Integer>> ps) {
      return Probity.sequence(ps);
    }

    default Prob<List<Integer>> independent(int n, IntFunction<Prob<Integer>> body) {
      return Probity.independent(n, body);
    }

    default Prob<Integer> ifThenElse(Prob<Boolean> c, Prob<Integer> t, Prob<Integer> e) {
      return Probity.ifThenElse(c, t, e);
    }

    default Prob<Integer> mixture(double[] w, List<Prob<Integer>> comps) {
      return Probity.mixture(w, comps);
    }

    default Prob<Integer> defer(Supplier<Prob<Integer>> thunk) {
      return Probity.defer(thunk);
    }
  }

  static final Impl LIBRARY = new Impl() {
  };

  /** A case: programs p0..p2 (p0 with {@code free} free variables), a count n, a value a and weights. */
  record Case(List<Program> ps, int free, int n, int a, FiniteDist weights) {
    int size() {
      return ps.stream().mapToInt(Program::size).sum() + n;
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("n = " + n + ", a = " + a + ", weights = " + weights + "\n");
      for (int i = 0; i < ps.size(); i++) {
        sb.append("p").append(i).append(i == 0 && free > 0 ? "(" + vars(free) + ")" : "").append(" =\n")
            .append(ps.get(i).print(i == 0 ? free : 0).indent(2));
      }
      return sb.toString();
    }

    private static String vars(int k) {
      List<String> v = new ArrayList<>();
      for (int i = 0; i < k; i++) {
        v.add("x" + i);
      }
      return String.join(", ", v);
    }
  }

  static Gen<Case> cases(int free, boolean named) {
    return (rng, size) -> {
      int s = Math.min(size, MAX_PROGRAM);
      ProgramGen g = named ? ProgramGen.models() : ProgramGen.models().anonymous();
      List<Program> ps = List.of(g.withFreeVariables(free).withPrefix("p").generate(rng, s),
          g.withPrefix("q").generate(rng, s), g.withPrefix("r").generate(rng, s));
      FiniteDist w = FiniteDist.categorical(0.2, 0.3, 0.5);
      return new Case(ps, free, rng.nextInt(4), rng.nextInt(3), w);
    };
  }

  static Shrinker<Case> shrinker() {
    return c -> {
      List<Case> out = new ArrayList<>();
      if (c.n() > 0) {
        out.add(new Case(c.ps(), c.free(), c.n() - 1, c.a(), c.weights()));
      }
      if (c.a() > 0) {
        out.add(new Case(c.ps(), c.free(), c.n(), 0, c.weights()));
      }
      for (int i = 0; i < c.ps().size(); i++) {
        final int j = i;
        ProgramShrinker.shrink(c.ps().get(j), j == 0 ? c.free() : 0).forEach(q -> {
          List<Program> ps = new ArrayList<>(c.ps());
          ps.set(j, q);
          out.add(new Case(ps, c.free(), c.n(), c.a(), c.weights()));
        });
      }
      return out;
    };
  }

  static int size(Object c) {
    return ((Case) c).size();
  }

  static void check(int free, boolean named, Impl impl, Function<Case, Prob<?>[]> sides) {
    Property.forAll(cases(free, named), shrinker(), TRIES, SEED, c -> {
      Prob<?>[] lr = sides.apply(c);
      @SuppressWarnings("unchecked")
      Prob<Object> l = (Prob<Object>) lr[0];
      @SuppressWarnings("unchecked")
      Prob<Object> r = (Prob<Object>) lr[1];
      Measures.assertSame(l, r);
      return true;
    });
  }

  /** The hand-written loop: p(from) >>= ... >>= p(to-1), collecting the results. */
  static Prob<List<Integer>> unfoldList(int i, int to, IntFunction<Prob<Integer>> body, PList<Integer> acc) {
    if (i >= to) {
      return new Pure<>(PList.toListReversed(acc));
    }
    return body.apply(i).flatMap(x -> unfoldList(i + 1, to, body, PList.cons(x, acc)));
  }

  // ---- the laws, each a function of the implementation under test ----

  static void mapIsFlatMapPure(Impl impl) {
    check(1, true, impl, c -> {
      Prob<Integer> m = Compiler.compile(c.ps().get(1));
      Function<Integer, Integer> f = x -> ((Program.Return) returnOf(c)).value().eval(new int[] {x});
      return new Prob<?>[] {impl.map(m, f), m.flatMap(x -> new Pure<>(f.apply(x)))};
    });
  }

  /** p0's final expression as a function (a pure f for map), or x0 when p0 is not a Return. */
  static Program returnOf(Case c) {
    return c.ps().get(0) instanceof Program.Return r ? r : new Program.Return(new Expr.Var(0));
  }

  static void foldUnfolds(Impl impl) {
    check(2, true, impl, c -> {
      Program step = c.ps().get(0);
      BiFunction<Integer, Integer, Prob<Integer>> f = (s, i) -> Compiler.open(step, List.of(i), s, i);
      return new Prob<?>[] {impl.fold(0, c.n(), c.a(), f), unfoldFold(0, c.n(), c.a(), f)};
    });
  }

  static Prob<Integer> unfoldFold(int i, int to, int s, BiFunction<Integer, Integer, Prob<Integer>> f) {
    return i >= to ? new Pure<>(s) : f.apply(s, i).flatMap(t -> unfoldFold(i + 1, to, t, f));
  }

  static void forEachUnfolds(Impl impl) {
    check(1, true, impl, c -> {
      IntFunction<Prob<Integer>> body = i -> Compiler.open(c.ps().get(0), List.of(i), i);
      return new Prob<?>[] {impl.forEach(0, c.n(), body), unfoldList(0, c.n(), body, null)};
    });
  }

  static void replicateUnfolds(Impl impl) {
    check(0, false, impl, c -> {
      Prob<Integer> p = Compiler.compile(c.ps().get(0));
      return new Prob<?>[] {impl.replicate(c.n(), p), unfoldList(0, c.n(), i -> p, null)};
    });
  }

  static void sequenceUnfolds(Impl impl) {
    check(0, true, impl, c -> {
      List<Prob<Integer>> ps = c.ps().stream().map(Compiler::compile).toList();
      return new Prob<?>[] {impl.sequence(ps), unfoldList(0, ps.size(), ps::get, null)};
    });
  }

  static void independentIsTheSequentialProduct(Impl impl) {
    check(1, true, impl, c -> {
      IntFunction<Prob<Integer>> body = i -> Compiler.open(c.ps().get(0), List.of(i), i);
      return new Prob<?>[] {impl.independent(c.n(), body), unfoldList(0, c.n(), body, null)};
    });
  }

  static void ifThenElseUnfolds(Impl impl) {
    check(0, true, impl, c -> {
      Prob<Boolean> cond = Compiler.compile(c.ps().get(0)).map(x -> x != 0);
      Prob<Integer> t = Compiler.compile(c.ps().get(1));
      Prob<Integer> e = Compiler.compile(c.ps().get(2));
      return new Prob<?>[] {impl.ifThenElse(cond, t, e), cond.flatMap(b -> b ? t : e)};
    });
  }

  static void mixtureUnfolds(Impl impl) {
    check(0, true, impl, c -> {
      double[] w = c.weights().probabilities();
      List<Prob<Integer>> comps = c.ps().stream().map(Compiler::compile).toList();
      Prob<Integer> hand = Probity.sample(Categorical.of(w))
          .flatMap(i -> i == 0 ? comps.get(0) : i == 1 ? comps.get(1) : comps.get(2));
      return new Prob<?>[] {impl.mixture(w, comps), hand};
    });
  }

  static void deferIsTransparent(Impl impl) {
    check(0, true, impl, c -> {
      Program p = c.ps().get(0);
      Prob<Integer> everywhere = Compiler.deferringWith(impl::defer).apply(p, new int[0], List.of());
      return new Prob<?>[] {everywhere, Compiler.compile(p)};
    });
  }

  @Test
  void mapIsFlatMapPure() {
    mapIsFlatMapPure(LIBRARY);
  }

  @Test
  void foldUnfolds() {
    foldUnfolds(LIBRARY);
  }

  @Test
  void forEachUnfolds() {
    forEachUnfolds(LIBRARY);
  }

  @Test
  void replicateUnfolds() {
    replicateUnfolds(LIBRARY);
  }

  @Test
  void sequenceUnfolds() {
    sequenceUnfolds(LIBRARY);
  }

  @Test
  void independentIsTheSequentialProduct() {
    independentIsTheSequentialProduct(LIBRARY);
  }

  @Test
  void ifThenElseUnfolds() {
    ifThenElseUnfolds(LIBRARY);
  }

  @Test
  void mixtureUnfolds() {
    mixtureUnfolds(LIBRARY);
  }

  @Test
  void deferIsTransparent() {
    deferIsTransparent(LIBRARY);
  }

  @Test
  void deferAtTheRootIsTransparent() {
    Property.forAll(ProgramGen.models(), ProgramShrinker.closed(), TRIES, SEED, p -> {
      Measures.assertSame(new Defer<>(() -> Compiler.compile(p)), Compiler.compile(p));
      return true;
    });
  }

  // ---- planted bugs: one per law ----

  @Test
  void mapLawFindsAMapThatLosesTheWeight() {
    Property.assertFindsSmall(() -> mapIsFlatMapPure(new Impl() {
      @Override
      public Prob<Integer> map(Prob<Integer> m, Function<Integer, Integer> f) {
        return Planted.dropWeights(m, true).map(f);
      }
    }), 5, CombinatorLawsTest::size);
  }

  @Test
  void foldLawFindsAnOffByOneFold() {
    Property.assertFindsSmall(() -> foldUnfolds(new Impl() {
      @Override
      public Prob<Integer> fold(int from, int to, Integer init, BiFunction<Integer, Integer, Prob<Integer>> step) {
        return Probity.fold(from, Math.max(from, to - 1), init, step);
      }
    }), 5, CombinatorLawsTest::size);
  }

  @Test
  void forEachLawFindsReversedResults() {
    Property.assertFindsSmall(() -> forEachUnfolds(new Impl() {
      @Override
      public Prob<List<Integer>> forEach(int from, int to, IntFunction<Prob<Integer>> body) {
        return Probity.forEach(from, to, body).map(xs -> {
          List<Integer> r = new ArrayList<>(xs);
          java.util.Collections.reverse(r);
          return r;
        });
      }
    }), 5, CombinatorLawsTest::size);
  }

  @Test
  void replicateLawFindsAReplicateThatReusesOneDraw() {
    Property.assertFindsSmall(() -> replicateUnfolds(new Impl() {
      @Override
      public Prob<List<Integer>> replicate(int n, Prob<Integer> p) {
        return p.map(x -> java.util.Collections.nCopies(n, x));
      }
    }), 5, CombinatorLawsTest::size);
  }

  @Test
  void sequenceLawFindsASequenceThatDropsTheLastProgram() {
    Property.assertFindsSmall(() -> sequenceUnfolds(new Impl() {
      @Override
      public Prob<List<Integer>> sequence(List<Prob<Integer>> ps) {
        return Probity.sequence(ps.subList(0, ps.size() - 1)).map(xs -> {
          List<Integer> r = new ArrayList<>(xs);
          r.add(0);
          return r;
        });
      }
    }), 5, CombinatorLawsTest::size);
  }

  @Test
  void independentLawFindsAProductThatKeepsOnlyTheFirstWeight() {
    Property.assertFindsSmall(() -> independentIsTheSequentialProduct(new Impl() {
      @Override
      public Prob<List<Integer>> independent(int n, IntFunction<Prob<Integer>> body) {
        List<Prob<Integer>> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          parts.add(i == 0 ? body.apply(i) : Planted.dropWeights(body.apply(i), true));
        }
        return new Independent<Integer, List<Integer>>(parts, Pure::new);
      }
    }), 6, CombinatorLawsTest::size);
  }

  @Test
  void ifThenElseLawFindsSwappedBranches() {
    Property.assertFindsSmall(() -> ifThenElseUnfolds(new Impl() {
      @Override
      public Prob<Integer> ifThenElse(Prob<Boolean> c, Prob<Integer> t, Prob<Integer> e) {
        return Probity.ifThenElse(c, e, t);
      }
    }), 5, CombinatorLawsTest::size);
  }

  @Test
  void mixtureLawFindsReversedWeights() {
    Property.assertFindsSmall(() -> mixtureUnfolds(new Impl() {
      @Override
      public Prob<Integer> mixture(double[] w, List<Prob<Integer>> comps) {
        double[] r = new double[w.length];
        for (int i = 0; i < w.length; i++) {
          r[i] = w[w.length - 1 - i];
        }
        return Probity.mixture(r, comps);
      }
    }), 5, CombinatorLawsTest::size);
  }

  @Test
  void deferLawFindsADeferThatDropsFactors() {
    Property.assertFindsSmall(() -> deferIsTransparent(new Impl() {
      @Override
      public Prob<Integer> defer(Supplier<Prob<Integer>> thunk) {
        return Planted.dropWeights(new Defer<>(thunk), false);
      }
    }), 5, CombinatorLawsTest::size);
  }
}
