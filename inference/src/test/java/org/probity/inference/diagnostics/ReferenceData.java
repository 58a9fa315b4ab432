package org.probity.inference.diagnostics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads the committed draw sets and posterior reference values from test resources. */
final class ReferenceData {

  static final String DIR = "/diagnostics/";

  private ReferenceData() {}

  /** A draw set CSV (one column per chain) as {@code [chain][iteration]}. */
  static double[][] draws(String name) {
    List<String> lines = lines(DIR + name + ".csv");
    int chains = lines.get(0).split(",").length;
    double[][] out = new double[chains][lines.size() - 1];
    for (int i = 1; i < lines.size(); i++) {
      String[] cells = lines.get(i).split(",");
      for (int c = 0; c < chains; c++) {
        out[c][i - 1] = Double.parseDouble(cells[c]);
      }
    }
    return out;
  }

  /** dataset -> measure -> value; "NA" becomes NaN. */
  static Map<String, Map<String, Double>> reference() {
    Map<String, Map<String, Double>> out = new LinkedHashMap<>();
    List<String> lines = lines(DIR + "reference.csv");
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      double value = cells[2].equals("NA") ? Double.NaN : Double.parseDouble(cells[2]);
      out.computeIfAbsent(cells[0], k -> new LinkedHashMap<>()).put(cells[1], value);
    }
    return out;
  }

  private static List<String> lines(String resource) {
    try (InputStream in = ReferenceData.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> lines = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          lines.add(line);
        }
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
