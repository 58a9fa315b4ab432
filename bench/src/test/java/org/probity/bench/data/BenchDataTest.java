package org.probity.bench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark data readers refuse malformed files (issue 14 item 6), one test per rule, each
 * error naming the file and the field; the shared data files and the generators still read.
 */
class BenchDataTest {

  private static final String Y = "\"y\": [28, 8, -3, 7, -1, 1, 18, 12]";
  private static final String SIGMA = "\"sigma\": [15, 10, 16, 11, 9, 11, 10, 18]";

  @TempDir
  Path dir;

  private Path schools(String json) throws Exception {
    Files.writeString(dir.resolve("eight_schools.json"), json);
    return dir;
  }

  private Path logistic(String json) throws Exception {
    Files.writeString(dir.resolve("lr_n2.json"), json);
    return dir;
  }

  /** The error, which must name the file and the field. */
  private String fails(Supplier<?> read, String field) {
    Throwable e = assertThrows(RuntimeException.class, read::get);
    String m = e.getMessage();
    assertTrue(m.contains(dir.toString()) && m.contains(".json"), "no file in: " + m);
    assertTrue(m.contains(field), "no field " + field + " in: " + m);
    return m;
  }

  @Test
  void validFilesRead() throws Exception {
    EightSchoolsData d = EightSchoolsData.read(schools("{\"J\": 8, " + Y + ", " + SIGMA + "}"));
    assertEquals(EightSchoolsData.classic().j(), d.j());
    assertArrayEquals(EightSchoolsData.classic().y(), d.y());
    LogisticData l = LogisticData.read(logistic("{\"N\": 2, \"D\": 1, \"X\": [[0.5], [-1]], "
        + "\"y\": [1, 0], \"true_w\": [1], \"true_b\": 0}"), 2);
    assertArrayEquals(new int[] {1, 0}, l.y());
  }

  @Test
  void generatorsMakeValidRecords() {
    assertEquals(50, HmmData.generate(50, 1).y().length);
    assertEquals(50, LogisticData.generate(50, 1).y().length);
    assertEquals(50, MixtureData.generate(50, 1).y().length);
  }

  @Test
  void sharedDataFilesStillRead() {
    // shared/ lies beside the repository (or a worktree's parent): look a few levels up.
    Path shared = null;
    for (Path p = Path.of("").toAbsolutePath(); p != null && shared == null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("shared/bench-data"))) {
        shared = p.resolve("shared/bench-data");
      }
    }
    assumeTrue(shared != null, "no shared/bench-data above " + Path.of("").toAbsolutePath()
        + "; the shared data files were not checked");
    assertEquals(8, EightSchoolsData.read(shared).j());
    assertEquals(100, HmmData.read(shared, 100).t());
    assertEquals(1000, LogisticData.read(shared, 1000).n());
    assertEquals(500, MixtureData.read(shared, 500).n());
  }

  @Test
  void unknownField() throws Exception {
    schools("{\"J\": 8, " + Y + ", " + SIGMA + ", \"sigam\": 1}");
    fails(() -> EightSchoolsData.read(dir), "sigam");
  }

  @Test
  void missingField() throws Exception {
    // Eight schools without J used to run on no data: the posterior was the prior.
    schools("{" + Y + ", " + SIGMA + "}");
    fails(() -> EightSchoolsData.read(dir), "'J'");
  }

  @Test
  void nullValue() throws Exception {
    schools("{\"J\": 8, \"y\": [28, null, -3, 7, -1, 1, 18, 12], " + SIGMA + "}");
    fails(() -> EightSchoolsData.read(dir), "'y'[1]");
  }

  @Test
  void fractionForAnInt() throws Exception {
    logistic("{\"N\": 100.7, \"D\": 1, \"X\": [[0.5], [-1]], \"y\": [1, 0], \"true_w\": [1], "
        + "\"true_b\": 0}");
    fails(() -> LogisticData.read(dir, 2), "'N'");
  }

  @Test
  void labelThatIsNotZeroOrOne() throws Exception {
    logistic("{\"N\": 2, \"D\": 1, \"X\": [[0.5], [-1]], \"y\": [1, 0.7], \"true_w\": [1], "
        + "\"true_b\": 0}");
    fails(() -> LogisticData.read(dir, 2), "'y'[1]");
    logistic("{\"N\": 2, \"D\": 1, \"X\": [[0.5], [-1]], \"y\": [1, 2], \"true_w\": [1], "
        + "\"true_b\": 0}");
    fails(() -> LogisticData.read(dir, 2), "'y'[1]");
  }

  @Test
  void extraValues() throws Exception {
    schools("{\"J\": 8, \"y\": [28, 8, -3, 7, -1, 1, 18, 12, 5], " + SIGMA + "}");
    fails(() -> EightSchoolsData.read(dir), "'y' has 9 values but 'J' = 8");
    logistic("{\"N\": 2, \"D\": 1, \"X\": [[0.5, 2], [-1]], \"y\": [1, 0], \"true_w\": [1], "
        + "\"true_b\": 0}");
    fails(() -> LogisticData.read(dir, 2), "'X'[0]");
  }

  @Test
  void nonFiniteNumber() throws Exception {
    schools("{\"J\": 8, \"y\": [28, 8, 1e400, 7, -1, 1, 18, 12], " + SIGMA + "}");
    fails(() -> EightSchoolsData.read(dir), "'y'[2]");
  }

  @Test
  void valueOutOfRange() throws Exception {
    schools("{\"J\": 8, " + Y + ", \"sigma\": [15, 10, 16, 11, 9, 11, 10, -18]}");
    fails(() -> EightSchoolsData.read(dir), "'sigma'[7]");
  }

  @Test
  void stringForANumber() throws Exception {
    schools("{\"J\": \"8\", " + Y + ", " + SIGMA + "}");
    fails(() -> EightSchoolsData.read(dir), "'J'");
  }
}
