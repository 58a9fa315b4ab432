package org.probity.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.probity.core.Address;
import org.probity.core.ProbityException;

/**
 * Prior or posterior predictive draws ({@link Predictive}): for each draw, the trace of the
 * model's choices in that run (drawn from the prior, or a posterior draw re-run with its
 * deterministic sites recomputed), the model's output, and the simulated value of every
 * observation site, by address (anonymous observations are {@code #0}, {@code #1}, ... in run
 * order). {@link #matrix()} lays the simulated data out as rows of numbers, one per draw, in the
 * order of the observations (vectors flattened), for comparing replicated data with the data.
 *
 * @param <A> the model's result type
 */
public final class Predictions<A> {
  private final List<Trace<A>> traces;
  private final List<Map<Address, Object>> observations;

  Predictions(List<Trace<A>> traces, List<Map<Address, Object>> observations) {
    this.traces = Collections.unmodifiableList(new ArrayList<>(traces));
    this.observations = Collections.unmodifiableList(new ArrayList<>(observations));
  }

  /**
   * The number of draws.
   *
   * @return the number of draws
   */
  public int size() {
    return traces.size();
  }

  /**
   * The traces of the model's choices, one per draw.
   *
   * @return the traces (unmodifiable)
   */
  public List<Trace<A>> traces() {
    return traces;
  }

  /**
   * The model's output in each draw.
   *
   * @return the outputs, one per draw
   */
  public List<A> outputs() {
    List<A> out = new ArrayList<>(traces.size());
    for (Trace<A> t : traces) {
      out.add(t.output());
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * The simulated observations of one draw, by address in run order.
   *
   * @param draw the draw's index
   * @return the simulated values (unmodifiable)
   */
  public Map<Address, Object> observations(int draw) {
    return observations.get(draw);
  }

  /**
   * The observation sites of the first draw, in run order.
   *
   * @return the addresses
   */
  public List<Address> sites() {
    return traces.isEmpty() ? List.of() : List.copyOf(observations.get(0).keySet());
  }

  /**
   * The simulated values of the named observation site across draws: one row per draw, one column
   * per entry (1 for a scalar), NaN where a draw did not reach the site.
   *
   * @param name the site's address as printed, e.g. {@code "y"} or {@code "y[3]"}
   * @return the values, {@code [draw][entry]}
   * @throws ProbityException if no draw reached the site (the message lists the sites) or its values are not numeric
   */
  public double[][] draws(String name) {
    return draws(Address.parse(name));
  }

  /**
   * As {@link #draws(String)} for an address.
   *
   * @param site the site's address
   * @return the values, {@code [draw][entry]}
   */
  public double[][] draws(Address site) {
    double[][] rows = new double[size()][];
    int width = -1;
    for (int d = 0; d < size(); d++) {
      Object v = observations.get(d).get(site);
      if (v != null) {
        rows[d] = numbers(v, site);
        width = rows[d].length;
      }
    }
    if (width < 0) {
      throw new ProbityException("no predictive draw reached the observation site " + site + "; the sites are " + sites());
    }
    for (int d = 0; d < size(); d++) {
      if (rows[d] == null) {
        rows[d] = new double[width];
        java.util.Arrays.fill(rows[d], Double.NaN);
      }
    }
    return rows;
  }

  /**
   * Every simulated observation as one row of numbers per draw, in the order of the observations
   * (vector values flattened): the replicated data sets y_rep, to set beside the observed data.
   *
   * @return the values, {@code [draw][entry]}
   * @throws ProbityException if the draws reached different observation sites, or a value is not numeric
   */
  public double[][] matrix() {
    double[][] out = new double[size()][];
    List<Address> first = sites();
    for (int d = 0; d < size(); d++) {
      Map<Address, Object> obs = observations.get(d);
      if (!List.copyOf(obs.keySet()).equals(first)) {
        throw new ProbityException("predictive draw " + d + " reached the observation sites " + obs.keySet()
            + ", draw 0 reached " + first + ": the replicated data sets do not line up; read them by site with draws(name)");
      }
      List<double[]> parts = new ArrayList<>();
      int n = 0;
      for (Map.Entry<Address, Object> e : obs.entrySet()) {
        double[] xs = numbers(e.getValue(), e.getKey());
        parts.add(xs);
        n += xs.length;
      }
      double[] row = new double[n];
      int at = 0;
      for (double[] p : parts) {
        System.arraycopy(p, 0, row, at, p.length);
        at += p.length;
      }
      out[d] = row;
    }
    return out;
  }

  private static double[] numbers(Object v, Address site) {
    double[] xs = Values.entries(v);
    if (xs == null) {
      throw new ProbityException("the simulated value at " + site + " is not numeric (" + Values.describe(v)
          + "); read it with observations(draw)");
    }
    return xs;
  }

  @Override
  public String toString() {
    Map<Address, Object> first = traces.isEmpty() ? Map.of() : new LinkedHashMap<>(observations.get(0));
    return "Predictions(" + size() + " draws, observation sites " + first.keySet() + ")";
  }
}
