package org.probity.inference.diagnostics;

import java.util.ArrayList;
import java.util.List;
import org.probity.inference.diagnostics.InvalidDrawsException.Reason;

/**
 * A flattened quantity name split into its base and 1-based indices, Stan CSV style:
 * {@code mu} has no indices, {@code theta.3} is element 3 of {@code theta}, {@code a.2.1} is row
 * 2, column 1 of {@code a}.
 *
 * @param base the variable name before the first dot
 * @param indices 1-based indices, empty for scalars
 */
record VariableName(String base, List<Integer> indices) {

  VariableName {
    indices = List.copyOf(indices);
  }

  static VariableName parse(String name) {
    String[] parts = name.split("\\.", -1);
    List<Integer> indices = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      try {
        int index = Integer.parseInt(parts[i]);
        if (index < 1) {
          throw new NumberFormatException();
        }
        indices.add(index);
      } catch (NumberFormatException e) {
        throw new InvalidDrawsException(Reason.INVALID_NAME,
            "name '" + name + "' must be 'base' or 'base.i.j...' with 1-based integer indices");
      }
    }
    return new VariableName(parts[0], indices);
  }
}
