package org.probity.vi.adev;

import org.probity.core.Address;
import org.probity.core.Handled;
import org.probity.core.Messenger;
import org.probity.core.Prob;
import org.probity.core.Sample;
import org.probity.dist.Distribution;

/**
 * The gradient estimators and the ways to attach them to choices: tag a distribution
 * ({@code sample("z", reinforce(bernoulli(p)))}, genjax's {@code flip_reinforce}), choose per
 * address with a {@link Policy}, or force one estimator on every choice of a sub-program
 * ({@link #with}).
 */
public final class Estimators {
  /** The score-function estimator. */
  public static final Estimator REINFORCE = new Reinforce();
  /** The pathwise estimator through {@code rsample} (explicit or implicit reparameterisation). */
  public static final Estimator REPARAM = new Reparam();
  /** Exact summation over a finite support. */
  public static final Estimator ENUM = new Enumerate();
  /** The measure-valued derivative. */
  public static final Estimator MVD = new Mvd();
  /** Stop-gradient sampling (biased by design; for wake-sleep and hand-made score terms). */
  public static final Estimator DETACH = new Detach();

  private Estimators() {
  }

  /** REINFORCE with the constant baseline {@code b}. */
  public static Estimator baseline(double b) {
    return Baseline.constant(b);
  }

  /** REINFORCE with leave-one-out baselines over {@code m} draws. */
  public static Estimator leaveOneOut(int m) {
    return new LeaveOneOut(m);
  }

  /** {@code dist} estimated by {@code e} wherever ADEV meets it. */
  public static <X> Distribution<X> tag(Distribution<X> dist, Estimator e) {
    return Tagged.of(dist, e);
  }

  /** {@code dist} estimated by REINFORCE. */
  public static <X> Distribution<X> reinforce(Distribution<X> dist) {
    return tag(dist, REINFORCE);
  }

  /** {@code dist} estimated by REPARAM. */
  public static <X> Distribution<X> reparam(Distribution<X> dist) {
    return tag(dist, REPARAM);
  }

  /** {@code dist} estimated by ENUM. */
  public static <X> Distribution<X> enumerate(Distribution<X> dist) {
    return tag(dist, ENUM);
  }

  /** {@code dist} estimated by MVD. */
  public static <X> Distribution<X> mvd(Distribution<X> dist) {
    return tag(dist, MVD);
  }

  /** {@code dist} estimated by REINFORCE with the constant baseline {@code b}. */
  public static <X> Distribution<X> baseline(Distribution<X> dist, double b) {
    return tag(dist, baseline(b));
  }

  /**
   * {@code program} with every choice estimated by {@code e}, whatever it was tagged with (an
   * effect handler, so it reaches choices of guides simulated inside the program too).
   */
  public static <A> Prob<A> with(Prob<A> program, Estimator e) {
    return new Handled<>(program, new Retag(e));
  }

  /** The effect handler of {@link #with}. */
  private record Retag(Estimator estimator) implements Messenger {
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Prob<?> sample(Sample<?, ?> s, Address address) {
      return new Sample(s.address(), Tagged.of((Distribution) s.dist(), estimator), s.k());
    }
  }
}
