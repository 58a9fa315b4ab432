package org.probity.inference.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.probity.inference.diagnostics.InvalidDrawsException.Reason;

/**
 * A flattened quantity name split into its base and indices. Three spellings are accepted: Stan
 * CSV's {@code theta.3} and {@code a.2.1}, and the bracket forms {@code theta[3]},
 * {@code a[2,1]} and {@code a[2][1]} (as posterior, ArviZ and Python print them). Indices are
 * kept as written: whether a variable counts from 0 or from 1 is decided over all its elements
 * (by {@link ArvizJson}), not per name.
 *
 * @param base the variable name before the indices
 * @param indices the indices as written, empty for scalars
 */
record VariableName(String base, List<Integer> indices) {

  /** Every accepted spelling: base, then dot indices, one bracket list, or several brackets. */
  static final Pattern NAME = Pattern.compile(
      "([A-Za-z][A-Za-z0-9_]*)((?:\\.[0-9]+)*|\\[[0-9]+(?:, ?[0-9]+)*\\]|(?:\\[[0-9]+\\])+)");

  VariableName {
    indices = List.copyOf(indices);
  }

  static VariableName parse(String name) {
    Matcher m = NAME.matcher(name);
    if (!m.matches()) {
      throw new InvalidDrawsException(Reason.INVALID_NAME, "name '" + name + "' must be 'base',"
          + " 'base.i.j', 'base[i,j]' or 'base[i][j]' with integer indices");
    }
    List<Integer> indices = new ArrayList<>();
    for (String part : m.group(2).split("[.\\[\\], ]+")) {
      if (!part.isEmpty()) {
        try {
          indices.add(Integer.parseInt(part));
        } catch (NumberFormatException e) {
          throw new InvalidDrawsException(Reason.INVALID_NAME,
              "index " + part + " of '" + name + "' is too large");
        }
      }
    }
    return new VariableName(m.group(1), indices);
  }

  /** Stan's spelling with 1-based indices: {@code base.i.j}. */
  static String stanName(String base, int[] oneBased) {
    StringBuilder sb = new StringBuilder(base);
    for (int i : oneBased) {
      sb.append('.').append(i);
    }
    return sb.toString();
  }
}
