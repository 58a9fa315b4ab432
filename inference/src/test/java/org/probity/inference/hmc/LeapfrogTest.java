package org.probity.inference.hmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.probity.ad.LogDensityFunction;
import org.probity.random.Rngs;

/** The leapfrog integrator: reversible, volume-preserving, second order, allocation-free. */
class LeapfrogTest {

  private static PhasePoint start(LogDensityFunction f, Leapfrog lf, double[] q, double[] p) {
    PhasePoint z = new PhasePoint(q.length);
    System.arraycopy(q, 0, z.q, 0, q.length);
    System.arraycopy(p, 0, z.p, 0, p.length);
    lf.init(z);
    return z;
  }

  private static Targets.Gaussian correlated(int n) {
    double[] sd = new double[n];
    for (int i = 0; i < n; i++) {
      sd[i] = 0.5 + i;
    }
    return new Targets.Gaussian(new double[n], Targets.ar1Covariance(sd, 0.7));
  }

  @Test
  void forwardThenBackwardReturnsToTheStart() {
    LogDensityFunction[] targets = {Targets.funnel(5), correlated(6)};
    Metric[] metrics = {Metric.diagonal(1.0, 0.5, 2.0, 1.5, 0.7),
        Metric.dense(Targets.ar1Covariance(new double[] {1, 2, 1, 3, 1, 0.5}, 0.5))};
    double[][] q0 = {{0.3, -0.5, 0.8, 0.1, -1.2}, {0.4, -1.0, 2.0, 0.5, -0.3, 1.1}};
    double[][] p0 = {{0.2, 1.0, -0.4, 0.6, 0.3}, {-0.7, 0.2, 0.9, -1.1, 0.4, 0.05}};
    for (int k = 0; k < targets.length; k++) {
      Leapfrog lf = new Leapfrog(targets[k]);
      PhasePoint z = start(targets[k], lf, q0[k], p0[k]);
      double h0 = Leapfrog.hamiltonian(z, metrics[k]);
      for (int s = 0; s < 50; s++) {
        lf.evolve(z, metrics[k], 0.05);
      }
      // Moved somewhere else, with nearly the same energy.
      assertTrue(Math.abs(z.q[1] - q0[k][1]) > 1e-2);
      assertEquals(h0, Leapfrog.hamiltonian(z, metrics[k]), 0.05);
      for (int s = 0; s < 50; s++) {
        lf.evolve(z, metrics[k], -0.05);
      }
      for (int i = 0; i < q0[k].length; i++) {
        assertEquals(q0[k][i], z.q[i], 1e-10, "q " + i);
        assertEquals(p0[k][i], z.p[i], 1e-10, "p " + i);
      }
      // Reversibility proper: negate the momentum at the end and integrate forward again.
      for (int s = 0; s < 50; s++) {
        lf.evolve(z, metrics[k], 0.05);
      }
      for (int i = 0; i < z.p.length; i++) {
        z.p[i] = -z.p[i];
      }
      for (int s = 0; s < 50; s++) {
        lf.evolve(z, metrics[k], 0.05);
      }
      for (int i = 0; i < q0[k].length; i++) {
        assertEquals(q0[k][i], z.q[i], 1e-10, "q " + i);
        assertEquals(-p0[k][i], z.p[i], 1e-10, "p " + i);
      }
    }
  }

  @Test
  void preservesVolume() {
    // det of the Jacobian of (q, p) -> 20 leapfrog steps, by central differences, on the
    // non-quadratic funnel with a non-unit metric.
    LogDensityFunction f = Targets.funnel(3);
    Metric m = Metric.diagonal(0.8, 1.3, 0.6);
    Leapfrog lf = new Leapfrog(f);
    double[] x0 = {0.4, 0.7, -0.5, 0.3, -0.8, 1.1};
    int d = x0.length;
    double h = 1e-5;
    double[][] jac = new double[d][d];
    for (int j = 0; j < d; j++) {
      double[] plus = flow(lf, m, x0, j, h);
      double[] minus = flow(lf, m, x0, j, -h);
      for (int i = 0; i < d; i++) {
        jac[i][j] = (plus[i] - minus[i]) / (2 * h);
      }
    }
    double det = determinant(jac);
    assertEquals(1.0, det, 1e-6);
    // The flow is far from the identity, so the check has power.
    assertTrue(Math.abs(jac[0][0] - 1) > 0.05, "Jacobian close to identity: " + jac[0][0]);
  }

  private static double[] flow(Leapfrog lf, Metric m, double[] x0, int j, double h) {
    int n = x0.length / 2;
    double[] x = x0.clone();
    x[j] += h;
    PhasePoint z = new PhasePoint(n);
    System.arraycopy(x, 0, z.q, 0, n);
    System.arraycopy(x, n, z.p, 0, n);
    lf.init(z);
    for (int s = 0; s < 20; s++) {
      lf.evolve(z, m, 0.1);
    }
    double[] out = new double[2 * n];
    System.arraycopy(z.q, 0, out, 0, n);
    System.arraycopy(z.p, 0, out, n, n);
    return out;
  }

  private static double determinant(double[][] a0) {
    int n = a0.length;
    double[][] a = new double[n][];
    for (int i = 0; i < n; i++) {
      a[i] = a0[i].clone();
    }
    double det = 1;
    for (int c = 0; c < n; c++) {
      int pivot = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
          pivot = r;
        }
      }
      if (pivot != c) {
        double[] t = a[pivot];
        a[pivot] = a[c];
        a[c] = t;
        det = -det;
      }
      det *= a[c][c];
      for (int r = c + 1; r < n; r++) {
        double factor = a[r][c] / a[c][c];
        for (int k = c; k < n; k++) {
          a[r][k] -= factor * a[c][k];
        }
      }
    }
    return det;
  }

  @Test
  void energyErrorIsSecondOrderInTheStepSize() {
    // Over a fixed integration time, the largest |H - H0| shrinks by 4 when eps halves.
    Targets.Gaussian f = correlated(4);
    Metric m = Metric.unit(4);
    Leapfrog lf = new Leapfrog(f);
    double[] q0 = {0.5, -1.0, 1.5, 2.0};
    double[] p0 = {0.3, 0.8, -0.6, 0.2};
    double[] errors = new double[4];
    for (int k = 0; k < errors.length; k++) {
      double eps = 0.2 / (1 << k);
      PhasePoint z = start(f, lf, q0, p0);
      double h0 = Leapfrog.hamiltonian(z, m);
      int steps = (int) Math.round(2.0 / eps);
      for (int s = 0; s < steps; s++) {
        lf.evolve(z, m, eps);
        errors[k] = Math.max(errors[k], Math.abs(Leapfrog.hamiltonian(z, m) - h0));
      }
    }
    for (int k = 1; k < errors.length; k++) {
      double ratio = errors[k - 1] / errors[k];
      assertEquals(4.0, ratio, 0.4, "error ratio at eps = " + 0.2 / (1 << k));
    }
  }

  @Test
  void allocatesNothingPerStep() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    if (!(bean instanceof com.sun.management.ThreadMXBean sun)
        || !sun.isThreadAllocatedMemorySupported()) {
      return;
    }
    sun.setThreadAllocatedMemoryEnabled(true);
    long thread = Thread.currentThread().getId();
    Targets.Gaussian f = correlated(10);
    Leapfrog lf = new Leapfrog(f);
    Metric dense = Metric.dense(Targets.ar1Covariance(new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, 0.3));
    PhasePoint z = start(f, lf, new double[10], new double[10]);
    for (int s = 0; s < 20_000; s++) {
      lf.evolve(z, dense, 1e-3);
    }
    long before = sun.getThreadAllocatedBytes(thread);
    for (int s = 0; s < 100_000; s++) {
      lf.evolve(z, dense, 1e-3);
    }
    long leapfrogBytes = sun.getThreadAllocatedBytes(thread) - before;
    assertTrue(leapfrogBytes < 10_000, "100000 leapfrog steps allocated " + leapfrogBytes + " bytes");

    // A NUTS transition allocates its Transition record only.
    Nuts nuts = new Nuts(f, Metric.unit(10), 0.3, 10, 1000, Rngs.of(3));
    nuts.setPosition(new double[10]);
    for (int i = 0; i < 2_000; i++) {
      nuts.transition();
    }
    before = sun.getThreadAllocatedBytes(thread);
    for (int i = 0; i < 10_000; i++) {
      nuts.transition();
    }
    long nutsBytes = sun.getThreadAllocatedBytes(thread) - before;
    assertTrue(nutsBytes < 10_000 * 100L, "10000 NUTS transitions allocated " + nutsBytes + " bytes");
  }
}
