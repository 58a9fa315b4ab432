package org.probity.data;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a JSON data file into a Java record with strict Jackson settings, so that a data file
 * that does not say what the record says is an error naming the file and the field, never a
 * silent default: an unknown field, a missing field, {@code null}, a number with a fraction for
 * an int ({@code 100.7}), a string for a number, a duplicate key, content after the object, and a
 * non-finite double ({@code 1e400}; {@code NaN} is not JSON) are all {@link DataException}s.
 *
 * <p>Checks that need the values together (array lengths agreeing with a declared size, labels
 * being 0 or 1, scales being positive) belong in the record's compact constructor: an
 * {@link IllegalArgumentException} thrown there is reported as a {@code DataException} with the
 * file. {@link #checkLength} and {@link #checkRange} help write them with uniform messages.
 */
public final class StrictJson {

  /** The strict mapper shared by {@link Data#json} and {@link #read}. */
  static final ObjectMapper MAPPER = mapper();

  private StrictJson() {
  }

  private static ObjectMapper mapper() {
    JsonMapper m = JsonMapper.builder()
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        .build();
    // No coercion of strings, booleans or empty values to numbers, nor of numbers to booleans.
    m.coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    m.coercionConfigFor(LogicalType.Float)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    m.coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    for (LogicalType t : new LogicalType[] {LogicalType.Array, LogicalType.POJO}) {
      m.coercionConfigFor(t)
          .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }
    return m;
  }

  /**
   * Reads {@code file} into a record of type {@code type}.
   *
   * @param <T> the record type
   * @param file the JSON file (UTF-8, a byte-order mark is skipped)
   * @param type the record class; its components name the fields (with {@code @JsonProperty}
   *     where the JSON name differs)
   * @return the record
   * @throws DataException naming the file, the field (with its index in an array) and the value
   */
  public static <T extends Record> T read(Path file, Class<T> type) {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in, file.toString(), type);
    } catch (IOException e) {
      throw new DataException(file.toString(), "", "cannot read the file: " + e.getMessage());
    }
  }

  /**
   * Reads JSON text into a record, as {@link #read(Path, Class)}.
   *
   * @param <T> the record type
   * @param in the text; not closed
   * @param source the name used in error messages
   * @param type the record class
   * @return the record
   * @throws DataException naming the source, the field and the value
   */
  public static <T extends Record> T read(Reader in, String source, Class<T> type) {
    T value;
    try {
      value = MAPPER.readValue(Bom.skip(in), type);
    } catch (ValueInstantiationException e) {
      // The record's own validation (its compact constructor) failed.
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      if (cause instanceof DataException d) {
        throw new DataException(source, d.location(), d.problem());
      }
      throw new DataException(source, "", String.valueOf(cause.getMessage()));
    } catch (JsonProcessingException e) {
      throw error(source, e);
    } catch (IOException e) {
      throw new DataException(source, "", "cannot read the text: " + e.getMessage());
    }
    if (value == null) {
      throw new DataException(source, "", "expected a JSON object but got null");
    }
    checkFinite(source, "", value);
    return value;
  }

  /**
   * Checks that an array field has the length its size field declares.
   *
   * @param field the array's JSON name
   * @param length its length
   * @param sizeField the size field's JSON name
   * @param size the declared size
   * @throws IllegalArgumentException naming both fields, when they differ
   */
  public static void checkLength(String field, int length, String sizeField, int size) {
    if (length != size) {
      throw new IllegalArgumentException("field '" + field + "' has " + length + " values but '"
          + sizeField + "' = " + size);
    }
  }

  /**
   * Checks that every value of an array field lies in {@code [lo, hi]}.
   *
   * @param field the array's JSON name
   * @param values its values
   * @param lo the smallest allowed value
   * @param hi the largest allowed value
   * @throws IllegalArgumentException naming the field, the index and the value
   */
  public static void checkRange(String field, double[] values, double lo, double hi) {
    for (int i = 0; i < values.length; i++) {
      if (!(values[i] >= lo && values[i] <= hi)) {
        throw new IllegalArgumentException("field '" + field + "'[" + i + "] = " + values[i]
            + " is outside [" + lo + ", " + hi + "]");
      }
    }
  }

  /** A Jackson error as a DataException with the field path and the line and column. */
  static DataException error(String source, JsonProcessingException e) {
    StringBuilder where = new StringBuilder();
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      for (JsonMappingException.Reference r : m.getPath()) {
        if (r.getFieldName() != null) {
          where.append(where.length() == 0 ? "field '" + r.getFieldName() + "'"
              : "." + r.getFieldName());
        } else if (r.getIndex() >= 0) {
          where.append('[').append(r.getIndex()).append(']');
        }
      }
    }
    JsonLocation at = e.getLocation();
    if (at != null && at.getLineNr() > 0) {
      boolean field = where.length() > 0;
      where.append(field ? " (" : "").append("line ").append(at.getLineNr())
          .append(", column ").append(at.getColumnNr()).append(field ? ")" : "");
    }
    return new DataException(source, where.toString(), plain(e));
  }

  /** Jackson's message in the data's terms (not Java types and mapper settings), one line. */
  private static String plain(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      return "unknown field '" + u.getPropertyName() + "'; the fields are "
          + u.getKnownPropertyIds();
    }
    String m = e.getOriginalMessage() == null ? "malformed JSON" : e.getOriginalMessage();
    m = m.lines().findFirst().orElse(m);
    String[][] rewrites = {
        {"Cannot coerce Floating-point value \\((.*)\\) to `(int|long|short|byte)` value.*",
            "$1 is not an integer"},
        {"Cannot coerce (String|Boolean) value \\((.*)\\) to `(\\w+)` value.*",
            "$2 is not a number"},
        {"Cannot coerce (.*) to `boolean` value.*", "$1 is not true or false"},
        {"Missing creator property '(.*)' \\(index \\d+\\).*", "missing field '$1'"},
        {"Cannot map `null` into type `(\\w+)`.*", "null (a missing value)"},
        {"Null value for creator property '(.*)'.*", "null (a missing value)"},
        {" \\(for \\w+ starting at \\[Source: .*?\\]\\)", ""},
        {": enable `JsonReadFeature\\.\\w+` to allow", ""},
        {"Cannot deserialize value of type `[^`]*` from (\\w+) value.*", "unexpected $1 value"},
    };
    for (String[] r : rewrites) {
      m = m.replaceAll(r[0], r[1]);
    }
    return m.length() > 300 ? m.substring(0, 297) + "..." : m;
  }


  /** Rejects NaN, infinities and null elements anywhere in the record's fields. */
  private static void checkFinite(String source, String path, Object value) {
    if (value == null) {
      throw new DataException(source, field(path), "null (a missing value)");
    }
    if (value instanceof Double d && !Double.isFinite(d)) {
      throw new DataException(source, field(path), d + " is not a finite double");
    } else if (value instanceof Float f && !Float.isFinite(f)) {
      throw new DataException(source, field(path), f + " is not a finite float");
    } else if (value instanceof double[] xs) {
      for (int i = 0; i < xs.length; i++) {
        if (!Double.isFinite(xs[i])) {
          throw new DataException(source, field(path + "[" + i + "]"), xs[i]
              + " is not a finite double");
        }
      }
    } else if (value.getClass().isArray() && !value.getClass().getComponentType().isPrimitive()) {
      for (int i = 0; i < Array.getLength(value); i++) {
        checkFinite(source, path + "[" + i + "]", Array.get(value, i));
      }
    } else if (value instanceof Record r) {
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        Object v;
        try {
          c.getAccessor().trySetAccessible();
          v = c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
          throw new IllegalStateException("cannot read component " + c.getName() + " of " + r
              .getClass().getName(), e);
        }
        JsonProperty p = c.getAnnotation(JsonProperty.class);
        String name = p != null && !p.value().isEmpty() ? p.value() : c.getName();
        checkFinite(source, path.isEmpty() ? name : path + "." + name, v);
      }
    }
  }

  /** {@code y[2]} as {@code field 'y'[2]}. */
  private static String field(String path) {
    int bracket = path.indexOf('[');
    return bracket < 0 ? "field '" + path + "'"
        : "field '" + path.substring(0, bracket) + "'" + path.substring(bracket);
  }
}
