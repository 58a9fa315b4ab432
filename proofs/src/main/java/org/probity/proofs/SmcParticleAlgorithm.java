package org.probity.proofs;

import java.util.ArrayList;
import java.util.List;
import org.probity.core.Prob;
import org.probity.core.Weighted;
import org.probity.inference.smc.Particle;

/**
 * Adapter from an SMC variant of {@code org.probity.inference.smc} (a function from a model to
 * the program {@code Prob<smc.Population>}, e.g. {@code Smc.smc(model, n, Resampler.SYSTEMATIC)})
 * to a {@link ParticleAlgorithm}, so that {@link ParticleProperties#unbiasedAndProperlyWeighted}
 * checks it exactly: the final particles with their log weights, and log Zhat = running log
 * evidence + log mean weight ({@code Population.logEvidenceEstimate}, the SMC estimate of Del Moral
 * 2004, Thm 7.4.2). Particles with zero weight carry no mass and are left out (a dead particle
 * need not have finished its program).
 *
 * @param variant the SMC algorithm as a program on the model
 */
public record SmcParticleAlgorithm(Variant variant) implements ParticleAlgorithm {
  /** An SMC algorithm of the {@code smc} package applied to a model. */
  @FunctionalInterface
  public interface Variant {
    /** The algorithm on {@code model}, as a program whose result is the SMC population. */
    <A> Prob<org.probity.inference.smc.Population<A>> on(Prob<A> model);
  }

  @Override
  public <A> Prob<Population<A>> asProb(Prob<A> model) {
    return variant.on(model).map(SmcParticleAlgorithm::population);
  }

  /** The SMC population as weighted finished particles and its evidence estimate. */
  public static <A> Population<A> population(org.probity.inference.smc.Population<A> p) {
    return new Population<>(particles(p), p.logEvidenceEstimate());
  }

  /** The particles with positive weight, as (result, log weight); throws if one has not finished. */
  public static <A> List<Weighted<A>> particles(org.probity.inference.smc.Population<A> p) {
    List<Weighted<A>> out = new ArrayList<>();
    for (Particle<A> q : p.particles()) {
      if (!q.dead()) {
        out.add(new Weighted<>(q.value(), q.logWeight()));
      }
    }
    return out;
  }
}
