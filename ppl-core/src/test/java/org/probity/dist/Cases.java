package org.probity.dist;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Real;

/** The shared table of distributions (with parameters chosen to exercise them) for the property tests. */
final class Cases {
  private Cases() {
  }

  /** A named continuous distribution; heavy means the fourth moment is infinite. */
  record C(String name, Continuous dist, boolean heavy) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** A named discrete distribution. */
  record D(String name, Discrete dist) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<C> continuous() {
    return List.of(
        new C("Normal(1.5, 2)", Normal.of(1.5, 2), false),
        new C("Uniform(-1, 3)", Uniform.of(-1, 3), false),
        new C("Beta(2.5, 1.5)", Beta.of(2.5, 1.5), false),
        new C("Beta(1, 1)", Beta.of(1, 1), false),
        new C("HalfNormal(2)", HalfNormal.of(2), false),
        new C("LogNormal(0.3, 0.5)", LogNormal.of(0.3, 0.5), false),
        new C("StudentT(6, 1, 2)", StudentT.of(6, 1, 2), false),
        new C("StudentT(2.5, 0, 1)", StudentT.of(2.5, 0, 1), true),
        new C("Cauchy(1, 2)", Cauchy.of(1, 2), true),
        new C("HalfCauchy(0, 5)", HalfCauchy.of(0, 5), true),
        new C("Laplace(1, 2)", Laplace.of(1, 2), false),
        new C("Logistic(1, 0.7)", Logistic.of(1, 0.7), false),
        new C("Gamma(2.5, 1.5)", Gamma.of(2.5, 1.5), false),
        new C("Gamma(1, 2)", Gamma.of(1, 2), false),
        new C("Gamma(0.6, 2)", Gamma.of(0.6, 2), false),
        new C("Gamma.ofShapeScale(3, 0.5)", Gamma.ofShapeScale(3, 0.5), false),
        new C("InverseGamma(6, 2)", InverseGamma.of(6, 2), false),
        new C("InverseGamma(3, 2)", InverseGamma.of(3, 2), true),
        new C("Exponential(1.5)", Exponential.of(1.5), false),
        new C("ChiSquared(3.5)", ChiSquared.of(3.5), false),
        new C("Weibull(1.7, 2)", Weibull.of(1.7, 2), false),
        new C("Weibull(0.8, 1)", Weibull.of(0.8, 1), false),
        new C("Truncated(Normal(1, 2), -0.5, 4)", Truncated.of(Normal.of(1, 2), -0.5, 4), false),
        new C("Truncated(Normal(0, 1), 2.5, inf)", Truncated.of(Normal.of(0, 1), 2.5, Double.POSITIVE_INFINITY), false),
        new C("Truncated(Gamma(2, 1), 0.5, 3)", Truncated.of(Gamma.of(2, 1), 0.5, 3), false),
        new C("Truncated(Cauchy(0, 1), -3, 10)", Truncated.of(Cauchy.of(0, 1), -3, 10), false),
        new C("Truncated(StudentT(3, 0, 1), -inf, -1)", Truncated.of(StudentT.of(3, 0, 1), Double.NEGATIVE_INFINITY, -1), true),
        new C("Mixture(0.3 N(-2, 0.5), 0.7 N(1, 1))", Mixture.of(new double[] {0.3, 0.7}, Normal.of(-2, 0.5), Normal.of(1, 1)), false),
        new C("Mixture(0.5 Gamma(2, 1), 0.5 Laplace(0, 1))", Mixture.of(new double[] {0.5, 0.5}, Gamma.of(2, 1), Laplace.of(0, 1)), false));
  }

  static List<D> discrete() {
    return List.of(
        new D("Binomial(12, 0.3)", Binomial.of(12, 0.3)),
        new D("Binomial(1, 1)", Binomial.of(1, 1)),
        new D("Binomial(5000, 0.4)", Binomial.of(5000, 0.4)),
        new D("Poisson(3.7)", Poisson.of(3.7)),
        new D("Poisson(60)", Poisson.of(60)),
        new D("Geometric(0.3)", Geometric.of(0.3)),
        new D("NegativeBinomial(4, 0.35)", NegativeBinomial.of(4, 0.35)),
        new D("NegativeBinomial(0.7, 0.2)", NegativeBinomial.of(0.7, 0.2)),
        new D("BetaBinomial(10, 2, 3)", BetaBinomial.of(10, 2, 3)),
        new D("DiscreteUniform(-2, 5)", DiscreteUniform.of(-2, 5)),
        new D("Categorical(0.2, 0.5, 0.3)", Categorical.of(0.2, 0.5, 0.3)));
  }

  /**
   * A named distribution of any value type with a way to draw values in its support: its own
   * sampler, or, for an improper prior, which cannot be sampled, a proper distribution on the same
   * support.
   */
  record Any(String name, Distribution<?> dist, Function<UniformRandomProvider, Object> draw) {
    Any(String name, Distribution<?> dist) {
      this(name, dist, dist::sample);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** The vector- and matrix-valued distributions, the Bernoullis and the improper priors. */
  static List<Any> others() {
    Normal n01 = Normal.of(0, 1);
    Exponential e1 = Exponential.of(1);
    return List.of(
        new Any("Bernoulli(0.3)", Bernoulli.of(0.3)),
        new Any("BernoulliLogit(-0.4)", BernoulliLogit.of(-0.4)),
        new Any("BernoulliLogitGlm(3 rows)", BernoulliLogitGlm.of(new double[][] {{1, 0.5}, {-1, 2}, {0.3, 0.3}},
            Real.of(0.2), Real.of(0.7, -0.4))),
        new Any("NormalIdGlm(3 rows)", NormalIdGlm.of(new double[][] {{1, 0.5}, {-1, 2}, {0.3, 0.3}},
            Real.of(0.2), Real.of(0.7, -0.4), Real.of(1.3))),
        new Any("PoissonLogGlm(3 rows)", PoissonLogGlm.of(new double[][] {{1, 0.5}, {-1, 2}, {0.3, 0.3}},
            Real.of(0.2), Real.of(0.7, -0.4))),
        new Any("PoissonLog(1.2)", PoissonLog.of(1.2)),
        new Any("Multinomial(7, 0.2, 0.5, 0.3)", Multinomial.of(7, 0.2, 0.5, 0.3)),
        new Any("Dirichlet(2.5, 0.7, 1)", Dirichlet.of(2.5, 0.7, 1)),
        new Any("Dirichlet(0.3, 0.3)", Dirichlet.of(0.3, 0.3)),
        new Any("MvNormal(mean, covariance)", MvNormal.of(new double[] {1, -1, 0}, new double[][] {{2, 0.5, 0}, {0.5, 1, -0.3}, {0, -0.3, 0.5}})),
        new Any("MvNormal.ofCholesky", MvNormal.ofCholesky(new double[] {0, 2}, new double[][] {{1.5}, {-0.4, 0.3}})),
        new Any("LkjCholesky(2, 1.5)", LkjCholesky.of(2, 1.5)),
        new Any("LkjCholesky(3, 1)", LkjCholesky.of(3, 1)),
        new Any("LkjCholesky(4, 0.7)", LkjCholesky.of(4, 0.7)),
        new Any("LkjCholesky(5, 4)", LkjCholesky.of(5, 4)),
        new Any("Normal(1, 2).vector(4)", Normal.of(1, 2).vector(4)),
        new Any("Gamma(2, 1).vector(3)", Gamma.of(2, 1).vector(3)),
        new Any("Beta(2, 3).vector(2)", Beta.of(2, 3).vector(2)),
        new Any("Product(normal, gamma, beta)", Product.of(3, i -> i == 0 ? n01 : i == 1 ? Gamma.of(2, 1) : Beta.of(2, 2))),
        new Any("Product(normal(i, 1))", Product.of(3, i -> Normal.of(i, 1))),
        new Any("Plate(Iid(Gamma(2, 1), 3))", Plate.iid(Gamma.of(2, 1), 3)),
        new Any("Normal(0, 5).ordered(3)", Normal.of(0, 5).ordered(3)),
        new Any("StudentT(3, 0, 1).ordered(1)", StudentT.of(3, 0, 1).ordered(1)),
        new Any("Gamma(2, 1).ordered(3)", Gamma.of(2, 1).ordered(3)),
        new Any("HalfNormal(1).positiveOrdered(4)", HalfNormal.of(1).positiveOrdered(4)),
        new Any("Flat()", Flat.real(), r -> n01.sample(r)),
        new Any("FlatPositive()", Flat.positive(), r -> e1.sample(r)),
        new Any("Flat().vector(3)", Flat.real().vector(3), r -> n01.vector(3).sample(r)),
        new Any("Flat().ordered(3)", Flat.real().ordered(3), r -> n01.ordered(3).sample(r)));
  }

  /** Every distribution of the tables above, each with a way to draw values in its support. */
  static List<Any> all() {
    List<Any> out = new ArrayList<>();
    for (C c : continuous()) {
      out.add(new Any(c.name(), c.dist()));
    }
    for (D d : discrete()) {
      out.add(new Any(d.name(), d.dist()));
    }
    out.addAll(others());
    return out;
  }
}
