package org.probity.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The launcher's {@code ./probity jshell FILE}: JShell runs its files before its own welcome, so
 * when a file is given (and no feedback option) the launcher prints the welcome itself and starts
 * JShell with {@code -q}; this checks the launcher's argument functions with bash (the
 * end-to-end run needs a build and is checked by hand: the welcome, then the notebook's output).
 */
class LauncherJShellArgsTest {
  private static final Path LAUNCHER = Path.of("").toAbsolutePath().getParent().resolve("probity");

  private static String bash(String calls) throws IOException, InterruptedException {
    String functions = "source <(sed -n '/^jshell_loads_files() {/,/^}/p; /^jshell_files() {/,/^}/p' '" + LAUNCHER + "')\n";
    Process p = new ProcessBuilder("bash", "-c", functions + calls).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertEquals(0, p.waitFor(), out);
    return out;
  }

  private static String loads(String args) throws IOException, InterruptedException {
    return bash("if jshell_loads_files " + args + "; then echo files; else echo none; fi");
  }

  @Test
  void aFileWithoutAFeedbackOptionGetsTheLaunchersWelcome() throws Exception {
    assertEquals("files", loads("nb.jsh"));
    assertEquals("files", loads("--startup extra.jsh nb.jsh"));
    assertEquals("files", loads("-R-Dx=1 nb.jsh"));
    assertEquals("nb.jsh, two.jsh", bash("jshell_files --startup extra.jsh nb.jsh -J-Xmx1g two.jsh"));
  }

  @Test
  void noFileOrTheUsersOwnFeedbackLeavesJShellAlone() throws Exception {
    for (String args : List.of("", "--startup extra.jsh", "-q nb.jsh", "--feedback verbose nb.jsh", "nb.jsh -s",
        "--class-path a.jar")) {
      assertEquals("none", loads(args), args);
    }
  }

  @Test
  void theJShellCommandUsesThem() throws Exception {
    String launcher = Files.readString(LAUNCHER);
    assertTrue(launcher.contains("if jshell_loads_files \"$@\"; then"), "the jshell command no longer checks");
    assertTrue(launcher.contains("jshell_args+=(-q)"), "the jshell command no longer starts JShell quiet");
  }
}
