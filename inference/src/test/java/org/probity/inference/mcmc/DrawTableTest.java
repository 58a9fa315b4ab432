package org.probity.inference.mcmc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.core.Address;
import org.probity.random.Rngs;

/**
 * The draw table keeps what it is given: random sequences of draws (scalar draws written by
 * position through {@link DrawTable#addScalars}, in three layouts that share some addresses or positions, and
 * general draws of other addresses), into tables that start small and grow, read back column by
 * column against each draw's own name-to-value map, a missing value NaN.
 */
class DrawTableTest {
  private static final int DRAWS = 300;

  private static Address[] addresses(String... names) {
    Address[] out = new Address[names.length];
    for (int i = 0; i < names.length; i++) {
      out[i] = Address.of(names[i]);
    }
    return out;
  }

  // Scalar draws at addresses: the positions moved, the others held.
  private record Layout(Address[] addresses, int[] positions, int[] heldPositions) {
  }

  @Test
  void randomSequencesOfDrawsReadBackByColumn() {
    Layout a = new Layout(addresses("mu", "tau", "x"), new int[] {0, 2}, new int[] {1});
    Layout b = new Layout(addresses("mu", "y", "z", "tau"), new int[] {3, 1, 0}, new int[] {2});
    Layout c = new Layout(addresses("p", "tau", "q"), a.positions(), a.heldPositions()); // a's positions, by identity
    Address[] other = addresses("x", "w");
    for (long seed = 0; seed < 40; seed++) {
      UniformRandomProvider rng = Rngs.of(seed);
      for (int capacity : new int[] {1, 7, DRAWS}) {
        DrawTable table = new DrawTable(capacity);
        List<Map<String, Double>> expected = new ArrayList<>();
        for (int d = 0; d < DRAWS; d++) {
          int kind = rng.nextInt(10); // mostly runs of one layout, as a chain gives
          Map<String, Double> row = new LinkedHashMap<>();
          if (kind < 8) {
            Layout l = kind < 5 ? a : kind < 7 ? b : c;
            double[] held = new double[l.addresses().length];
            for (int i = 0; i < held.length; i++) {
              held[i] = rng.nextDouble();
            }
            double[] moved = new double[l.positions().length];
            for (int k = 0; k < moved.length; k++) {
              moved[k] = rng.nextDouble() - 2;
            }
            Columns.flatten(Columns.Scalars.of(l.addresses(), held, l.positions(), moved), row, new HashMap<>());
            table.addScalars(l.addresses(), held, l.heldPositions(), l.positions(), moved);
          } else {
            Object[] values = {Real.of(rng.nextDouble() + 5), Real.of(rng.nextDouble() + 7)};
            Columns.Source s = Columns.Source.of(other, values);
            Columns.flatten(s, row, new HashMap<>());
            table.add(s, null);
          }
          expected.add(row);
        }
        List<String> names = new ArrayList<>();
        for (Map<String, Double> row : expected) {
          for (String n : row.keySet()) {
            if (!names.contains(n)) {
              names.add(n);
            }
          }
        }
        assertEquals(names, table.names(), "seed " + seed);
        assertEquals(DRAWS, table.size());
        for (int j = 0; j < names.size(); j++) {
          double[] column = table.column(j);
          assertEquals(DRAWS, column.length);
          for (int i = 0; i < DRAWS; i++) {
            double want = expected.get(i).getOrDefault(names.get(j), Double.NaN);
            String at = "seed " + seed + ", capacity " + capacity + ", draw " + i + ", column " + names.get(j);
            assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(column[i]), at);
            assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(table.value(i, j)), at);
          }
        }
      }
    }
  }
}
