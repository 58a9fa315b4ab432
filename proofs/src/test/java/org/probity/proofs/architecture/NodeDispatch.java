package org.probity.proofs.architecture;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule that makes "one interpreter loop" true: no code dispatches on the types of program
 * nodes ({@code instanceof Sample}, {@code case Observe o}, ...) except the loop itself,
 * {@code org.probity.core.Interpreter}, and the few core files that define what a node means to
 * the language ({@link #ALLOWED}). Every interpreter is a handler of the loop; a new effect touches
 * the loop and the handlers, not a dozen hand-written loops.
 */
final class NodeDispatch {
  /** The node types of {@code org.probity.core.Prob}. */
  static final Set<String> NODES = Set.of("Pure", "Sample", "Observe", "Factor", "FlatMap", "Defer", "Independent",
      "Compiled", "Handled");

  /**
   * The files allowed to test node types: the loop; the suspended machine (whether it has
   * finished); the state-space combinator (which step or state a suspended program stands at);
   * the independent product (its marker form); the weight checks (describing a site in a message).
   */
  static final Set<String> ALLOWED = Set.of(
      "ppl-core/src/main/java/org/probity/core/Interpreter.java",
      "ppl-core/src/main/java/org/probity/core/Machine.java",
      "ppl-core/src/main/java/org/probity/core/StateSpace.java",
      "ppl-core/src/main/java/org/probity/core/Independent.java",
      "ppl-core/src/main/java/org/probity/core/Weights.java");

  private static final Pattern DISPATCH = Pattern.compile(
      "(?:\\binstanceof\\s+|\\bcase\\s+)(?:org\\.probity\\.core\\.)?(" + String.join("|", NODES) + ")\\b(?!\\s*\\.)");

  private NodeDispatch() {
  }

  /** Every place in the given main-source texts that dispatches on a node type outside the allowed files. */
  static List<String> violations(List<SourceText> files) {
    List<String> out = new ArrayList<>();
    for (SourceText f : files) {
      if (ALLOWED.contains(f.path())) {
        continue;
      }
      String code = SourceFile.stripCommentsAndStrings(f.text());
      boolean inCore = code.matches("(?s).*\\bpackage\\s+org\\.probity\\.core\\s*;.*");
      boolean allOfCore = code.contains("import org.probity.core.*;");
      Matcher m = DISPATCH.matcher(code);
      while (m.find()) {
        String name = m.group(1);
        boolean qualified = m.group().contains("org.probity.core.");
        // a simple name is a node type only where it refers to org.probity.core's (e.g. not org.probity.data.Factor)
        if (!qualified && !inCore && !allOfCore && !code.contains("import org.probity.core." + name + ";")) {
          continue;
        }
        out.add(f.path() + ": dispatches on the program node type " + m.group(1) + " (\"" + m.group().trim()
            + "\"); only the interpreter loop (org.probity.core.Interpreter) may: write a Handler instead");
      }
    }
    return out;
  }

  /** A main source file's path (relative to the repository) and text. */
  record SourceText(String path, String text) {
  }
}
