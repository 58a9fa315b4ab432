package org.probity.inference.diagnostics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probity.inference.diagnostics.InvalidDrawsException.Reason;

/** Draws, Stan CSV round trip, ArviZ JSON shape and the summary table. */
class ExportTest {

  /** 2 chains x 6 draws of mu, theta.1..theta.3 and all NUTS statistics, with odd values. */
  static Draws sample() {
    List<String> names = List.of("mu", "theta.1", "theta.2", "theta.3");
    double[][][] values = new double[2][6][4];
    double[][][] stats = new double[2][6][7];
    for (int c = 0; c < 2; c++) {
      for (int i = 0; i < 6; i++) {
        values[c][i] = new double[] {c + 0.1 * i, Math.sin(i + c) * 1e-7, -3.25e12 * i,
            i == 3 ? Double.NaN : 1.0 / (i + 1 + c)};
        stats[c][i] = new double[] {-7.5 - i, 0.9, 0.35, 3, 7, i == 2 ? 1 : 0, 8.25 + c};
      }
    }
    values[1][0][0] = -0.0;
    return new Draws(names, values, StanCsv.NUTS_STATS, stats);
  }

  private static final StanCsv.Algorithm NUTS = StanCsv.Algorithm.nuts(0.35, 10, "diag_e",
      new double[] {1, 1, 1, 1});

  @Test
  void stanCsvRoundTripsExactly(@TempDir Path dir) throws Exception {
    Draws draws = sample();
    List<Path> files = StanCsv.write(draws, new StanCsv.Header("eight_schools", 1234, 500, 1,
        NUTS), dir, "eight_schools");
    assertEquals(List.of(dir.resolve("eight_schools-1.csv"), dir.resolve("eight_schools-2.csv")),
        files);
    Draws back = StanCsv.read(files);
    assertEquals(draws.parameterNames(), back.parameterNames());
    assertEquals(draws.samplerStatNames(), back.samplerStatNames());
    assertArrayEquals(draws.values(), back.values());
    assertArrayEquals(draws.samplerStats(), back.samplerStats());
  }

  @Test
  void stanCsvHasCmdStanLayout() throws Exception {
    StringWriter out = new StringWriter();
    StanCsv.writeChain(sample(), 1, new StanCsv.Header("m", 42, 300, 2,
        StanCsv.Algorithm.nuts(0.5, 10, "diag_e", new double[] {1, 0.25})), "m-2.csv", out);
    List<String> lines = out.toString().lines().toList();
    assertTrue(lines.contains("# model = m"));
    assertTrue(lines.contains("#   seed = 42"));
    assertTrue(lines.contains("# id = 2"));
    assertTrue(lines.contains("#     num_warmup = 300"));
    assertTrue(lines.contains("#     num_samples = 12"));
    assertTrue(lines.contains("#     thin = 2"));
    assertTrue(lines.contains("#     algorithm = hmc (Default)"));
    assertTrue(lines.contains("#         engine = nuts (Default)"));
    assertTrue(lines.contains("#         stepsize = 0.5"));
    int header = lines.indexOf("lp__,accept_stat__,stepsize__,treedepth__,n_leapfrog__,"
        + "divergent__,energy__,mu,theta.1,theta.2,theta.3");
    assertTrue(header > 0);
    for (int i = 0; i < header; i++) {
      assertTrue(lines.get(i).startsWith("#"), lines.get(i));
    }
    assertEquals("# Adaptation terminated", lines.get(header + 1));
    assertEquals("# Step size = 0.5", lines.get(header + 2));
    assertEquals("# Diagonal elements of inverse mass matrix:", lines.get(header + 3));
    assertEquals("# 1, 0.25", lines.get(header + 4));
    assertEquals("-7.5,0.9,0.35,3,7,0,9.25,-0," + (Math.sin(1) * 1e-7) + ",-0,0.5", lines.get(header + 5));
    assertTrue(lines.get(header + 8).endsWith(",nan"));
  }

  /** lp__ and accept_stat__ only, as a random walk records. */
  private static Draws randomWalk() {
    return new Draws(List.of("mu"), new double[][][] {{{1}, {2}}}, List.of("accept_stat__", "lp__"),
        new double[][][] {{{0.5, -1}, {1, -2}}});
  }

  @Test
  void aRandomWalkIsNotCalledNuts() throws Exception {
    StringWriter out = new StringWriter();
    StanCsv.writeChain(randomWalk(), 0, StanCsv.Header.of("m", 1, StanCsv.Algorithm.named(
        "random_walk_metropolis", new java.util.LinkedHashMap<>(Map.of("proposal_scale", 0.5)))),
        "m-1.csv", out);
    String text = out.toString();
    assertTrue(text.contains("#     algorithm = random_walk_metropolis\n"), text);
    assertTrue(text.contains("#         proposal_scale = 0.5\n"), text);
    for (String lie : List.of("hmc", "nuts", "metric", "stepsize", "treedepth__", "divergent__",
        "energy__", "n_leapfrog__", "Adaptation", "inverse mass")) {
      assertTrue(!text.contains(lie), lie + " in\n" + text);
    }
    assertTrue(text.contains("\nlp__,accept_stat__,mu\n-1,0.5,1\n-2,1,2\n"), text);
    Draws back = StanCsv.readChains(List.of(new StringReader(text)));
    assertEquals(List.of("lp__", "accept_stat__"), back.samplerStatNames());
    assertArrayEquals(new double[][] {{-1, -2}}, back.samplerStat("lp__"));
  }

  @Test
  @SuppressWarnings("deprecation")
  void theFormerHeaderNamesNoAlgorithm() throws Exception {
    StringWriter out = new StringWriter();
    StanCsv.writeChain(randomWalk(), 0, new StanCsv.Header("m", 1, 10, 1, 1.0, 10), "m-1.csv", out);
    assertTrue(out.toString().contains("#     algorithm = unspecified\n"), out.toString());
    assertTrue(!out.toString().contains("nuts") && !out.toString().contains("divergent__"));
  }

  @Test
  void nutsOutputNeedsItsStatistics() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> StanCsv.writeChain(randomWalk(), 0, StanCsv.Header.of("m", 1, NUTS), "m-1.csv",
            new StringWriter()));
    assertTrue(e.getMessage().contains("stepsize__") && e.getMessage().contains("energy__"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> StanCsv.Algorithm.nuts(0.1, 10, "diagonal", new double[0]));
    assertThrows(IllegalArgumentException.class,
        () -> StanCsv.Algorithm.named("Random Walk", Map.of()));
  }

  @Test
  void aByteOrderMarkIsAccepted(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bom-1.csv");
    Files.writeString(file, "\uFEFF# model = m\nlp__,mu\n-1,0.5\n");
    Draws back = StanCsv.read(List.of(file));
    assertEquals(List.of("mu"), back.parameterNames());
    assertArrayEquals(new double[][] {{0.5}}, back.parameter("mu"));
    Files.writeString(file, "\uFEFFlp__,mu\n-1,0.5\n");
    assertEquals(List.of("lp__"), StanCsv.read(List.of(file)).samplerStatNames());
  }

  @Test
  void malformedCsvIsRejected() {
    InvalidDrawsException e = assertThrows(InvalidDrawsException.class,
        () -> StanCsv.readChains(List.of(new StringReader("# c\nlp__,mu\n1,2\n3,abc\n"))));
    assertEquals(Reason.MALFORMED_CSV, e.reason());
    assertTrue(e.getMessage().contains("abc"));
    e = assertThrows(InvalidDrawsException.class,
        () -> StanCsv.readChains(List.of(new StringReader("lp__,mu\n1,2\n"),
            new StringReader("lp__,mu\n1,2\n3,4\n"))));
    assertEquals(Reason.RAGGED_CHAINS, e.reason());
    e = assertThrows(InvalidDrawsException.class,
        () -> StanCsv.readChains(List.of(new StringReader("lp__,mu\n1,2,3\n"))));
    assertTrue(e.getMessage().contains("3 values"));
  }

  private static JsonNode parse(String json) throws Exception {
    ObjectMapper mapper = JsonMapper.builder()
        .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    return mapper.readTree(json);
  }

  @Test
  void arvizJsonGroupsArrayElements() throws Exception {
    Draws draws = sample();
    String json = ArvizJson.builder(draws).observedData("y", new double[] {28, 8, -3})
        .attr("model", "eight_schools").toJson();
    JsonNode root = parse(json);
    List<String> groups = new ArrayList<>();
    root.fieldNames().forEachRemaining(groups::add);
    assertEquals(List.of("posterior", "sample_stats", "observed_data", "attrs"), groups);
    JsonNode theta = root.get("posterior").get("theta");
    assertEquals(2, theta.size());
    assertEquals(6, theta.get(0).size());
    assertEquals(3, theta.get(0).get(0).size());
    assertEquals(-3.25e12 * 4, theta.get(1).get(4).get(1).asDouble());
    assertTrue(Double.isNaN(theta.get(0).get(3).get(2).asDouble()));
    assertTrue(json.contains("NaN") && !json.contains("\"NaN\""));
    assertEquals(0.5, root.get("posterior").get("mu").get(0).get(5).asDouble());
    assertEquals(-9.5, root.get("sample_stats").get("lp").get(1).get(2).asDouble());
    assertEquals(1, root.get("sample_stats").get("diverging").get(0).get(2).asInt());
    assertTrue(root.get("sample_stats").has("acceptance_rate"));
    assertEquals(-3, root.get("observed_data").get("y").get(2).asInt());
    assertEquals("probity", root.get("attrs").get("inference_library").asText());
    assertEquals("eight_schools", root.get("attrs").get("model").asText());
  }

  @Test
  void arvizJsonIsCompactByDefault() {
    Draws draws = sample();
    String compact = ArvizJson.builder(draws).toJson();
    assertTrue(!compact.contains("\n") && !compact.contains(": "), compact.substring(0, 80));
    String pretty = ArvizJson.builder(draws).pretty(true).toJson();
    assertTrue(pretty.contains("\n"));
    assertTrue(compact.length() < pretty.length(), compact.length() + " vs " + pretty.length());
  }

  @Test
  void arvizJsonHasDimsCoordsLogLikelihoodAndPredictive() throws Exception {
    // Eight schools, 2 chains x 3 draws: theta per school, pointwise log likelihood of y.
    List<String> names = List.of("mu", "theta[1]", "theta[2]");
    double[][][] values = new double[2][3][3];
    double[][][] loglik = new double[2][3][2];
    double[][][] yrep = new double[2][3][2];
    for (int c = 0; c < 2; c++) {
      for (int i = 0; i < 3; i++) {
        values[c][i] = new double[] {c + i, 10 * c + i, -i};
        loglik[c][i] = new double[] {-1.0 - i, -2.0 - c};
        yrep[c][i] = new double[] {i, c};
      }
    }
    Draws posterior = Draws.of(names, values);
    String json = ArvizJson.builder(posterior)
        .dims("theta", "school").coords("school", List.of("Choate", "Deerfield"))
        .observedData("y", new double[] {28, 8}).dims("y", "school")
        .logLikelihood("y", loglik)
        .posteriorPredictive(Draws.of(List.of("y.1", "y.2"), yrep))
        .toJson();
    JsonNode root = parse(json);
    List<String> groups = new ArrayList<>();
    root.fieldNames().forEachRemaining(groups::add);
    assertEquals(List.of("posterior", "posterior_predictive", "log_likelihood", "observed_data",
        "coords", "dims", "attrs"), groups);
    assertEquals(-2.0 - 1, root.get("log_likelihood").get("y").get(1).get(2).get(1).asDouble());
    assertEquals(1.0, root.get("posterior_predictive").get("y").get(1).get(0).get(1).asDouble());
    assertEquals("Deerfield", root.get("coords").get("school").get(1).asText());
    assertEquals("school", root.get("dims").get("theta").get(0).asText());
    assertEquals(11.0, root.get("posterior").get("theta").get(1).get(1).get(0).asDouble());

    // Dims and coords that do not fit are errors naming the variable or dimension.
    ArvizJson.Builder bad = ArvizJson.builder(posterior).dims("thetta", "school");
    assertTrue(assertThrows(InvalidDrawsException.class, bad::toJson).getMessage()
        .contains("thetta"));
    ArvizJson.Builder wrongLength = ArvizJson.builder(posterior).dims("theta", "school")
        .coords("school", List.of("A", "B", "C"));
    assertTrue(assertThrows(InvalidDrawsException.class, wrongLength::toJson).getMessage()
        .contains("3 labels"));
    assertThrows(InvalidDrawsException.class, () -> ArvizJson.builder(posterior)
        .logLikelihood("y", new double[1][3][2]));
  }

  @Test
  void oneBasedAndZeroBasedIndicesAreBothAccepted() {
    double[][][] values = {{{1, 2, 3}}};
    for (List<String> names : List.of(List.of("beta[1]", "beta[2]", "beta[3]"),
        List.of("beta[0]", "beta[1]", "beta[2]"), List.of("beta.1", "beta.2", "beta.3"),
        List.of("beta.0", "beta.1", "beta.2"))) {
      Object beta = ((Map<?, ?>) ArvizJson.builder(Draws.of(names, values)).toMap()
          .get("posterior")).get("beta");
      assertEquals(List.of(List.of(List.of(1.0, 2.0, 3.0))), beta, names.toString());
    }
    Draws matrix = Draws.of(List.of("a[0,0]", "a[0][1]", "a[1,0]", "a[1,1]"),
        new double[][][] {{{1, 2, 3, 4}}});
    assertEquals(List.of(List.of(List.of(List.of(1.0, 2.0), List.of(3.0, 4.0)))),
        ((Map<?, ?>) ArvizJson.builder(matrix).toMap().get("posterior")).get("a"));
    InvalidDrawsException same = assertThrows(InvalidDrawsException.class, () -> ArvizJson
        .builder(Draws.of(List.of("b.1", "b[1]"), new double[][][] {{{1, 2}}})).toJson());
    assertTrue(same.getMessage().contains("same element"), same.getMessage());
  }

  @Test
  void arvizJsonRoundTrips() {
    Draws draws = sample();
    String json = ArvizJson.builder(draws).logLikelihood("y", new double[][][] {
        {{-1, -2}, {-3, -4}, {-5, -6}, {-7, -8}, {-9, -10}, {-11, -12}},
        {{-1, -2}, {-3, -4}, {-5, -6}, {-7, -8}, {-9, -10}, {-11.5, -12}}}).toJson();
    Map<String, Draws> back = ArvizJson.read(json);
    assertEquals(List.of("posterior", "log_likelihood", "sample_stats"),
        List.copyOf(back.keySet()));
    Draws posterior = back.get("posterior");
    assertEquals(draws.parameterNames(), posterior.parameterNames());
    assertArrayEquals(draws.values(), posterior.values());
    assertEquals(-11.5, back.get("log_likelihood").parameter("y.1")[1][5]);
    assertArrayEquals(draws.samplerStat("energy__"), back.get("sample_stats").parameter("energy"));
    // A matrix comes back row-major with Stan names.
    Draws m = Draws.of(List.of("a.1.1", "a.2.1", "a.1.2", "a.2.2"),
        new double[][][] {{{11, 21, 12, 22}}});
    Draws mb = ArvizJson.read(ArvizJson.builder(m).toJson()).get("posterior");
    assertEquals(List.of("a.1.1", "a.1.2", "a.2.1", "a.2.2"), mb.parameterNames());
    assertArrayEquals(new double[][] {{21}}, mb.parameter("a.2.1"));
  }

  @Test
  void arvizJsonNestsMatricesRowMajor() {
    // Stan CSV lists matrix elements column-major.
    List<String> names = List.of("a.1.1", "a.2.1", "a.1.2", "a.2.2", "a.1.3", "a.2.3");
    Draws draws = Draws.of(names, new double[][][] {{{11, 21, 12, 22, 13, 23}}});
    Object a = ((Map<?, ?>) ArvizJson.builder(draws).toMap().get("posterior")).get("a");
    assertEquals(List.of(List.of(List.of(List.of(11.0, 12.0, 13.0), List.of(21.0, 22.0, 23.0)))),
        a);
  }

  @Test
  void arvizJsonRejectsIncompleteArrays() {
    Draws draws = Draws.of(List.of("theta.1", "theta.3"), new double[][][] {{{1, 2}}});
    InvalidDrawsException e = assertThrows(InvalidDrawsException.class,
        () -> ArvizJson.builder(draws).toJson());
    assertTrue(e.getMessage().contains("theta"));
    Draws fromTwo = Draws.of(List.of("theta.2", "theta.3"), new double[][][] {{{1, 2}}});
    assertThrows(InvalidDrawsException.class, () -> ArvizJson.builder(fromTwo).toJson());
  }

  @Test
  void drawsValidatesNamesAndShapes() {
    double[][][] one = {{{1}}};
    assertEquals(Reason.INVALID_NAME, assertThrows(InvalidDrawsException.class,
        () -> Draws.of(List.of("lp__"), one)).reason());
    assertEquals(Reason.INVALID_NAME, assertThrows(InvalidDrawsException.class,
        () -> Draws.of(List.of("theta.x"), one)).reason());
    assertEquals(Reason.INVALID_NAME, assertThrows(InvalidDrawsException.class,
        () -> Draws.of(List.of("theta[1"), one)).reason());
    assertEquals(Reason.INVALID_NAME, assertThrows(InvalidDrawsException.class,
        () -> Draws.of(List.of("a", "a"), new double[][][] {{{1, 2}}})).reason());
    InvalidDrawsException e = assertThrows(InvalidDrawsException.class,
        () -> Draws.of(List.of("a"), new double[][][] {{{1}, {2}}, {{1}}}));
    assertEquals(Reason.RAGGED_CHAINS, e.reason());
    assertTrue(e.getMessage().contains("chain 1"));
    assertEquals(Reason.INVALID_NAME, assertThrows(InvalidDrawsException.class,
        () -> new Draws(List.of("a"), one, List.of("lp"), new double[][][] {{{1}}})).reason());
  }

  @Test
  void drawsIsImmutable() {
    double[][][] values = {{{1}, {2}}};
    Draws draws = Draws.of(List.of("mu"), values);
    values[0][0][0] = 99;
    draws.values()[0][0][0] = 99;
    draws.parameter("mu")[0][0] = 99;
    assertEquals(1.0, draws.parameter("mu")[0][0]);
    assertThrows(UnsupportedOperationException.class, () -> draws.parameterNames().add("x"));
  }

  @Test
  void summaryTableMatchesPerQuantityDiagnostics() {
    double[][] ar1 = ReferenceData.draws("ar1_09");
    double[][] iid = ReferenceData.draws("iid_normal");
    int n = ar1[0].length;
    double[][][] values = new double[4][n][2];
    for (int c = 0; c < 4; c++) {
      for (int i = 0; i < n; i++) {
        values[c][i][0] = ar1[c][i];
        values[c][i][1] = iid[c][i];
      }
    }
    SummaryTable table = Draws.of(List.of("mu", "theta.1"), values).summary();
    assertEquals(List.of("mu", "theta.1"), table.rows().stream().map(Summary::name).toList());
    assertEquals(Summary.of("mu", ar1), table.row("mu").orElseThrow());
    assertEquals(Rhat.rhat(iid), table.row("theta.1").orElseThrow().rhat());
    String text = table.toString();
    List<String> lines = text.lines().toList();
    assertEquals(3, lines.size());
    assertTrue(lines.get(0).startsWith("variable") && lines.get(0).contains("ess_bulk")
        && lines.get(0).contains("mcse_sd"), lines.get(0));
    assertEquals(lines.get(0).length(), lines.get(1).length(), text);
    assertEquals(lines.get(1).length(), lines.get(2).length(), text);
    assertTrue(lines.get(1).contains(String.format(java.util.Locale.ROOT, "%.3f",
        Rhat.rhat(ar1))), text);
  }
}
