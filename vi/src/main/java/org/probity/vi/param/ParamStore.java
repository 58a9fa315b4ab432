package org.probity.vi.param;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.probity.ad.Real;
import org.probity.ad.Tape;
import org.probity.bijection.Bijection;
import org.probity.bijection.Bijections;
import org.probity.dist.Constraint;
import org.probity.random.Rngs;

/**
 * The named parameters of a variational problem (Pyro's {@code ParamStore}): for each name its
 * constraint, its shape and its current <b>unconstrained</b> coordinates, which optimisers move.
 * Parameters are declared where a program first reads them ({@link Params}); their initial values
 * are drawn by a generator derived from the store's seed and the name. Not thread-safe: one
 * store per optimisation.
 */
public final class ParamStore {
  /** One parameter: its constraint, shape, bijection and unconstrained coordinates. */
  record Entry(String name, Constraint constraint, int[] shape, Bijection bijection, double[] u) {
    boolean unconstrained() {
      return bijection == null;
    }

    String describe() {
      return constraint + " of shape " + Arrays.toString(shape);
    }
  }

  private final long seed;
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  /** An empty store whose initialisers draw from generators derived from {@code seed}. */
  public ParamStore(long seed) {
    this.seed = seed;
  }

  /** An empty store with seed 0. */
  public ParamStore() {
    this(0);
  }

  /** The names, in the order they were declared. */
  public Set<String> names() {
    return Collections.unmodifiableSet(entries.keySet());
  }

  /** Whether {@code name} is declared. */
  public boolean contains(String name) {
    return entries.containsKey(name);
  }

  /** The unconstrained coordinates of {@code name} (a copy). */
  public double[] unconstrained(String name) {
    return entry(name).u().clone();
  }

  /** The constrained entries of {@code name}, row-major (a copy). */
  public double[] value(String name) {
    Entry e = entry(name);
    return e.unconstrained() ? e.u().clone() : e.bijection().forward(e.u().clone());
  }

  /** The constrained scalar value of {@code name}. */
  public double scalar(String name) {
    double[] v = value(name);
    if (v.length != 1) {
      throw new ParamException("parameter " + name + " is not a scalar: it has " + v.length + " entries");
    }
    return v[0];
  }

  /** The constraint {@code name} was declared with. */
  public Constraint constraint(String name) {
    return entry(name).constraint();
  }

  /**
   * The live unconstrained coordinates of {@code name}, for optimisers that update them in place
   * (no copy): writes take effect at once and must keep every entry finite.
   */
  public double[] coordinates(String name) {
    return entry(name).u();
  }

  /** Sets the unconstrained coordinates of {@code name}. */
  public void setUnconstrained(String name, double[] u) {
    Entry e = entry(name);
    if (u.length != e.u().length) {
      throw new ParamException("parameter " + name + " has " + e.u().length + " unconstrained coordinates, got " + u.length);
    }
    for (double x : u) {
      if (!Double.isFinite(x)) {
        throw new ParamException("parameter " + name + ": unconstrained coordinate " + x + " is not finite");
      }
    }
    System.arraycopy(u, 0, e.u(), 0, u.length);
  }

  /** Sets the constrained entries (row-major) of {@code name}. */
  public void set(String name, double... constrained) {
    Entry e = entry(name);
    setUnconstrained(name, inverse(e, constrained));
  }

  /** Declares {@code name} now (as a first read would); returns whether it was new. */
  public boolean declare(String name, Constraint constraint, Init init) {
    return declare(name, constraint, constraint.shape(), init) != null;
  }

  /** The unconstrained coordinates of every parameter, keyed by name (copies). */
  public Map<String, double[]> snapshot() {
    Map<String, double[]> m = new LinkedHashMap<>();
    entries.forEach((k, e) -> m.put(k, e.u().clone()));
    return m;
  }

  /** Restores coordinates from a {@link #snapshot} (every name must be declared). */
  public void restore(Map<String, double[]> snapshot) {
    snapshot.forEach(this::setUnconstrained);
  }

  /** A view reading constants (no gradient). */
  public Params view() {
    return new View(null);
  }

  /** A view whose reads are nodes of {@code tape}, the unconstrained coordinates its leaves. */
  public Params view(Tape tape) {
    return new View(tape);
  }

  /**
   * The gradient with respect to every parameter a tape view read, from the adjoints of one
   * backward sweep ({@link Tape#adjoints} or {@link Tape#gradient}).
   *
   * @throws ParamException if the view is not one of this store's tape views
   */
  public Gradient gradient(Params view, double[] adjoints) {
    if (!(view instanceof View v) || v.store() != this || v.tape == null) {
      throw new ParamException("gradient: the view is not a tape view of this store");
    }
    Map<String, double[]> g = new LinkedHashMap<>();
    v.leaves.forEach((name, leaves) -> {
      double[] d = new double[leaves.length];
      for (int i = 0; i < d.length; i++) {
        d[i] = adjoints[leaves[i].index()];
      }
      g.put(name, d);
    });
    return Gradient.adopt(g);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("ParamStore{");
    entries.forEach((k, e) -> b.append(b.length() > 11 ? ", " : "").append(k).append('=')
        .append(org.probity.semantics.Rounded.of(value(k))));
    return b.append('}').toString();
  }

  private Entry entry(String name) {
    Entry e = entries.get(name);
    if (e == null) {
      throw new ParamException("no parameter named '" + name + "'; declared: " + entries.keySet());
    }
    return e;
  }

  /** The entry, declared now if new (null returned only by the declare path when it existed). */
  private Entry declare(String name, Constraint constraint, int[] shape, Init init) {
    if (name == null || name.isEmpty()) {
      throw new ParamException("a parameter needs a non-empty name");
    }
    Entry old = entries.get(name);
    if (old != null) {
      if (!old.constraint().equals(constraint) || !Arrays.equals(old.shape(), shape)) {
        throw new ParamException("parameter " + name + " was declared as " + old.describe() + ", now read as "
            + constraint + " of shape " + Arrays.toString(shape));
      }
      return null;
    }
    if (constraint.isDiscrete()) {
      throw new ParamException("parameter " + name + ": a parameter must be continuous, got " + constraint);
    }
    boolean free = constraint instanceof Constraint.RealLine
        || constraint instanceof Constraint.Independent c && c.base() instanceof Constraint.RealLine;
    Bijection b = free ? null : Bijections.forConstraint(constraint);
    int size = 1;
    for (int s : shape) {
      size *= s;
    }
    double[] init0 = init.values(shape.clone(), size, Rngs.split(seed, name.hashCode() & 0xffffffffL));
    if (init0.length != size) {
      throw new ParamException("parameter " + name + ": the initialiser gave " + init0.length + " values for size " + size);
    }
    Entry made = new Entry(name, constraint, shape.clone(), b, inverse(name, constraint, b, init0));
    entries.put(name, made);
    return made;
  }

  private static double[] inverse(Entry e, double[] constrained) {
    if (constrained.length != e.constraint().size()) {
      throw new ParamException("parameter " + e.name() + " has " + e.constraint().size() + " entries, got " + constrained.length);
    }
    return inverse(e.name(), e.constraint(), e.bijection(), constrained);
  }

  /** The unconstrained coordinates of a constrained value (the identity when there is no bijection). */
  private static double[] inverse(String name, Constraint constraint, Bijection b, double[] constrained) {
    for (double x : constrained) {
      if (Double.isNaN(x)) {
        throw new ParamException("parameter " + name + ": value NaN in " + Arrays.toString(constrained));
      }
    }
    if (b == null) {
      return constrained.clone();
    }
    try {
      return b.inverse(constrained.clone());
    } catch (IllegalArgumentException ex) {
      throw new ParamException("parameter " + name + ": the value " + Arrays.toString(constrained) + " is not in "
          + constraint + " (" + ex.getMessage() + ")");
    }
  }

  /** One evaluation's reads: leaves on the tape (or constants), cached by name. */
  private final class View implements Params {
    final Tape tape;
    final Map<String, Real[]> leaves = new LinkedHashMap<>();
    final Map<String, Object> values = new HashMap<>();

    View(Tape tape) {
      this.tape = tape;
    }

    ParamStore store() {
      return ParamStore.this;
    }

    @Override
    public Object value(String name, Constraint constraint, Init init) {
      Object cached = values.get(name);
      Entry e = entries.get(name);
      if (cached != null && e.constraint().equals(constraint)) {
        return cached;
      }
      declare(name, constraint, constraint.shape(), init);
      e = entries.get(name);
      Real[] u = read(e);
      Object v;
      if (e.unconstrained()) {
        v = constraint instanceof Constraint.RealLine ? u[0] : u;
      } else {
        v = constraint.unflatten(e.bijection().forward(u));
      }
      values.put(name, v);
      return v;
    }

    @Override
    public Real[][] matrix(String name, int rows, int cols, Init init) {
      Object cached = values.get(name);
      Constraint c = Constraint.realVector(rows * cols);
      if (cached instanceof Real[][] m && m.length == rows && (rows == 0 || m[0].length == cols)) {
        return m;
      }
      declare(name, c, new int[] {rows, cols}, init);
      Real[] u = read(entries.get(name));
      Real[][] m = new Real[rows][cols];
      for (int i = 0; i < rows; i++) {
        System.arraycopy(u, i * cols, m[i], 0, cols);
      }
      values.put(name, m);
      return m;
    }

    private Real[] read(Entry e) {
      Real[] u = leaves.get(e.name());
      if (u == null) {
        u = tape == null ? Real.of(e.u()) : tape.variables(e.u());
        if (tape != null) {
          leaves.put(e.name(), u);
        }
      }
      return u;
    }
  }
}
