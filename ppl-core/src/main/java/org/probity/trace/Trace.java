package org.probity.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.probity.core.Address;
import org.probity.core.Prob;

/**
 * A recorded run of a program: every random choice by address with its distribution, value and log
 * density (in the order the run reached them), the program's output, the log prior (sum of the
 * choices' log densities), the log likelihood (observations and factors) and their sum, the log
 * joint density. The trace remembers its program, so a kernel can re-run it with some values kept
 * and others resampled (lightweight MH, Wingate, Stuhlmueller and Goodman, AISTATS 2011).
 *
 * <p>Traces are immutable values: two traces are equal when they have the same choices (addresses
 * and values, in order) and equal outputs (arrays compare by content); the program and the
 * distributions are not part of the value. Traces are ordered by their canonical text, print
 * readably (JSON export is {@code org.probity.inference.mcmc.TraceJson}).
 */
public final class Trace<A> implements Comparable<Trace<?>> {
  private final Prob<A> program;
  private final Choice[] ordered; // the choices in order of execution; never mutated
  private volatile Map<Address, Choice> choices; // built on first use when the run's addresses are known distinct
  private final A output;
  private final double logPrior;
  private final double logLikelihood;
  private final String zeroSite;
  private final ZeroCause zeroCause;
  private int hash;
  private String canonical;

  /**
   * A trace of the choices {@code ordered}, whose addresses must be distinct; {@code byAddress} is
   * the same choices by address, or null to build it on first use.
   */
  Trace(Prob<A> program, Choice[] ordered, LinkedHashMap<Address, Choice> byAddress, A output, double logPrior,
      double logLikelihood, String zeroSite) {
    this(program, ordered, byAddress, output, logPrior, logLikelihood, zeroSite,
        zeroSite == null ? null : ZeroCause.ZERO_DENSITY);
  }

  /** As the constructor above, with the kind of zero ({@code null} when the density is positive). */
  Trace(Prob<A> program, Choice[] ordered, LinkedHashMap<Address, Choice> byAddress, A output, double logPrior,
      double logLikelihood, String zeroSite, ZeroCause zeroCause) {
    this.program = program;
    this.ordered = ordered;
    this.choices = byAddress == null ? null : Collections.unmodifiableMap(byAddress);
    this.output = output;
    this.logPrior = logPrior;
    this.logLikelihood = logLikelihood;
    this.zeroSite = zeroSite;
    this.zeroCause = zeroCause;
  }

  /** The program this is a run of. */
  public Prob<A> program() {
    return program;
  }

  /** The choices by address, in the order the run reached them (unmodifiable). */
  public Map<Address, Choice> choices() {
    Map<Address, Choice> m = choices;
    if (m == null) {
      LinkedHashMap<Address, Choice> map = new LinkedHashMap<>(Math.max(16, (int) (ordered.length / 0.75f) + 1));
      for (Choice c : ordered) {
        map.put(c.address(), c);
      }
      m = Collections.unmodifiableMap(map);
      choices = m;
    }
    return m;
  }

  /**
   * The choices in order of execution: the internal array, shared for speed (kernels read it at
   * every step), which callers must not modify.
   */
  public Choice[] ordered() {
    return ordered;
  }

  /**
   * The choice at an address, looked up first at position {@code i} (where a re-run of the same
   * program usually has it), then by address; null when this run did not reach it.
   */
  public Choice choiceNear(int i, Address address) {
    if (i < ordered.length && Values.sameAddress(ordered[i].address(), address)) {
      return ordered[i];
    }
    return choices().get(address);
  }

  /** The addresses of the choices, in order. */
  public List<Address> addresses() {
    List<Address> out = new ArrayList<>(ordered.length);
    for (Choice c : ordered) {
      out.add(c.address());
    }
    return out;
  }

  /** The choice at an address, or null when this run did not reach it. */
  public Choice choice(Address address) {
    return choices().get(address);
  }

  /** The value at an address, or null when this run did not reach it. */
  public Object value(Address address) {
    Choice c = choice(address);
    return c == null ? null : c.value();
  }

  /** The value at the named address {@code name}. */
  public Object value(String name) {
    return value(Address.of(name));
  }

  /** The values by address (a copy, in order). */
  public Map<Address, Object> values() {
    Map<Address, Object> m = new LinkedHashMap<>();
    for (Choice c : ordered) {
      m.put(c.address(), c.value());
    }
    return m;
  }

  /** Whether the run reached this address. */
  public boolean has(Address address) {
    return choices().containsKey(address);
  }

  /** The number of choices. */
  public int size() {
    return ordered.length;
  }

  /** The program's output in this run. */
  public A output() {
    return output;
  }

  /** Sum of the log densities of the choices. */
  public double logPrior() {
    return logPrior;
  }

  /** Sum of the log densities of the observations and of the factors. */
  public double logLikelihood() {
    return logLikelihood;
  }

  /** log prior + log likelihood: the log density of the run (unnormalised log posterior). */
  public double logJoint() {
    return logPrior + logLikelihood;
  }

  /**
   * When the run has zero density, a description of the first site (choice, observation or factor,
   * with its distribution and value) where it became zero; null when the density is positive.
   */
  public String zeroSite() {
    return zeroSite;
  }

  /**
   * When the run has zero density, why ({@link ZeroCause}: a value outside its support, a
   * distribution given invalid parameters by a proposal, or an observation, factor or condition
   * of weight zero); null when the density is positive.
   */
  public ZeroCause zeroCause() {
    return zeroCause;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Trace<?> t) || t.ordered.length != ordered.length || t.hashCode() != hashCode()) {
      return false;
    }
    for (int i = 0; i < ordered.length; i++) {
      Choice c = ordered[i];
      Choice d = t.ordered[i];
      if (!c.address().equals(d.address()) || !Values.same(c.value(), d.value())) {
        return false;
      }
    }
    return Values.same(output, t.output);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = 1;
      for (Choice c : ordered) {
        h = 31 * h + c.address().hashCode();
        h = 31 * h + Values.hash(c.value());
      }
      h = 31 * h + Values.hash(output);
      hash = h == 0 ? 1 : h;
    }
    return hash;
  }

  /** Orders traces by their canonical text (addresses and values in order, then the output); consistent with equals. */
  @Override
  public int compareTo(Trace<?> o) {
    return canonical().compareTo(o.canonical());
  }

  /** A one-line canonical rendering of the value: {@code {a=1, b=true} -> output}. */
  public String canonical() {
    String c = canonical;
    if (c == null) {
      StringBuilder sb = new StringBuilder("{");
      for (Choice ch : ordered) {
        if (sb.length() > 1) {
          sb.append(", ");
        }
        sb.append(ch.address()).append('=').append(Values.describe(ch.value()));
      }
      sb.append("} -> ").append(Values.describe(output));
      c = sb.toString();
      canonical = c;
    }
    return c;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Trace(logJoint=" + logJoint() + ", logPrior=" + logPrior
        + ", logLikelihood=" + logLikelihood + ")\n");
    for (Choice c : ordered) {
      sb.append("  ").append(c).append('\n');
    }
    sb.append("  -> ").append(Values.describe(output));
    if (zeroSite != null) {
      sb.append("\n  zero density at ").append(zeroSite);
    }
    return sb.toString();
  }
}
