package org.probity.vi.guides;

import static org.probity.Probity.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.probity.ad.Real;
import org.probity.core.Address;
import org.probity.core.Prob;
import org.probity.dist.MvNormal;
import org.probity.trace.LogDensity;
import org.probity.vi.adev.Expectation;
import org.probity.vi.objectives.Generative;
import org.probity.vi.objectives.Objectives;
import org.probity.vi.objectives.Simulate;
import org.probity.vi.objectives.Traced;
import org.probity.vi.param.Init;
import org.probity.vi.param.ParamStore;
import org.probity.vi.param.Params;

/**
 * An automatic Gaussian guide on the unconstrained space of a model whose continuous structure
 * is fixed (ADVI: Kucukelbir et al., "Automatic differentiation variational inference", JMLR 2017;
 * Pyro's {@code AutoNormal} and {@code AutoMultivariateNormal}): theta ~ N(loc, diag(scale^2))
 * (mean-field) or N(loc, L L^T) (full-rank, L lower triangular with a positive diagonal), over the
 * layout of {@link LogDensity}; the model side is the unconstrained log density with its
 * log-Jacobians ({@link #target()}). Parameters are named {@code <name>.loc}, {@code <name>.scale}
 * (mean-field) or {@code <name>.scale_tril} (full-rank). Fitted draws map back to the model's
 * addresses through the layout's bijections.
 */
public final class AutoGuide implements Generative<Real[]> {
  private final LogDensity density;
  private final String name;
  private final boolean fullRank;
  private final double initScale;
  private final Target target;

  private AutoGuide(LogDensity density, String name, boolean fullRank, double initScale) {
    this.density = density;
    this.name = name;
    this.fullRank = fullRank;
    this.initScale = initScale;
    this.target = new Target(density);
  }

  /** The mean-field Gaussian guide of the model's unconstrained space (initial scale 0.1, loc 0). */
  public static AutoGuide meanField(LogDensity density, String name) {
    return new AutoGuide(density, name, false, 0.1);
  }

  /** The full-rank Gaussian guide of the model's unconstrained space (initial L = 0.1 I, loc 0). */
  public static AutoGuide fullRank(LogDensity density, String name) {
    return new AutoGuide(density, name, true, 0.1);
  }

  /** The dimension of the unconstrained space. */
  public int dimension() {
    return density.dimension();
  }

  /** The model's unconstrained log density as the model side of an objective. */
  public Generative<Object> target() {
    return target;
  }

  /** The ELBO of this guide against its model. */
  public Expectation elbo() {
    return Objectives.elbo(target, this);
  }

  /** The guide's distribution at the given parameters. */
  public org.probity.dist.Distribution<Real[]> distribution(Params p) {
    int n = dimension();
    Real[] loc = p.vector(name + ".loc", n, Init.constant(0));
    if (fullRank) {
      Real[][] l = p.choleskyFactor(name + ".scale_tril", n, identity(initScale));
      return MvNormal.ofCholesky(loc, l);
    }
    return DiagonalNormal.of(loc, p.positiveVector(name + ".scale", n, Init.constant(initScale)));
  }

  /** theta ~ q, the site {@code theta}. */
  public Prob<Real[]> program(Params p) {
    return sample("theta", distribution(p));
  }

  @Override
  public Prob<Traced<Real[]>> simulate(Params params) {
    return Simulate.simulate(program(params));
  }

  @Override
  public Prob<Real> logDensity(Params params, Map<Address, ?> choices) {
    return Generative.of(this::program).logDensity(params, choices);
  }

  /** The fitted mean of theta (unconstrained). */
  public double[] mean(ParamStore store) {
    distribution(store.view()); // declares the parameters if new
    return store.value(name + ".loc");
  }

  /** The fitted covariance of theta (unconstrained): diag(scale^2), or L L^T computed with EJML. */
  public double[][] covariance(ParamStore store) {
    distribution(store.view());
    int n = dimension();
    DMatrixRMaj c = new DMatrixRMaj(n, n);
    if (fullRank) {
      DMatrixRMaj l = new DMatrixRMaj(n, n, true, store.value(name + ".scale_tril"));
      CommonOps_DDRM.multTransB(l, l, c);
    } else {
      double[] s = store.value(name + ".scale");
      for (int i = 0; i < n; i++) {
        c.set(i, i, s[i] * s[i]);
      }
    }
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        out[i][j] = c.get(i, j);
      }
    }
    return out;
  }

  /**
   * Sets the guide to N(mean, covariance) (a warm start, e.g. from a Laplace approximation or a
   * mean-field fit): the full-rank factor is EJML's Cholesky decomposition; the mean-field scale
   * the square roots of the diagonal.
   *
   * @throws IllegalArgumentException if the covariance is not symmetric positive definite
   */
  public void initialise(ParamStore store, double[] mean, double[][] covariance) {
    distribution(store.view());
    int n = dimension();
    store.set(name + ".loc", mean);
    if (!fullRank) {
      double[] s = new double[n];
      for (int i = 0; i < n; i++) {
        s[i] = Math.sqrt(covariance[i][i]);
      }
      store.set(name + ".scale", s);
      return;
    }
    DMatrixRMaj c = new DMatrixRMaj(covariance);
    CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
    if (!chol.decompose(c)) {
      throw new IllegalArgumentException("initialise: the covariance is not symmetric positive definite");
    }
    DMatrixRMaj l = chol.getT(null);
    double[] flat = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        flat[i * n + j] = l.get(i, j);
      }
    }
    store.set(name + ".scale_tril", flat);
  }

  /** {@code count} draws from the fitted guide, each mapped to the model's choices (constrained values). */
  public List<Map<Address, Object>> draws(ParamStore store, int count, UniformRandomProvider rng) {
    org.probity.dist.Distribution<Real[]> q = distribution(store.view());
    List<Map<Address, Object>> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(density.constrain(Real.values(q.sample(rng))));
    }
    return out;
  }

  private static Init identity(double s) {
    return (shape, size, rng) -> {
      int n = shape[0];
      double[] v = new double[size];
      for (int i = 0; i < n; i++) {
        v[i * n + i] = s;
      }
      return v;
    };
  }

  @Override
  public String toString() {
    return (fullRank ? "full-rank" : "mean-field") + " Gaussian guide '" + name + "' on R^" + dimension();
  }
}
