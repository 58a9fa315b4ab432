package org.probity.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every JShell notebook under src/main/jshell/notebooks runs, after the startup script, without a
 * compile error or an exception, and the coin notebook's exact answer is 2/3.
 */
class NotebookTest {

  @TestFactory
  Stream<DynamicTest> notebooksRun() throws Exception {
    List<Path> books = new ArrayList<>();
    try (Stream<Path> s = Files.list(Path.of("src/main/jshell/notebooks"))) {
      s.filter(p -> p.toString().endsWith(".jsh")).sorted().forEach(books::add);
    }
    assertTrue(!books.isEmpty(), "no notebooks found");
    return books.stream().map(book -> DynamicTest.dynamicTest(book.getFileName().toString(), () -> run(book)));
  }

  private static void run(Path book) throws Exception {
    try (JShell js = JShell.builder().executionEngine("local").out(new java.io.PrintStream(java.io.OutputStream.nullOutputStream())).build()) {
      String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
      for (String entry : cp.split(File.pathSeparator)) {
        js.addToClasspath(entry);
      }
      eval(js, "import java.util.*;");
      for (Path script : List.of(Path.of("src/main/jshell/startup.jsh"), book)) {
        for (String line : Files.readAllLines(script)) {
          if (!line.isBlank() && !line.startsWith("//") && !line.startsWith("/")) {
            eval(js, line);
          }
        }
      }
      if (book.getFileName().toString().equals("coin.jsh")) {
        assertEquals(2.0 / 3, Double.parseDouble(eval(js, "exact.probability(true)")), 1e-12);
      }
    }
  }

  private static String eval(JShell js, String code) {
    List<SnippetEvent> events = js.eval(code);
    String value = null;
    for (SnippetEvent e : events) {
      String diags = js.diagnostics(e.snippet()).map(d -> d.getMessage(null)).toList().toString();
      assertEquals(Snippet.Status.VALID, e.status(), code + ": " + diags);
      assertNull(e.exception(), code + ": " + e.exception());
      if (e.value() != null) {
        value = e.value().replace("\"", "");
      }
    }
    return value;
  }
}
