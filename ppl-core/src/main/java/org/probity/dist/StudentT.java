package org.probity.dist;

import org.apache.commons.numbers.gamma.RegularizedBeta;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.TSampler;
import org.probity.ad.Real;
import org.probity.ad.Reals;

/**
 * Student's t distribution with nu degrees of freedom, location mu and scale sigma: density
 * Gamma((nu+1)/2) / (Gamma(nu/2) sqrt(nu pi) sigma) (1 + z^2/nu)^(-(nu+1)/2), z = (x-mu)/sigma.
 * Sampled by Bailey's polar method (Commons RNG {@code TSampler}); the CDF uses the regularised
 * incomplete beta function, with its derivative in nu by finite differences.
 */
public final class StudentT implements ContinuousCdf {
  private final Real nu;
  private final LocationScale ls;
  private final Real logNormaliser;

  private StudentT(Real nu, Real mu, Real sigma) {
    DistributionException.positive("StudentT", "nu", nu.value());
    this.nu = nu;
    this.ls = new LocationScale("StudentT", "mu", "sigma", mu, sigma);
    this.logNormaliser = nu.plus(1).times(0.5).logGamma().minus(nu.times(0.5).logGamma())
        .minus(nu.log().plus(Special.LOG_PI).times(0.5)).minus(ls.logScale);
  }

  /** StudentT(nu, mu, sigma). */
  public static StudentT of(double nu, double mu, double sigma) {
    return new StudentT(Real.of(nu), Real.of(mu), Real.of(sigma));
  }

  /** StudentT(nu, mu, sigma) with differentiable parameters. */
  public static StudentT of(Real nu, Real mu, Real sigma) {
    return new StudentT(nu, mu, sigma);
  }

  /** The standard t with nu degrees of freedom. */
  public static StudentT of(double nu) {
    return of(nu, 0, 1);
  }

  @Override
  public double sampleDouble(UniformRandomProvider rng) {
    return ls.loc.value() + ls.scale.value() * TSampler.of(rng, nu.value()).sample();
  }

  @Override
  public boolean hasRsample() {
    return true;
  }

  /**
   * mu + sigma t for the standard t draw t of {@link #sampleDouble}: dx/dmu = 1, dx/dsigma = t,
   * and dx/dnu = sigma dt/dnu by implicit differentiation of the standard t CDF at fixed
   * probability ({@link #implicitNuDerivative}).
   */
  @Override
  public Real rsample(UniformRandomProvider rng) {
    double t = TSampler.of(rng, nu.value()).sample();
    double x = ls.loc.value() + ls.scale.value() * t;
    double dNu = nu.isVariable() ? ls.scale.value() * implicitNuDerivative(nu.value(), t) : 0;
    return Reals.node(new Real[] {nu, ls.loc, ls.scale}, x, new double[] {dNu, 1, t});
  }

  /**
   * dt/dnu at fixed F_nu(t) for the standard t (Figurnov, Mohamed and Mnih 2018). With F(t) =
   * I_z(nu/2, 1/2) / 2 for t &lt; 0 (and 1 minus that for t &gt; 0), z = nu / (nu + t^2), holding F
   * fixed gives dt/dnu = t / (2 nu) + (dz/da) / (2 dz/dt), where dz/da is the implicit
   * derivative of a Beta(nu/2, 1/2) variate in its first shape ({@link IncompleteBeta}) and dz/dt
   * = -2 t nu / (nu + t^2)^2; 0 at t = 0 (the median does not move).
   */
  static double implicitNuDerivative(double nu, double t) {
    if (t == 0 || !Double.isFinite(t)) {
      return 0;
    }
    double t2 = t * t;
    double s = nu + t2;
    double z = nu / s;
    double dzda = IncompleteBeta.implicitShapeDerivatives(0.5 * nu, 0.5, z, t2 / s)[0];
    double dzdt = -2 * t * nu / (s * s);
    return t / (2 * nu) + 0.5 * dzda / dzdt;
  }

  @Override
  public Real logProb(Real x) {
    Real z = ls.standardise(x);
    return logNormaliser.minus(nu.plus(1).times(0.5).times(z.square().div(nu).log1p()));
  }

  @Override
  public double logDensity(double x) {
    double z = (x - ls.loc.value()) / ls.scale.value();
    double n = nu.value();
    return logNormaliser.value() - 0.5 * (n + 1) * Math.log1p(z * z / n);
  }

  @Override
  public Real cdf(Real x) {
    return standardCdf(ls.standardise(x), false);
  }

  @Override
  public Real survival(Real x) {
    return standardCdf(ls.standardise(x), true);
  }

  /** P(T &lt;= t) (or P(T &gt; t) when upper) for the standard t: I_{nu/(nu+t^2)}(nu/2, 1/2)/2. */
  private Real standardCdf(Real t, boolean upper) {
    double tv = t.value();
    double dens = Math.exp(logDensity(ls.loc.value() + ls.scale.value() * tv) + Math.log(ls.scale.value()));
    boolean lowerTail = (tv < 0) != upper;
    return Special.shapeNode(nu, t, (n, s) -> {
      double tail = 0.5 * RegularizedBeta.value(n / (n + s * s), 0.5 * n, 0.5);
      return lowerTail ? tail : 1 - tail;
    }, upper ? -dens : dens);
  }

  @Override
  public double mean() {
    return nu.value() > 1 ? ls.loc.value() : Double.NaN;
  }

  @Override
  public double variance() {
    double n = nu.value();
    if (n > 2) {
      return ls.scale.value() * ls.scale.value() * n / (n - 2);
    }
    return n > 1 ? Double.POSITIVE_INFINITY : Double.NaN;
  }

  @Override
  public double supportLowerBound() {
    return Double.NEGATIVE_INFINITY;
  }

  @Override
  public double supportUpperBound() {
    return Double.POSITIVE_INFINITY;
  }

  @Override
  public String toString() {
    return "StudentT(" + nu + ", " + ls.loc + ", " + ls.scale + ")";
  }
}
