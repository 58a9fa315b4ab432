package org.probity.trace;

import java.util.Arrays;
import java.util.List;
import org.probity.core.Address;
import org.probity.core.ProbityException;

/**
 * The log likelihood of each observation under each posterior draw, log p(y_i | theta_s): the
 * input of PSIS-LOO and WAIC (Vehtari, Gelman and Gabry, "Practical Bayesian model evaluation
 * using leave-one-out cross-validation and WAIC", Statistics and Computing 2017; ArviZ's
 * {@code log_likelihood} group). One column per observation site in run order, a vector of
 * independent coordinates ({@code plate}) giving one column per coordinate ({@code y[0]},
 * {@code y[1]}, ...); anonymous observations are {@code #0}, {@code #1}, ... in run order. Factors
 * are not observations and have no column. Rows are draws in the order given (chain after chain
 * for an MCMC run: {@link #byChain}).
 */
public final class PointwiseLogLikelihood {
  private final List<Address> sites;
  private final double[][] values;

  PointwiseLogLikelihood(List<Address> sites, double[][] values) {
    this.sites = List.copyOf(sites);
    this.values = values;
  }

  /**
   * The observation sites, one per column.
   *
   * @return the addresses
   */
  public List<Address> sites() {
    return sites;
  }

  /**
   * The number of draws (rows).
   *
   * @return the number of draws
   */
  public int draws() {
    return values.length;
  }

  /**
   * The log likelihoods.
   *
   * @return a copy, {@code [draw][site]}
   */
  public double[][] values() {
    double[][] out = new double[values.length][];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i].clone();
    }
    return out;
  }

  /**
   * One site's log likelihood under every draw.
   *
   * @param site the site's address as printed, e.g. {@code "y[3]"}
   * @return one value per draw
   * @throws ProbityException naming the sites if there is no such site
   */
  public double[] site(String site) {
    return site(Address.parse(site));
  }

  /**
   * One site's log likelihood under every draw.
   *
   * @param site the site's address
   * @return one value per draw
   */
  public double[] site(Address site) {
    int j = sites.indexOf(site);
    if (j < 0) {
      throw new ProbityException("no observation site " + site + "; the sites are " + sites);
    }
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i][j];
    }
    return out;
  }

  /**
   * The total log likelihood of each draw (the sum over sites).
   *
   * @return one value per draw
   */
  public double[] total() {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Arrays.stream(values[i]).sum();
    }
    return out;
  }

  /**
   * The values as {@code [chain][draw][site]} (ArviZ's layout), the draws being chain after chain.
   *
   * @param chains the number of chains, dividing the number of draws
   * @return the reshaped values
   */
  public double[][][] byChain(int chains) {
    if (chains < 1 || values.length % chains != 0) {
      throw new IllegalArgumentException("byChain: " + values.length + " draws do not split into " + chains + " chains");
    }
    int per = values.length / chains;
    double[][][] out = new double[chains][per][];
    for (int c = 0; c < chains; c++) {
      for (int d = 0; d < per; d++) {
        out[c][d] = values[c * per + d].clone();
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "PointwiseLogLikelihood(" + values.length + " draws, " + sites.size() + " sites " + sites + ")";
  }
}
