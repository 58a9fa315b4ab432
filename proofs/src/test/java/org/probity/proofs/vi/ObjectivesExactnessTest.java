package org.probity.proofs.vi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.bernoulli;
import static org.probity.Probity.observe;
import static org.probity.Probity.pure;
import static org.probity.Probity.sample;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.core.Address;
import org.probity.core.Prob;
import org.probity.dist.Categorical;
import org.probity.testkit.Tries;
import org.probity.random.Rngs;
import org.probity.semantics.Enumerator;
import org.probity.trace.Selection;
import org.probity.vi.adev.Estimators;
import org.probity.vi.adev.Expectation;
import org.probity.vi.objectives.Generative;
import org.probity.vi.objectives.Objectives;
import org.probity.vi.param.Params;
import org.probity.vi.param.ParamStore;

/**
 * The objectives library on finite models with random parameters: for ELBO, IWELBO(K), VIMCO(K),
 * HVI, IWHVI(K) and DIWHVI(N, K), under REINFORCE, ENUM and MVD, E[gradient estimate] equals the
 * gradient of the exactly enumerated objective (central differences, tolerance 1e-6 relative);
 * VIMCO's equals IWELBO's; the hierarchical bounds are ordered HVI &lt;= IWHVI(K) &lt;= ELBO of the
 * exact marginal &lt;= log p(y), exactly; reweighted wake-sleep's expected update equals its
 * definition computed by brute force over the K-tuples of draws.
 */
class ObjectivesExactnessTest {
  private static final double TOL = 1e-6;

  /** z ~ Categorical(prior), y ~ Bernoulli(like[z]) observed true: a finite model with a 3-valued latent. */
  private static Prob<Integer> modelProgram(double[] prior, double[] like) {
    return sample("z", Categorical.of(prior)).flatMap(z -> observe(bernoulli(like[z]), true).then(() -> pure(z)));
  }

  /** q(z) = softmax(phi), phi a 3-vector parameter. */
  private static Prob<Integer> guideProgram(Params p, double[] init) {
    Real[] phi = p.vector("phi", 3, org.probity.vi.param.Init.values(init));
    return sample("z", Categorical.ofLogits(phi));
  }

  private record Problem(double[] prior, double[] like, double[] phi) {
    Generative<Integer> model() {
      return Generative.of(modelProgram(prior, like));
    }

    Generative<Integer> guide() {
      return Generative.of(p -> guideProgram(p, phi));
    }
  }

  private static Problem problem(UniformRandomProvider rng) {
    double[] prior = new double[3];
    double s = 0;
    for (int i = 0; i < 3; i++) {
      prior[i] = 0.2 + rng.nextDouble();
      s += prior[i];
    }
    for (int i = 0; i < 3; i++) {
      prior[i] /= s;
    }
    double[] like = {0.1 + 0.8 * rng.nextDouble(), 0.1 + 0.8 * rng.nextDouble(), 0.1 + 0.8 * rng.nextDouble()};
    double[] phi = {2 * rng.nextDouble() - 1, 2 * rng.nextDouble() - 1, 2 * rng.nextDouble() - 1};
    return new Problem(prior, like, phi);
  }

  /** The objective with every guide choice estimated by {@code estimator}. */
  private static Generative<Integer> tagged(Problem pr, org.probity.vi.adev.Estimator estimator) {
    return Generative.of(p -> Estimators.with(guideProgram(p, pr.phi()), estimator));
  }

  @Test
  void elboIwelboAndVimcoAreUnbiasedUnderEveryEstimator() {
    int tries = Tries.of(4, 40);
    for (int t = 0; t < tries; t++) {
      Problem pr = problem(Rngs.split(77, t));
      for (var est : List.of(Estimators.REINFORCE, Estimators.ENUM, Estimators.MVD, Estimators.leaveOneOut(2))) {
        Generative<Integer> q = tagged(pr, est);
        ObjectiveCheck.assertUnbiased(Objectives.elbo(pr.model(), q), new ParamStore(), TOL);
        ObjectiveCheck.assertUnbiased(Objectives.iwelbo(pr.model(), q, 2), new ParamStore(), TOL);
      }
      ObjectiveCheck.assertUnbiased(Objectives.iwelbo(pr.model(), tagged(pr, Estimators.REINFORCE), 3), new ParamStore(), TOL);
    }
  }

  @Test
  void vimcoIsUnbiasedForTheIwelboGradient() {
    for (int t = 0; t < Tries.of(4, 40); t++) {
      Problem pr = problem(Rngs.split(78, t));
      for (int k : new int[] {2, 3}) {
        Expectation iw = Objectives.iwelbo(pr.model(), pr.guide(), k);
        Expectation vimco = Objectives.vimco(pr.model(), pr.guide(), k);
        ParamStore store = new ParamStore();
        var exact = ObjectiveCheck.exactGradient(iw, store);
        var mean = vimco.exactMean(store);
        for (int i = 0; i < 3; i++) {
          assertEquals(exact.get("phi")[i], mean.gradient().get("phi", i), TOL * (1 + Math.abs(exact.get("phi")[i])));
        }
        assertEquals(ObjectiveCheck.exactValue(iw, store), mean.value(), TOL);
      }
    }
  }

  /** A family with an auxiliary u: u ~ Bernoulli(logistic(a)), z ~ Categorical(softmax(b[u])). */
  private static Prob<Integer> family(Params p) {
    Real a = p.real("a", 0.3);
    Real[][] b = p.matrix("b", 2, 3, org.probity.vi.param.Init.values(0.5, -0.2, 0.1, -0.7, 0.4, 0.9));
    return sample("u", bernoulli(a.logistic())).flatMap(u -> sample("z", Categorical.ofLogits(b[u ? 1 : 0])));
  }

  @Test
  void hierarchicalObjectivesAreUnbiasedAndOrdered() {
    for (int t = 0; t < Tries.of(3, 30); t++) {
      Problem pr = problem(Rngs.split(79, t));
      Selection z = Selection.of(Address.parse("z"));
      Expectation hvi = Objectives.hvi(pr.model(), ObjectivesExactnessTest::family, z);
      Expectation iwhvi = Objectives.iwhvi(pr.model(), ObjectivesExactnessTest::family, z, 3);
      Expectation diwhvi = Objectives.diwhvi(pr.model(), ObjectivesExactnessTest::family, z, 2, 2);
      for (Expectation e : List.of(hvi, iwhvi, diwhvi)) {
        ObjectiveCheck.assertUnbiased(e, new ParamStore(), TOL);
      }
      // the ELBO of the exact marginal q(z) = sum_u q(u) q(z | u)
      Generative<Integer> exactMarginal = Generative.of(p -> {
        family(p); // declares a and b on this view
        return sample("z", Categorical.of(marginal(p)));
      });
      ParamStore store = new ParamStore();
      double h = ObjectiveCheck.exactValue(hvi, store);
      double iw = ObjectiveCheck.exactValue(iwhvi, store);
      double elbo = ObjectiveCheck.exactValue(Objectives.elbo(pr.model(), exactMarginal), store);
      double logZ = Enumerator.logEvidence(modelProgram(pr.prior(), pr.like()));
      assertTrue(h <= iw + 1e-12 && iw <= elbo + 1e-12 && elbo <= logZ + 1e-12,
          "HVI " + h + " <= IWHVI(3) " + iw + " <= ELBO(q(z)) " + elbo + " <= log Z " + logZ);
    }
  }

  private static double[] marginal(Params p) {
    double a = 1 / (1 + Math.exp(-p.real("a", 0.3).value()));
    Real[][] b = p.matrix("b", 2, 3, org.probity.vi.param.Init.values(0.5, -0.2, 0.1, -0.7, 0.4, 0.9));
    double[] q = new double[3];
    for (int u = 0; u < 2; u++) {
      double[] pz = Categorical.ofLogits(Real.values(b[u])).probabilities();
      for (int i = 0; i < 3; i++) {
        q[i] += (u == 1 ? a : 1 - a) * pz[i];
      }
    }
    return q;
  }

  /**
   * With the exact posterior q(u | z) as SIR's proposal every particle's weight is q(z, u) /
   * q(u | z) = q(z) exactly, so IWHVI(K) with that proposal is the ELBO of the exact marginal, and
   * both its value and its expected gradient agree exactly (the custom-proposal path of Sir).
   */
  @Test
  void sirWithTheExactPosteriorProposalIsTheExactMarginal() {
    Problem pr = problem(Rngs.split(81, 0));
    Selection z = Selection.of(Address.parse("z"));
    org.probity.vi.objectives.Sir exact = org.probity.vi.objectives.Sir.of(2, (p, x) -> {
      int zv = (Integer) x.get(Address.parse("z"));
      double a = 1 / (1 + Math.exp(-p.real("a", 0.3).value()));
      Real[][] b = p.matrix("b", 2, 3, org.probity.vi.param.Init.values(0.5, -0.2, 0.1, -0.7, 0.4, 0.9));
      Real pu = Categorical.ofLogits(b[1]).logProb(zv).exp().times(p.real("a", 0.3).logistic());
      Real p0 = Categorical.ofLogits(b[0]).logProb(zv).exp().times(p.real("a", 0.3).logistic().rminus(1));
      return sample("u", bernoulli(pu.div(pu.plus(p0))));
    });
    Expectation viaSir = Objectives.elbo(pr.model(),
        org.probity.vi.objectives.Marginal.of(z, ObjectivesExactnessTest::family, exact));
    Generative<Integer> exactMarginal = Generative.of(p -> {
      family(p);
      return sample("z", Categorical.of(marginal(p)));
    });
    ParamStore store = new ParamStore();
    var a = viaSir.exactMean(store);
    double elbo = ObjectiveCheck.exactValue(Objectives.elbo(pr.model(), exactMarginal), store);
    assertEquals(elbo, a.value(), 1e-10);
    ObjectiveCheck.assertUnbiased(viaSir, store, TOL);
  }

  @Test
  void wakeSleepUpdatesAreTheirDefinitionExactly() {
    Problem pr = problem(Rngs.split(80, 0));
    int k = 2;
    ParamStore store = new ParamStore();
    var mean = Objectives.wakeQ(pr.model(), pr.guide(), k).exactMean(store);
    // brute force: sum over (z1, z2) of q(z1) q(z2) sum_j wbar_j grad_phi log q(z_j)
    double[] q = Categorical.ofLogits(pr.phi()).probabilities();
    double[] expected = new double[3];
    for (int z1 = 0; z1 < 3; z1++) {
      for (int z2 = 0; z2 < 3; z2++) {
        int[] zs = {z1, z2};
        double[] w = new double[k];
        double total = 0;
        for (int j = 0; j < k; j++) {
          w[j] = pr.prior()[zs[j]] * pr.like()[zs[j]] / q[zs[j]];
          total += w[j];
        }
        for (int j = 0; j < k; j++) {
          for (int i = 0; i < 3; i++) {
            double dlogq = (i == zs[j] ? 1 : 0) - q[i];
            expected[i] += q[z1] * q[z2] * w[j] / total * dlogq;
          }
        }
      }
    }
    for (int i = 0; i < 3; i++) {
      assertEquals(expected[i], mean.gradient().get("phi", i), 1e-12);
    }
    assertEquals(ObjectiveCheck.exactValue(Objectives.iwelbo(pr.model(), pr.guide(), k), store), mean.value(), 1e-12);
    // wake-p has no model parameters here: its gradient is empty
    assertTrue(Objectives.wakeP(pr.model(), pr.guide(), k).exactMean(store).gradient().get("phi", 0) == 0.0);
  }
}
