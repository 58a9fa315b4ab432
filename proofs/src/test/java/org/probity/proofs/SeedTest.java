package org.probity.proofs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.core.Address;
import org.probity.core.Messenger;
import org.probity.core.Observe;
import org.probity.core.Prob;
import org.probity.core.Sample;
import org.probity.core.Weighted;
import org.probity.dist.Distribution;
import org.probity.handlers.Handlers;
import org.probity.random.Rngs;
import org.probity.semantics.Density;
import org.probity.semantics.Enumerator;
import org.probity.semantics.Sampler;
import org.probity.testkit.Gen;
import org.probity.testkit.Property;
import org.probity.testkit.Shrinker;
import org.probity.testkit.Tries;
import org.probity.testkit.laws.Measures;
import org.probity.trace.Trace;
import org.probity.trace.Traces;

/**
 * {@code Handlers.seed(model, s)} (Pyro's and NumPyro's {@code seed}) is the model with every
 * choice fixed to the value a generator derived from (s, the site's address) draws, without
 * weight; checked on generated programs (both compiled forms, {@link HandlerLawsTest.Model}):
 *
 * <ul>
 *   <li>it is deterministic: the Enumerator finds at most one path;
 *   <li>it is one path of the model, weighted by its likelihood: with V the values the seed drew
 *       (recorded by an effect handler inside it), {@code Traces.replay(model, V)} is a trace of the
 *       model whose result and log likelihood are the seeded path's (the seed fixes every choice of
 *       its path and weighs none of them); a seeded run of zero weight is a run of the model that
 *       reaches zero weight at V;
 *   <li>the Sampler run on the seeded program with any generator returns that path's value and log
 *       weight: the seeded program ignores the Sampler's generator, so every interpreter agrees.
 * </ul>
 *
 * A planted seed that weighs its choices by their densities (an observation of the drawn value)
 * is caught and shrunk to one choice.
 */
class SeedTest {
  static final long SEED = 1913L;
  static final int TRIES = Tries.of(100, 1500);

  /** A seeding under test. */
  interface Seeding {
    Prob<Integer> seed(Prob<Integer> model, long seed);
  }

  /** The values the choices of a program take, recorded by address as they are drawn (a test instrument). */
  static Prob<Integer> recordingDraws(Prob<Integer> program, Map<Address, Object> drawn) {
    return Handlers.handle(program, new Messenger() {
      @Override
      @SuppressWarnings({"unchecked", "rawtypes"})
      public Prob<?> sample(Sample<?, ?> s, Address address) {
        return new Sample(s.address(), new Recorded((Distribution<Object>) s.dist(), address, drawn), (Function) s.k());
      }
    });
  }

  /** A distribution that records each value drawn from it at its site. */
  record Recorded(Distribution<Object> base, Address address, Map<Address, Object> drawn) implements Distribution<Object> {
    @Override
    public Object sample(UniformRandomProvider rng) {
      Object x = base.sample(rng);
      drawn.put(address, x);
      return x;
    }

    @Override
    public Real logProb(Object x) {
      return base.logProb(x);
    }
  }

  /** A model and a seed. */
  record Case(HandlerLawsTest.Model model, long seed) {
    @Override
    public String toString() {
      return "seed " + seed + " on " + model;
    }
  }

  static final Gen<Case> CASES = (rng, size) -> new Case(HandlerLawsTest.MODELS.generate(rng, size), rng.nextLong());

  static final Shrinker<Case> SHRINK = c -> {
    List<Case> out = new ArrayList<>();
    HandlerLawsTest.SHRINK_MODELS.shrink(c.model()).forEach(m -> out.add(new Case(m, c.seed())));
    return out;
  };

  static void seededIsOnePathOfTheModel(Seeding seeding) {
    Property.forAll(CASES, SHRINK, TRIES, SEED, c -> {
      Prob<Integer> model = c.model().compiled();
      Prob<Integer> seeded = seeding.seed(model, c.seed());
      List<Weighted<Integer>> paths = Enumerator.unnormalised(seeded);
      if (paths.size() > 1) {
        throw new AssertionError("the seeded program has " + paths.size() + " paths: " + paths);
      }
      Map<Address, Object> drawn = new LinkedHashMap<>();
      Enumerator.unnormalised(seeding.seed(recordingDraws(model, drawn), c.seed()));
      if (paths.isEmpty()) {
        double lj = Density.replay(model, drawn).logJoint().value();
        if (lj != Double.NEGATIVE_INFINITY) {
          throw new AssertionError("the seeded program has no path of positive weight, but the model at the seeded values "
              + drawn + " has log joint " + lj);
        }
      } else {
        Trace<Integer> t = Traces.replay(model, drawn);
        Weighted<Integer> w = paths.get(0);
        if (!t.values().equals(drawn) || !Objects.equals(t.output(), w.value())
            || !Measures.close(t.logLikelihood(), w.logWeight())) {
          throw new AssertionError("the seeded path " + w + " is not the model's run at the seeded values " + drawn
              + " with its likelihood: " + t);
        }
      }
      Weighted<Integer> expected = paths.isEmpty() ? new Weighted<>(null, Double.NEGATIVE_INFINITY) : paths.get(0);
      for (long r = 1; r <= 3; r++) {
        Weighted<Integer> run = Sampler.run(seeded, Rngs.childSeed(c.seed(), r));
        if (!Objects.equals(run.value(), expected.value()) || !Measures.close(run.logWeight(), expected.logWeight())) {
          throw new AssertionError("the Sampler run " + r + " of the seeded program gives " + run + ", the Enumerator "
              + expected);
        }
      }
      return true;
    });
  }

  @Test
  void aSeededProgramIsOnePathOfTheModelWeightedByItsLikelihood() {
    seededIsOnePathOfTheModel(Handlers::seed);
  }

  @Test
  void findsASeedThatWeighsItsChoices() {
    Seeding planted = (model, seed) -> Handlers.handle(model, new Messenger() {
      @Override
      @SuppressWarnings({"unchecked", "rawtypes"})
      public Prob<?> sample(Sample<?, ?> s, Address address) {
        Object x = s.dist().sample(Rngs.split(seed, address.toString().hashCode()));
        Function k = s.k();
        return new Observe(null, s.dist(), x, () -> k.apply(x));
      }
    });
    Property.assertFindsSmall(() -> seededIsOnePathOfTheModel(planted), 1, c -> ((Case) c).model().program().size());
  }

}
