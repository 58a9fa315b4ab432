package org.probity.data;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Strict conversion of JSON values (Stan's data-JSON layout) to numbers, integers and 0/1
 * labels: {@code null} is a missing value; a number must be finite; an integer must be written
 * without fraction or exponent and fit an int ({@code 100.7}, {@code 3.0} and
 * {@code 3000000001} are not ints); a label is {@code 0}, {@code 1}, {@code true} or
 * {@code false}. Strings (including Stan's {@code "NaN"} and {@code "Inf"}) are not numbers.
 * Each method converts into {@code out} and returns null, or returns the problem.
 */
final class Nodes {
  private Nodes() {
  }

  static String toDouble(JsonNode node, double[] out, int index) {
    if (node.isNull()) {
      return "null (a missing value)";
    }
    if (!node.isNumber()) {
      return shown(node) + " is not a number";
    }
    double v = node.doubleValue();
    if (!Double.isFinite(v)) {
      return node.asText() + " is not a finite double";
    }
    out[index] = v;
    return null;
  }

  static String toInt(JsonNode node, int[] out, int index) {
    if (node.isNull()) {
      return "null (a missing value)";
    }
    if (!node.isNumber()) {
      return shown(node) + " is not an integer";
    }
    if (!node.isIntegralNumber()) {
      return node.asText() + " is not an integer";
    }
    if (!node.canConvertToInt()) {
      return node.asText() + " is outside the int range";
    }
    out[index] = node.intValue();
    return null;
  }

  static String toLabel(JsonNode node, boolean[] out, int index) {
    if (node.isNull()) {
      return "null (a missing value)";
    }
    if (node.isBoolean()) {
      out[index] = node.booleanValue();
      return null;
    }
    if (node.isIntegralNumber() && node.canConvertToInt()
        && (node.intValue() == 0 || node.intValue() == 1)) {
      out[index] = node.intValue() == 1;
      return null;
    }
    return shown(node) + " is not a 0/1 label";
  }

  /** A factor level: a string or an integer. */
  static String toLevel(JsonNode node, String[] out, int index) {
    if (node.isNull()) {
      return "null (a missing value)";
    }
    if (node.isTextual()) {
      out[index] = node.textValue();
      return null;
    }
    if (node.isIntegralNumber()) {
      out[index] = node.asText();
      return null;
    }
    return shown(node) + " is not a level (a string or an integer)";
  }

  static String shown(JsonNode node) {
    String text = node.toString();
    return text.length() > 40 ? text.substring(0, 37) + "..." : text;
  }

  /** What a node is, for messages. */
  static String kind(JsonNode node) {
    if (node.isArray()) {
      return node.size() > 0 && node.get(0).isArray() ? "an array of arrays" : "an array";
    }
    if (node.isObject()) {
      return "an object";
    }
    if (node.isNull()) {
      return "null";
    }
    return "a single value (" + shown(node) + ")";
  }
}
