package org.probity.proofs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.probity.Probity;
import org.probity.core.Address;
import org.probity.core.Prob;
import org.probity.inference.composite.Rmsmc;
import org.probity.inference.composite.RmsmcConfig;
import org.probity.inference.composite.Truncation.Prefix;
import org.probity.inference.mcmc.Kernel;
import org.probity.inference.mcmc.Kernels;
import org.probity.inference.smc.Population;
import org.probity.inference.smc.Resampler;
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
import org.probity.trace.Selection;
import org.probity.trace.Traces;
import org.probity.trace.Update;

/**
 * Resample-move SMC (Gilks and Berzuini, "Following a moving target", JRSS B 2001), in its
 * fixed-schedule form ({@code RmsmcConfig.withSteps}), is
 * unbiased, E[Zhat] = Z, and properly weighted, E[Zhat * sum_i wbar_i delta(x_i)] = gamma
 * (Naesseth, Lindsten and Schön 2019, Def. 2.2.1), exactly by enumeration of the algorithm itself,
 * on generated finite programs with stochastic control flow and differing numbers of observations
 * per path: 2 particles, 1 and 2 steps, one single-site MH move ({@code Kernels.mh()}) per particle
 * after each resampling, with systematic and with multinomial resampling. A planted rejuvenation
 * move that redraws one site from its prior and always accepts (no MH correction: it leaves the
 * prior, not the partial posterior, invariant) is found and shrunk small.
 *
 * <p>Enumerating resample-move SMC is expensive (every move enumerates its proposals and
 * acceptances for each particle), so models are smaller than in {@link SmcPropertiesTest}.
 */
class RmsmcPropertiesTest {
  static final long SEED = 2001L;
  static final int TRIES = Tries.of(40, 400);
  /** Model size bound: the enumeration grows with paths^(particles * (steps + moves)). */
  static final int MAX_MODEL_SIZE = 8;
  static final int PARTICLES = 2;

  /** A model and a number of resample-move rounds (1 or 2). */
  record Case(Program model, int steps) {
    @Override
    public String toString() {
      return PARTICLES + " particles, " + steps + " steps on\n" + model;
    }
  }

  static final Gen<Case> CASES = (rng, size) -> new Case(
      ProgramGen.models().generate(rng, Math.min(size, MAX_MODEL_SIZE)), 1 + rng.nextInt(2));

  static final Shrinker<Case> SHRINK = c -> {
    List<Case> out = new ArrayList<>();
    ProgramShrinker.shrink(c.model(), 0).forEach(m -> out.add(new Case(m, c.steps())));
    if (c.steps() > 1) {
      out.add(new Case(c.model(), c.steps() - 1));
    }
    return out;
  };

  /** A rejuvenation kernel, built for each model's prefixes. */
  interface Move {
    <A> Kernel<Prefix<A>> kernel();
  }

  static void unbiasedAndProperlyWeighted(Resampler resampler, Move move) {
    Property.forAll(CASES, SHRINK, TRIES, SEED, c -> {
      Prob<Integer> model = Compiler.compile(c.model());
      Prob<Population<Integer>> algorithm = Rmsmc.rmsmc(model, RmsmcConfig.<Integer>defaults().withSteps(c.steps())
          .withParticles(PARTICLES).withResampler(resampler).withKernel(move.<Integer>kernel()));
      ProperWeighting.check(model, algorithm, Population::logEvidenceEstimate, Population::weightedResults);
      return true;
    });
  }

  static final Move MH = new Move() {
    @Override
    public <A> Kernel<Prefix<A>> kernel() {
      return Kernels.mh();
    }
  };

  @Test
  void resampleMoveWithSystematicResamplingIsUnbiasedAndProperlyWeighted() {
    unbiasedAndProperlyWeighted(Resampler.SYSTEMATIC, MH);
  }

  @Test
  void resampleMoveWithMultinomialResamplingIsUnbiasedAndProperlyWeighted() {
    unbiasedAndProperlyWeighted(Resampler.MULTINOMIAL, MH);
  }

  // ---- planted bug ----

  /**
   * A rejuvenation move without the MH correction: redraw one uniformly chosen site from its prior
   * and always accept. It leaves the prior of the prefix invariant, not its partial posterior.
   */
  static final Move PRIOR_REDRAW = new Move() {
    @Override
    public <A> Kernel<Prefix<A>> kernel() {
      return x -> {
        List<Address> sites = x.addresses();
        if (sites.isEmpty()) {
          return Probity.pure(x);
        }
        double[] u = new double[sites.size()];
        java.util.Arrays.fill(u, 1.0 / u.length);
        return Probity.sample(Probity.categorical(u)).flatMap(i ->
            Traces.regenerate(x, Selection.of(sites.get(i))).map(Update::trace));
      };
    }
  };

  @Test
  void findsARejuvenationMoveWithoutTheMhCorrection() {
    // the shrunk witness needs no observation: x0 ~ bernoulli; if x0 != 0 then return sample(bernoulli)
    // else return 0 (5 nodes). The site is picked uniformly among a trace's sites, and without the
    // MH correction for the number of sites the move does not even keep the prior invariant.
    PropertyFailure f = Property.assertFindsSmall(() -> unbiasedAndProperlyWeighted(Resampler.SYSTEMATIC, PRIOR_REDRAW),
        5, c -> ((Case) c).model().size());
    assertTrue(f.getMessage().contains("not properly weighted") || f.getMessage().contains("evidence estimate is biased"),
        f.getMessage());
  }
}
