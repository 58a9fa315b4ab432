package org.probity.proofs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.probity.core.Prob;
import org.probity.core.Weighted;
import org.probity.inference.mcmc.Kernel;
import org.probity.inference.mcmc.Kernels;
import org.probity.inference.smc.Resampler;
import org.probity.inference.tempered.Move;
import org.probity.inference.tempered.Schedule;
import org.probity.inference.tempered.TemperedConfig;
import org.probity.inference.tempered.TemperedPopulation;
import org.probity.inference.tempered.TemperedSmc;
import org.probity.inference.tempered.TemperingStep;
import org.probity.semantics.Enumerator;
import org.probity.testkit.Gen;
import org.probity.testkit.Property;
import org.probity.testkit.PropertyFailure;
import org.probity.testkit.Shrinker;
import org.probity.testkit.Tries;
import org.probity.testkit.laws.ProperWeighting;
import org.probity.testkit.programs.Compiler;
import org.probity.testkit.programs.Program;
import org.probity.testkit.programs.ProgramGen;
import org.probity.testkit.programs.ProgramShrinker;
import org.probity.trace.Trace;
import org.probity.trace.Traces;

/**
 * Tempered SMC ({@code org.probity.inference.tempered}; Del Moral, Doucet and Jasra, JRSS B 2006)
 * with a fixed schedule and single-site MH moves on the tempered program {@code scale(model, beta)}
 * is unbiased, E[Zhat] = Z, and properly weighted, E[Zhat * sum_i wbar_i delta(x_i)] = gamma
 * (Naesseth, Lindsten and Schön 2019, Def. 2.2.1), exactly by enumeration of the algorithm itself,
 * on generated finite programs (stochastic control flow, factors, hard conditions, observations):
 * 2 particles, 1 to 3 stages on schedules drawn from a small set, with systematic and with
 * multinomial resampling at every stage, with adaptive resampling, and without resampling
 * (annealed importance sampling, Neal 2001). Planted bugs are found and shrunk small: the
 * incremental weight beta_t log l(x) instead of (beta_t - beta_{t-1}) log l(x), and a move that
 * targets the untempered posterior instead of the stage's tempered target.
 *
 * <p>Enumerating the algorithm costs about paths^2 * (resamplings * paths^2)^stages branches for
 * a model with that many prior paths, so models are small (generator size 6, at most 8 prior
 * paths) and the longer schedules are kept for models with few paths.
 */
class TemperedSmcPropertiesTest {
  static final long SEED = 2006L;
  static final int TRIES = Tries.of(40, 400);
  static final int MAX_MODEL_SIZE = 6;
  static final int PARTICLES = 2;

  /** The schedules drawn from: one stage (no intermediate target), two and three stages. */
  static final List<double[]> SCHEDULES = List.of(new double[] {1.0}, new double[] {0.5, 1.0},
      new double[] {0.3, 1.0}, new double[] {0.25, 0.6, 1.0});

  /** The most prior paths of a model with a two-stage schedule, and with a three-stage one (more under -Pfull). */
  static final int MAX_PATHS_TWO_STAGES = Tries.full() ? 6 : 5;
  static final int MAX_PATHS_THREE_STAGES = Tries.full() ? 3 : 2;
  /** Models with more prior paths than this are drawn again. */
  static final int MAX_PATHS = 8;

  /** A model and a fixed schedule. */
  record Case(Program model, double[] schedule) {
    @Override
    public String toString() {
      return PARTICLES + " particles, schedule " + Arrays.toString(schedule) + " on\n" + model;
    }
  }

  /** The number of distinct prior traces of the model (the outcomes of one particle's prior draw). */
  static int paths(Program model) {
    return Enumerator.enumerate(Traces.prior(Compiler.compile(model))).support().size();
  }

  /**
   * A model with at most {@link #MAX_PATHS} prior paths (drawn again, at most 20 times, until one
   * is) and a schedule: three stages only for models of at most {@link #MAX_PATHS_THREE_STAGES} paths,
   * two for at most {@link #MAX_PATHS_TWO_STAGES}, else one.
   */
  static final Gen<Case> CASES = (rng, size) -> {
    Program model = ProgramGen.models().generate(rng, Math.min(size, MAX_MODEL_SIZE));
    int paths = paths(model);
    for (int k = 0; k < 20 && paths > MAX_PATHS; k++) {
      model = ProgramGen.models().generate(rng, Math.min(size, MAX_MODEL_SIZE));
      paths = paths(model);
    }
    int r = rng.nextInt(10);
    int stages = r < 2 ? 1 : r < 7 ? 2 : 3;
    if (paths > MAX_PATHS_THREE_STAGES && stages == 3) {
      stages = 2;
    }
    if (paths > MAX_PATHS_TWO_STAGES) {
      stages = 1;
    }
    double[] s = stages == 1 ? SCHEDULES.get(0) : stages == 3 ? SCHEDULES.get(3) : SCHEDULES.get(1 + rng.nextInt(2));
    return new Case(model, s);
  };

  static final Shrinker<Case> SHRINK = c -> {
    List<Case> out = new ArrayList<>();
    ProgramShrinker.shrink(c.model(), 0).forEach(m -> out.add(new Case(m, c.schedule())));
    if (c.schedule().length > 2) {
      out.add(new Case(c.model(), SCHEDULES.get(1)));
    }
    return out;
  };

  /** A tempered-SMC variant on a model with a schedule, as a program of the final population. */
  interface Variant {
    <A> Prob<TemperedPopulation<A>> on(Prob<A> model, Schedule schedule);
  }

  /** The final tempered population's weighted results (dead particles carry no mass). */
  static <A> List<Weighted<A>> weightedResults(TemperedPopulation<A> p) {
    List<Weighted<A>> out = new ArrayList<>();
    for (int i = 0; i < p.size(); i++) {
      if (!p.dead(i)) {
        out.add(new Weighted<>(p.trace(i).output(), p.logWeight(i)));
      }
    }
    return out;
  }

  static void unbiasedAndProperlyWeighted(Variant variant) {
    Property.forAll(CASES, SHRINK, TRIES, SEED, c -> {
      Prob<Integer> model = Compiler.compile(c.model());
      ProperWeighting.check(model, variant.on(model, Schedule.fixed(c.schedule())),
          TemperedPopulation::logEvidenceEstimate, TemperedSmcPropertiesTest::weightedResults);
      return true;
    });
  }

  static TemperedConfig config(Schedule schedule, Resampler resampler, double threshold) {
    return TemperedConfig.defaults().particles(PARTICLES).schedule(schedule).move(Move.mh()).moves(1)
        .resampler(resampler).resampleThreshold(threshold);
  }

  static Variant smc(Resampler resampler, double threshold) {
    return new Variant() {
      @Override
      public <A> Prob<TemperedPopulation<A>> on(Prob<A> model, Schedule schedule) {
        return TemperedSmc.algorithm(model, config(schedule, resampler, threshold));
      }
    };
  }

  @Test
  void temperedSmcWithSystematicResamplingIsUnbiasedAndProperlyWeighted() {
    unbiasedAndProperlyWeighted(smc(Resampler.SYSTEMATIC, 1.0));
  }

  @Test
  void temperedSmcWithMultinomialResamplingIsUnbiasedAndProperlyWeighted() {
    unbiasedAndProperlyWeighted(smc(Resampler.MULTINOMIAL, 1.0));
  }

  @Test
  void temperedSmcWithAdaptiveResamplingIsUnbiasedAndProperlyWeighted() {
    // threshold 0.75 of 2 particles: a stage resamples when one weight is below about a third of the other
    unbiasedAndProperlyWeighted(smc(Resampler.SYSTEMATIC, 0.75));
  }

  @Test
  void annealedImportanceSamplingIsUnbiasedAndProperlyWeighted() {
    unbiasedAndProperlyWeighted(smc(Resampler.SYSTEMATIC, 0.0));
  }

  // ---- planted bugs ----

  static int size(Object c) {
    return ((Case) c).model().size();
  }

  @Test
  void findsAnIncrementalWeightWithoutTheDifferenceOfTemperatures() {
    // w += beta_t log l(x) instead of (beta_t - beta_{t-1}) log l(x): over a schedule the weight is
    // l(x)^(sum of the betas). The shrunk witness is factor(0.5); return 0 on [0.5, 1]: Zhat is
    // exp(0.75) for sure, Z = exp(0.5)
    Variant planted = new Variant() {
      @Override
      public <A> Prob<TemperedPopulation<A>> on(Prob<A> model, Schedule schedule) {
        TemperedConfig c = config(schedule, Resampler.SYSTEMATIC, 1.0);
        TemperingStep<A> step = (p, next) -> {
          double[] lw = p.logWeights();
          for (int i = 0; i < lw.length; i++) {
            if (!p.dead(i)) {
              lw[i] += next * p.trace(i).logLikelihood();
            }
          }
          TemperedPopulation<A> q = TemperedPopulation.of(p.reweight(next).traces(), lw, next, p.logEvidence(),
              p.reweight(next).stages());
          return TemperedSmc.resample(q, c.resampler(), c.resampleThreshold())
              .flatMap(r -> TemperedSmc.move(model, r, c.move(), c.moves()));
        };
        return TemperedSmc.start(model, PARTICLES).flatMap(p -> TemperedSmc.anneal(p, schedule, step, 10));
      }
    };
    PropertyFailure f = Property.assertFindsSmall(() -> unbiasedAndProperlyWeighted(planted), 2,
        TemperedSmcPropertiesTest::size);
    assertTrue(f.getMessage().contains("evidence estimate is biased") || f.getMessage().contains("not properly weighted"),
        f.getMessage());
  }

  @Test
  void findsAMoveTargetingTheUntemperedPosterior() {
    // single-site MH applied to the particle's trace of the model itself, whatever the stage's beta:
    // at an intermediate stage it leaves the posterior invariant instead of p(x) l(x)^beta. The
    // shrunk witness: x0 ~ bernoulli(0.5); factor(-0.5 * x0); return 0 on [0.5, 1]
    Move untempered = new Move() {
      @Override
      public <A> ParticleMove<A> prepare(Prob<A> model, TemperedPopulation<A> population) {
        Kernel<A> mh = Kernels.mh();
        return (x, moves) -> mh.apply(x).map((Trace<A> y) -> new Moved<>(y, y == x ? 0.0 : 1.0, 0));
      }
    };
    Variant planted = new Variant() {
      @Override
      public <A> Prob<TemperedPopulation<A>> on(Prob<A> model, Schedule schedule) {
        return TemperedSmc.algorithm(model, config(schedule, Resampler.SYSTEMATIC, 1.0).move(untempered));
      }
    };
    PropertyFailure f = Property.assertFindsSmall(() -> unbiasedAndProperlyWeighted(planted), 4,
        TemperedSmcPropertiesTest::size);
    assertTrue(f.getMessage().contains("evidence estimate is biased") || f.getMessage().contains("not properly weighted"),
        f.getMessage());
  }
}
