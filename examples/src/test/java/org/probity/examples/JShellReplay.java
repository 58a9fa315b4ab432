package org.probity.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Replays JShell scripts as {@code ./probity jshell} runs them: JShell's DEFAULT imports, then
 * the startup script, then the script, each complete snippet (one or many lines, as JShell's own
 * source analysis splits them) evaluated in turn; a snippet that does not compile or throws fails
 * the test with its text and the compiler's messages.
 */
final class JShellReplay implements AutoCloseable {
  /** What {@code jshell --startup DEFAULT} imports. */
  static final List<String> DEFAULT_IMPORTS = List.of("java.io.*", "java.math.*", "java.net.*", "java.nio.file.*",
      "java.util.*", "java.util.concurrent.*", "java.util.function.*", "java.util.prefs.*", "java.util.regex.*",
      "java.util.stream.*");

  private final JShell js;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  JShellReplay() {
    js = JShell.builder().executionEngine("local").out(new PrintStream(out, true, StandardCharsets.UTF_8)).build();
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    for (String entry : cp.split(File.pathSeparator)) {
      js.addToClasspath(entry);
    }
    for (String i : DEFAULT_IMPORTS) {
      eval("import " + i + ";");
    }
  }

  /** Replays a script file. */
  JShellReplay script(Path file) throws IOException {
    SourceCodeAnalysis analysis = js.sourceCodeAnalysis();
    String rest = Files.readString(file);
    while (!rest.isBlank()) {
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
      if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
        break;
      }
      if (!info.completeness().isComplete()) {
        throw new AssertionError(file + ": an incomplete snippet at the end: " + rest.strip());
      }
      eval(info.source());
      rest = info.remaining();
    }
    return this;
  }

  /** Evaluates a snippet and returns its value (quotes removed), or null. */
  String eval(String code) {
    // the local execution engine runs snippets in this JVM: what they print goes to System.out
    PrintStream old = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    List<SnippetEvent> events;
    try {
      events = js.eval(code);
    } finally {
      System.setOut(old);
    }
    String value = null;
    for (SnippetEvent e : events) {
      if (e.causeSnippet() != null) {
        continue; // an earlier snippet this one replaced or updated
      }
      String diags = js.diagnostics(e.snippet()).map(d -> d.getMessage(null)).toList().toString();
      assertEquals(Snippet.Status.VALID, e.status(), code + ": " + diags);
      assertNull(e.exception(), code + ": " + e.exception());
      if (e.value() != null) {
        value = e.value().replace("\"", "");
      }
    }
    return value;
  }

  /** A number the session holds. */
  double number(String expression) {
    return Double.parseDouble(eval(expression));
  }

  /** Everything the scripts printed. */
  String output() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    js.close();
  }
}
