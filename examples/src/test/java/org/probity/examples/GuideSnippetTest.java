package org.probity.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/guide.md honest: each {@code java} block starts with {@code // from <path>}, and
 * every line of the block appears, in the same order, in that file, which a test runs (the
 * notebooks are replayed by NotebookTest, PlotsExample by SequenceExamplesTest).
 */
class GuideSnippetTest {

  @Test
  void everyBlockIsCopiedFromATestedFile() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("..", "docs", "guide.md"));
    int blocks = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).equals("```java")) {
        continue;
      }
      List<String> block = new ArrayList<>();
      for (i++; !lines.get(i).equals("```"); i++) {
        block.add(lines.get(i));
      }
      blocks++;
      String first = block.get(0);
      assertTrue(first.startsWith("// from "), "a guide block without its source: " + block);
      List<String> source = Files.readAllLines(Path.of("..", first.substring("// from ".length()).trim()));
      int at = 0;
      for (String line : block.subList(1, block.size())) {
        while (at < source.size() && !source.get(at).strip().equals(line.strip())) {
          at++;
        }
        assertTrue(at < source.size(), "not in " + first + " (in order): " + line);
        at++;
      }
    }
    assertTrue(blocks >= 5, "blocks: " + blocks);
  }
}
