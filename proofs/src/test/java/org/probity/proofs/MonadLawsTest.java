package org.probity.proofs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.probity.core.FlatMap;
import org.probity.core.Prob;
import org.probity.core.Pure;
import org.probity.testkit.Gen;
import org.probity.testkit.Property;
import org.probity.testkit.Shrinker;
import org.probity.testkit.Tries;
import org.probity.testkit.laws.Measures;
import org.probity.testkit.programs.Compiler;
import org.probity.testkit.programs.Program;
import org.probity.testkit.programs.ProgramGen;
import org.probity.testkit.programs.ProgramShrinker;

/**
 * The monad laws of Prob under the Enumerator's measure semantics (Scibior et al., POPL 2018,
 * §3: the meaning of programs is a monad), for generated programs m and generated continuations
 * f and g: left identity {@code pure(a) >>= f = f(a)}, right identity {@code m >>= pure = m},
 * associativity {@code (m >>= f) >>= g = m >>= (x -> f(x) >>= g)}. Equality is of unnormalised
 * measures within {@link Measures#LOG_TOLERANCE}.
 */
class MonadLawsTest {
  static final long SEED = 20180101L;
  static final int TRIES = Tries.of(150, 2000);

  /** The bind and return under test. */
  interface Monad {
    <A, B> Prob<B> bind(Prob<A> m, Function<? super A, ? extends Prob<B>> k);

    <A> Prob<A> unit(A a);
  }

  static final Monad PROB = new Monad() {
    @Override
    public <A, B> Prob<B> bind(Prob<A> m, Function<? super A, ? extends Prob<B>> k) {
      return m.flatMap(k);
    }

    @Override
    public <A> Prob<A> unit(A a) {
      return new Pure<>(a);
    }
  };

  /** A generated case: a model m, continuations f and g (free variable x0), a value a. */
  record Case(Program m, Program f, Program g, int a) {
    int size() {
      return m.size() + f.size() + g.size();
    }

    @Override
    public String toString() {
      return "a = " + a + "\nm =\n" + m.print(0).indent(2) + "f(x0) =\n" + f.print(1).indent(2) + "g(x0) =\n"
          + g.print(1).indent(2);
    }
  }

  static final Gen<Case> CASES = (rng, size) -> new Case(ProgramGen.models().generate(rng, size),
      ProgramGen.continuations("f").generate(rng, Math.max(1, size / 2)),
      ProgramGen.continuations("g").generate(rng, Math.max(1, size / 2)), rng.nextInt(3));

  static final Shrinker<Case> SHRINK = c -> {
    List<Case> out = new ArrayList<>();
    ProgramShrinker.shrink(c.m(), 0).forEach(m -> out.add(new Case(m, c.f(), c.g(), c.a())));
    ProgramShrinker.shrink(c.f(), 1).forEach(f -> out.add(new Case(c.m(), f, c.g(), c.a())));
    ProgramShrinker.shrink(c.g(), 1).forEach(g -> out.add(new Case(c.m(), c.f(), g, c.a())));
    if (c.a() != 0) {
      out.add(new Case(c.m(), c.f(), c.g(), 0));
    }
    return out;
  };

  static Function<Integer, Prob<Integer>> fn(Program p) {
    return x -> Compiler.apply(p, x);
  }

  static void leftIdentity(Monad monad, int tries) {
    Property.forAll(CASES, SHRINK, tries, SEED, c -> {
      Measures.assertSame(monad.bind(monad.unit(c.a()), fn(c.f())), fn(c.f()).apply(c.a()));
      return true;
    });
  }

  static void rightIdentity(Monad monad, int tries) {
    Property.forAll(CASES, SHRINK, tries, SEED, c -> {
      Prob<Integer> m = Compiler.compile(c.m());
      Measures.assertSame(monad.bind(m, monad::unit), m);
      return true;
    });
  }

  static void associativity(Monad monad, int tries) {
    Property.forAll(CASES, SHRINK, tries, SEED, c -> {
      Prob<Integer> m = Compiler.compile(c.m());
      Function<Integer, Prob<Integer>> f = fn(c.f());
      Function<Integer, Prob<Integer>> g = fn(c.g());
      Measures.assertSame(monad.bind(monad.bind(m, f), g), monad.bind(m, x -> monad.bind(f.apply(x), g)));
      return true;
    });
  }

  @Test
  void leftIdentityHolds() {
    leftIdentity(PROB, TRIES);
  }

  @Test
  void rightIdentityHolds() {
    rightIdentity(PROB, TRIES);
  }

  @Test
  void associativityHolds() {
    associativity(PROB, TRIES);
  }

  // ---- planted bugs: each law must be able to fail ----

  /** A return that forgets its value (returns 0). */
  static final Monad STALE_RETURN = new Monad() {
    @Override
    public <A, B> Prob<B> bind(Prob<A> m, Function<? super A, ? extends Prob<B>> k) {
      return m.flatMap(k);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <A> Prob<A> unit(A a) {
      return new Pure<>((A) Integer.valueOf(0));
    }
  };

  /** A bind that drops the factors of its first program. */
  static final Monad FACTOR_DROPPING_BIND = new Monad() {
    @Override
    public <A, B> Prob<B> bind(Prob<A> m, Function<? super A, ? extends Prob<B>> k) {
      return Planted.dropWeights(m, false).flatMap(k);
    }

    @Override
    public <A> Prob<A> unit(A a) {
      return new Pure<>(a);
    }
  };

  /** A "reassociating" bind that, given FlatMap(m1, k1), forgets k1: (m1 >>= k1) >>= k becomes m1 >>= k. */
  static final Monad BROKEN_REASSOCIATION = new Monad() {
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <A, B> Prob<B> bind(Prob<A> m, Function<? super A, ? extends Prob<B>> k) {
      if (m instanceof FlatMap fm) {
        return new FlatMap(fm.first(), k);
      }
      return m.flatMap(k);
    }

    @Override
    public <A> Prob<A> unit(A a) {
      return new Pure<>(a);
    }
  };

  static int size(Object c) {
    return ((Case) c).size();
  }

  @Test
  void leftIdentityFindsAStaleReturn() {
    Property.assertFindsSmall(() -> leftIdentity(STALE_RETURN, TRIES), 5, MonadLawsTest::size);
  }

  @Test
  void rightIdentityFindsABindThatDropsFactors() {
    Property.assertFindsSmall(() -> rightIdentity(FACTOR_DROPPING_BIND, TRIES), 5, MonadLawsTest::size);
  }

  @Test
  void associativityFindsABrokenReassociation() {
    Property.assertFindsSmall(() -> associativity(BROKEN_REASSOCIATION, TRIES), 5, MonadLawsTest::size);
  }
}
