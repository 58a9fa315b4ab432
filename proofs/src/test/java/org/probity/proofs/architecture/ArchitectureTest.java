package org.probity.proofs.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fails the build if any module or package of the real source tree depends upwards or in a cycle
 * (the rules of {@link ArchitectureRules}). Maven runs tests in the module directory, so the
 * other modules' main sources are at {@code ../<module>/src/main/java}.
 */
class ArchitectureTest {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  @Test
  void modulesAndPackagesDependOnlyDownwardsAndWithoutCycles() throws IOException {
    List<SourceFile> sources = scan();
    List<String> violations = ArchitectureRules.check(sources);
    assertTrue(violations.isEmpty(), violations.size() + " architecture violation(s):\n  " + String.join("\n  ", violations));
  }

  @Test
  void theScanSeesTheWholeTree() throws IOException {
    List<SourceFile> sources = scan();
    for (String module : ArchitectureRules.MODULES.keySet()) {
      assertTrue(sources.stream().anyMatch(f -> f.module().equals(module)), "no sources found for module " + module);
    }
    // The known edges of ppl-core are seen, so the scan cannot pass by seeing nothing.
    assertTrue(sources.stream().anyMatch(f -> f.pkg().equals("org.probity.semantics") && f.uses().contains("org.probity.core")));
    assertTrue(sources.stream().anyMatch(f -> f.pkg().equals("org.probity") && f.uses().contains("org.probity.dist")));
    assertTrue(sources.stream().anyMatch(f -> f.module().equals("examples") && f.uses().contains("org.probity")));
  }

  @Test
  void everyModuleOfTheReactorIsChecked() throws IOException {
    String pom = Files.readString(ROOT.resolve("pom.xml"));
    List<String> declared = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("<module>([^<]+)</module>").matcher(pom);
    while (m.find()) {
      declared.add(m.group(1));
    }
    assertEquals(new java.util.TreeSet<>(ArchitectureRules.MODULES.keySet()), new java.util.TreeSet<>(declared),
        "the modules of the parent pom and of ArchitectureRules.MODULES differ");
  }

  @Test
  void onlyTheInterpreterLoopDispatchesOnProgramNodes() throws IOException {
    List<NodeDispatch.SourceText> texts = new ArrayList<>();
    for (String module : ArchitectureRules.MODULES.keySet()) {
      Path src = ROOT.resolve(module).resolve("src/main/java");
      if (!Files.isDirectory(src)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(src)) {
        for (Path p : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
          texts.add(new NodeDispatch.SourceText(ROOT.relativize(p).toString(), Files.readString(p)));
        }
      }
    }
    assertTrue(texts.stream().anyMatch(t -> t.path().endsWith("core/Interpreter.java")), "the scan sees the loop");
    List<String> v = NodeDispatch.violations(texts);
    assertTrue(v.isEmpty(), v.size() + " node dispatch(es) outside the loop:\n  " + String.join("\n  ", v));
  }

  private static List<SourceFile> scan() throws IOException {
    assertTrue(Files.isRegularFile(ROOT.resolve("pom.xml")) && Files.isDirectory(ROOT.resolve("ppl-core")),
        "run from a module directory of the Probity tree, not " + Path.of("").toAbsolutePath());
    List<SourceFile> out = new ArrayList<>();
    for (String module : ArchitectureRules.MODULES.keySet()) {
      Path src = ROOT.resolve(module).resolve("src/main/java");
      if (!Files.isDirectory(src)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(src)) {
        for (Path p : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
          out.add(SourceFile.parse(module, ROOT.relativize(p).toString(), Files.readString(p)));
        }
      }
    }
    return out;
  }
}
