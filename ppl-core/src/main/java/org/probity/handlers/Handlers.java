package org.probity.handlers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.probity.core.Address;
import org.probity.core.Handled;
import org.probity.core.Messenger;
import org.probity.core.Prob;
import org.probity.trace.Trace;
import org.probity.trace.Traces;

/**
 * The composable effect handlers, Pyro's and NumPyro's vocabulary on Probity programs: each
 * returns a new program, so they nest ({@code scale(condition(model, data), 0.5)}) and every
 * interpreter (sampling, enumeration, SMC, MCMC, densities) runs the result. The innermost handler
 * sees an effect first. Addresses are given as {@link Address}es or as their printed form
 * ({@code "mu"}, {@code "theta[2]"}, {@code "#0"} for the first anonymous site).
 *
 * <ul>
 *   <li>{@link #condition}: choices become observations of given values (weighted);
 *   <li>{@link #substitute} and {@link #replay}: choices take given values (unweighted, an intervention);
 *   <li>{@link #seed}: every choice is drawn by a generator derived from the seed and its address;
 *   <li>{@link #scale}: observations and factors are tempered or rescaled;
 *   <li>{@link #block}: sites are hidden from the handlers outside;
 *   <li>{@link #trace}: the program returns its trace (the record of its choices).
 * </ul>
 */
public final class Handlers {
  private Handlers() {
  }

  /** {@code program} under the handler {@code m}. */
  public static <A> Prob<A> handle(Prob<A> program, Messenger m) {
    return new Handled<>(program, m);
  }

  /** The choices at the given addresses observed at the given values (Pyro's {@code condition}). */
  public static <A> Prob<A> condition(Prob<A> program, Map<?, ?> values) {
    return handle(program, new Condition(addresses(values)));
  }

  /** The choices at the given addresses fixed to the given values, without weight (Pyro's {@code substitute}, {@code do}). */
  public static <A> Prob<A> substitute(Prob<A> program, Map<?, ?> values) {
    return handle(program, new Substitute(addresses(values)));
  }

  /** The program re-run with the choices of {@code trace} where it makes them (Pyro's {@code replay}): a substitution. */
  public static <A> Prob<A> replay(Prob<A> program, Trace<?> trace) {
    return handle(program, new Substitute(trace.values()));
  }

  /** Every choice drawn by a generator derived from (seed, its address), without weight: a deterministic program. */
  public static <A> Prob<A> seed(Prob<A> program, long seed) {
    return handle(program, new Seed(seed));
  }

  /** Observations' log densities and factors' log weights multiplied by {@code factor} (Pyro's {@code scale}). */
  public static <A> Prob<A> scale(Prob<A> program, double factor) {
    return handle(program, new Scale(factor));
  }

  /** Every site of the program hidden from the handlers outside (Pyro's {@code block}). */
  public static <A> Prob<A> block(Prob<A> program) {
    return handle(program, new Block("all", a -> true));
  }

  /** The named sites (addresses whose first part is one of {@code names}) hidden from the handlers outside. */
  public static <A> Prob<A> block(Prob<A> program, String... names) {
    Set<String> ns = Set.of(names);
    return handle(program, new Block("names" + ns, a -> a != null && ns.contains(a.head())));
  }

  /** The sites whose addresses satisfy {@code hidden} hidden from the handlers outside. */
  public static <A> Prob<A> block(Prob<A> program, String description, Predicate<Address> hidden) {
    return handle(program, new Block(description, hidden));
  }

  /** The program returning its trace, weighted as the program is (the same measure, pushed forward to traces). */
  public static <A> Prob<Trace<A>> trace(Prob<A> program) {
    return Traces.posterior(program);
  }

  private static Map<Address, Object> addresses(Map<?, ?> values) {
    Map<Address, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : values.entrySet()) {
      Object k = e.getKey();
      Address a = k instanceof Address ad ? ad : Address.parse(String.valueOf(k));
      if (e.getValue() == null) {
        throw new IllegalArgumentException("no value given for " + a);
      }
      Object v = e.getValue();
      out.put(a, v instanceof Double d ? org.probity.ad.Real.of(d) : v instanceof double[] ds ? org.probity.ad.Real.of(ds) : v);
    }
    return out;
  }
}
