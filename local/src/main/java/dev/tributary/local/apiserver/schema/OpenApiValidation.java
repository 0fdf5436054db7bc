package dev.tributary.local.apiserver.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.api.validation.GoQuote;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Validates a decoded value against a schema the way kube-openapi's SchemaValidator does for CRDs
 * (as of Kubernetes 1.32): the same checks in the same order, the same error names ({@code
 * spec.resources[0].kind}; additional properties are joined with a dot) and the same messages
 * ({@code spec.x in body must be of type string: "integer"}). {@link #toCauses} then maps them to
 * field errors exactly as apiextensions-apiserver does.
 *
 * <p>Thread-safe: the only state is a cache of compiled patterns.
 */
final class OpenApiValidation {

  private static final String IN = "body";

  /** One kube-openapi error, before its conversion to a field error. */
  record Error(
      Code code, String name, Object value, long valid, String message, List<JsonNode> enumValues) {
    static Error of(Code code, String name, Object value, String message) {
      return new Error(code, name, value, -1, message, List.of());
    }
  }

  /** kube-openapi's error codes; {@code COMPOSITE} ones are plain errors without a field. */
  enum Code {
    INVALID_TYPE,
    REQUIRED,
    TOO_LONG,
    TOO_SHORT,
    PATTERN,
    ENUM,
    MULTIPLE_OF,
    MAX,
    MIN,
    UNIQUE,
    MAX_ITEMS,
    MIN_ITEMS,
    TOO_FEW_PROPERTIES,
    TOO_MANY_PROPERTIES,
    UNALLOWED_PROPERTY,
    MULTIPLE_OF_MUST_BE_POSITIVE,
    COMPOSITE
  }

  private final Map<String, Object> patterns = new ConcurrentHashMap<>();

  /** Every error of {@code data} against {@code s}, rooted at kube-openapi path {@code path}. */
  List<Error> validate(StructuralSchema s, JsonNode data, String path) {
    List<Error> out = new ArrayList<>();
    validate(s, data, path, out);
    return out;
  }

  /**
   * apiextensions-apiserver's kubeOpenAPIResultToFieldErrors: names become field paths under {@code
   * prefix} ({@link FieldPath#nil()} for a whole object), plain errors carry no field.
   */
  static List<FieldCause> toCauses(FieldPath prefix, List<Error> errors) {
    List<FieldCause> causes = new ArrayList<>(errors.size());
    for (Error e : errors) {
      if (e.code() == Code.COMPOSITE) {
        causes.add(FieldCause.invalid(prefix.toString(), "", e.message()));
        continue;
      }
      FieldPath errPath = prefix;
      if (!e.name().isEmpty() && !e.name().equals(".")) {
        errPath = prefix.child(e.name().startsWith(".") ? e.name().substring(1) : e.name());
      }
      String field = errPath.toString();
      Object value = e.value() == null ? "" : e.value();
      causes.add(
          switch (e.code()) {
            case REQUIRED -> FieldCause.required(field, "");
            case ENUM -> FieldCause.notSupported(field, e.value(), supportedValues(e.enumValues()));
            case TOO_LONG -> FieldCause.tooLong(field, e.valid());
            case MAX_ITEMS, TOO_MANY_PROPERTIES ->
                FieldCause.tooMany(field, (Long) e.value(), e.valid());
            case INVALID_TYPE -> FieldCause.typeInvalid(field, value, e.message());
            default -> FieldCause.invalid(field, value, e.message());
          });
    }
    return causes;
  }

  private static List<String> supportedValues(List<JsonNode> enumValues) {
    return enumValues.stream().map(v -> v.isTextual() ? v.textValue() : v.toString()).toList();
  }

  private void validate(StructuralSchema s, JsonNode data, String path, List<Error> out) {
    if (s == null) {
      return;
    }
    List<String> types = types(s);
    String format = Formats.supported(s.validation().format()) ? s.validation().format() : "";
    if (data == null || data.isNull() || data.isMissingNode()) {
      checkType(types, s.nullable(), format, null, path, out);
      checkEnum(s, null, path, out);
      return;
    }
    Kind kind = Kind.of(data);
    if (!types.isEmpty() || !format.isEmpty()) {
      checkType(types, s.nullable(), format, data, path, out);
    }
    checkJunctors(s, data, path, out);
    if (kind == Kind.STRING) {
      checkString(s, data.textValue(), path, out);
      if (!format.isEmpty() && !Formats.valid(format, data.textValue())) {
        out.add(invalidType(path, format, data.textValue()));
      }
    }
    if (kind == Kind.INTEGER || kind == Kind.NUMBER) {
      checkNumber(s, data, kind, path, out);
    }
    if (kind == Kind.ARRAY) {
      checkArray(s, data, path, out);
    }
    checkEnum(s, data, path, out);
    if (kind == Kind.OBJECT) {
      checkObject(s, data, path, out);
    }
  }

  /** The JSON kinds kube-openapi tells apart (integers decode to int64, other numbers to float). */
  private enum Kind {
    STRING("string", ""),
    INTEGER("integer", "int64"),
    NUMBER("number", "float64"),
    BOOLEAN("boolean", ""),
    ARRAY("array", ""),
    OBJECT("object", "");

    final String schemaType;
    final String format;

    Kind(String schemaType, String format) {
      this.schemaType = schemaType;
      this.format = format;
    }

    static Kind of(JsonNode n) {
      if (n.isTextual()) {
        return STRING;
      }
      if (n.isNumber()) {
        return GoValues.isInt64(n) ? INTEGER : NUMBER;
      }
      if (n.isBoolean()) {
        return BOOLEAN;
      }
      if (n.isArray()) {
        return ARRAY;
      }
      return OBJECT; // binary/POJO nodes never come out of JSON parsing
    }
  }

  private static List<String> types(StructuralSchema s) {
    if (s.intOrString()) {
      return List.of("integer", "string");
    }
    return s.type().isEmpty() ? List.of() : List.of(s.type());
  }

  private static void checkType(
      List<String> types,
      boolean nullable,
      String format,
      JsonNode data,
      String path,
      List<Error> out) {
    if (data == null) {
      if (!types.isEmpty() && !types.contains("null") && !nullable) {
        out.add(invalidType(path, String.join(",", types), "null"));
      }
      return;
    }
    Kind kind = Kind.of(data);
    boolean isFloatInt =
        kind == Kind.NUMBER && isJsonInteger(data.doubleValue()) && types.contains("integer");
    boolean isIntFloat = kind == Kind.INTEGER && types.contains("number");
    boolean typeMatches = types.contains(kind.schemaType) || isFloatInt || isIntFloat;
    if (kind != Kind.STRING
        && kind != Kind.ARRAY
        && !format.isEmpty()
        && !(typeMatches || kind.format.equals(format))) {
      out.add(invalidType(path, format, kind.format));
      return;
    }
    boolean numeric = types.contains("number") || types.contains("integer");
    if (!numeric && !format.isEmpty() && (kind == Kind.STRING || kind == Kind.ARRAY)) {
      return;
    }
    if (!typeMatches) {
      out.add(invalidType(path, String.join(",", types), kind.schemaType));
    }
  }

  private static Error invalidType(String path, String typeName, String actual) {
    return Error.of(
        Code.INVALID_TYPE,
        path,
        actual,
        path + " in " + IN + " must be of type " + typeName + ": " + GoQuote.quote(actual));
  }

  private void checkJunctors(StructuralSchema s, JsonNode data, String path, List<Error> out) {
    StructuralSchema.ValueValidation v = s.validation();
    if (!v.anyOf().isEmpty()) {
      List<Error> best = null;
      boolean succeeded = false;
      for (StructuralSchema branch : v.anyOf()) {
        List<Error> result = validate(branch, data, path);
        if (result.isEmpty()) {
          succeeded = true;
          break;
        }
        // kube-openapi keeps the failure that passed the most checks; fewest errors is our proxy.
        if (best == null || result.size() < best.size()) {
          best = result;
        }
      }
      if (!succeeded) {
        out.add(composite(GoQuote.quote(path) + " must validate at least one schema (anyOf)"));
        out.addAll(best);
      }
    }
    if (!v.oneOf().isEmpty()) {
      List<Error> best = null;
      int validated = 0;
      for (StructuralSchema branch : v.oneOf()) {
        List<Error> result = validate(branch, data, path);
        if (result.isEmpty()) {
          validated++;
          best = null;
        } else if (validated == 0 && (best == null || result.size() < best.size())) {
          best = result;
        }
      }
      if (validated != 1) {
        String found =
            validated == 0 ? "Found none valid" : "Found " + validated + " valid alternatives";
        out.add(
            composite(
                GoQuote.quote(path) + " must validate one and only one schema (oneOf). " + found));
        if (best != null) {
          out.addAll(best);
        }
      }
    }
    if (!v.allOf().isEmpty()) {
      int validated = 0;
      for (StructuralSchema branch : v.allOf()) {
        List<Error> result = validate(branch, data, path);
        if (result.isEmpty()) {
          validated++;
        }
        out.addAll(result);
      }
      if (validated != v.allOf().size()) {
        out.add(
            composite(
                GoQuote.quote(path)
                    + " must validate all the schemas (allOf)"
                    + (validated == 0 ? ". None validated" : "")));
      }
    }
    if (v.not() != null && validate(v.not(), data, path).isEmpty()) {
      out.add(composite(GoQuote.quote(path) + " must not validate the schema (not)"));
    }
  }

  private static Error composite(String message) {
    return Error.of(Code.COMPOSITE, "", null, message);
  }

  /** maxLength, minLength, pattern: only the first failing one is reported. */
  private void checkString(StructuralSchema s, String data, String path, List<Error> out) {
    StructuralSchema.ValueValidation v = s.validation();
    long length = data.codePointCount(0, data.length());
    if (v.maxLength() != null && length > v.maxLength()) {
      out.add(
          new Error(
              Code.TOO_LONG,
              path,
              data,
              v.maxLength(),
              path + " in " + IN + " should be at most " + v.maxLength() + " chars long",
              List.of()));
      return;
    }
    if (v.minLength() != null && length < v.minLength()) {
      out.add(
          new Error(
              Code.TOO_SHORT,
              path,
              data,
              v.minLength(),
              path + " in " + IN + " should be at least " + v.minLength() + " chars long",
              List.of()));
      return;
    }
    if (!v.pattern().isEmpty()) {
      Object compiled = patterns.computeIfAbsent(v.pattern(), OpenApiValidation::compile);
      if (compiled instanceof Pattern p) {
        if (!p.matcher(data).find()) {
          out.add(patternError(path, v.pattern(), data));
        }
      } else {
        out.add(patternError(path, v.pattern() + ", but pattern is invalid: " + compiled, data));
      }
    }
  }

  /** A compiled pattern, or the compile error's description. */
  private static Object compile(String pattern) {
    try {
      return Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      return e.getDescription();
    }
  }

  private static Error patternError(String path, String pattern, String data) {
    return Error.of(
        Code.PATTERN, path, data, path + " in " + IN + " should match '" + pattern + "'");
  }

  /** multipleOf, minimum, maximum, compared as int64 for integers, float64 otherwise. */
  private static void checkNumber(
      StructuralSchema s, JsonNode data, Kind kind, String path, List<Error> out) {
    StructuralSchema.ValueValidation v = s.validation();
    boolean integer = kind == Kind.INTEGER;
    if (v.multipleOf() != null) {
      double factor = v.multipleOf();
      if (integer) {
        long f = (long) factor; // Go converts the declared float64 factor to int64
        if (f <= 0) {
          out.add(mustBePositive(path, f, Long.toString(f)));
        } else if (data.longValue() % f != 0) {
          out.add(notMultipleOf(path, Long.toString(f), data));
        }
      } else if (factor <= 0) {
        out.add(mustBePositive(path, factor, GoValues.formatFloat(factor)));
      } else {
        double d = data.doubleValue();
        double mult = factor < 1 ? 1 / factor * d : d / factor;
        if (!isJsonInteger(mult)) {
          out.add(notMultipleOf(path, GoValues.formatFloat(factor), data));
        }
      }
    }
    if (v.minimum() != null) {
      boolean exclusive = v.exclusiveMinimum();
      boolean below;
      String limit;
      if (integer) {
        long min = (long) v.minimum().doubleValue();
        below = exclusive ? data.longValue() <= min : data.longValue() < min;
        limit = Long.toString(min);
      } else {
        double min = v.minimum();
        below = exclusive ? data.doubleValue() <= min : data.doubleValue() < min;
        limit = GoValues.formatFloat(min);
      }
      if (below) {
        String relation =
            exclusive ? " should be greater than " : " should be greater than or equal to ";
        out.add(Error.of(Code.MIN, path, data, path + " in " + IN + relation + limit));
      }
    }
    if (v.maximum() != null) {
      boolean exclusive = v.exclusiveMaximum();
      boolean above;
      String limit;
      if (integer) {
        long max = (long) v.maximum().doubleValue();
        above = exclusive ? data.longValue() >= max : data.longValue() > max;
        limit = Long.toString(max);
      } else {
        double max = v.maximum();
        above = exclusive ? data.doubleValue() >= max : data.doubleValue() > max;
        limit = GoValues.formatFloat(max);
      }
      if (above) {
        String relation = exclusive ? " should be less than " : " should be less than or equal to ";
        out.add(Error.of(Code.MAX, path, data, path + " in " + IN + relation + limit));
      }
    }
  }

  private static Error mustBePositive(String path, Object factor, String printed) {
    return Error.of(
        Code.MULTIPLE_OF_MUST_BE_POSITIVE,
        path,
        factor,
        "factor MultipleOf declared for " + path + " must be positive: " + printed);
  }

  private static Error notMultipleOf(String path, String factor, JsonNode data) {
    return Error.of(
        Code.MULTIPLE_OF, path, data, path + " in " + IN + " should be a multiple of " + factor);
  }

  private void checkArray(StructuralSchema s, JsonNode data, String path, List<Error> out) {
    StructuralSchema.ValueValidation v = s.validation();
    if (s.items() != null) {
      for (int i = 0; i < data.size(); i++) {
        validate(s.items(), data.get(i), path + "[" + i + "]", out);
      }
    }
    long size = data.size();
    if (v.minItems() != null && size < v.minItems()) {
      out.add(
          new Error(
              Code.MIN_ITEMS,
              path,
              size,
              v.minItems(),
              path + " in " + IN + " should have at least " + v.minItems() + " items",
              List.of()));
    }
    if (v.maxItems() != null && size > v.maxItems()) {
      out.add(
          new Error(
              Code.MAX_ITEMS,
              path,
              size,
              v.maxItems(),
              path + " in " + IN + " should have at most " + v.maxItems() + " items",
              List.of()));
    }
    if (v.uniqueItems()) {
      for (int i = 1; i < data.size(); i++) {
        for (int j = 0; j < i; j++) {
          if (deepEqual(data.get(i), data.get(j))) {
            out.add(
                Error.of(
                    Code.UNIQUE, path, null, path + " in " + IN + " shouldn't contain duplicates"));
            return;
          }
        }
      }
    }
  }

  private static void checkEnum(StructuralSchema s, JsonNode data, String path, List<Error> out) {
    List<JsonNode> allowed = s.validation().enumValues();
    if (allowed.isEmpty()) {
      return;
    }
    if (data != null) {
      for (JsonNode candidate : allowed) {
        if (enumMatches(data, candidate)) {
          return;
        }
      }
    }
    out.add(
        new Error(
            Code.ENUM,
            path,
            data,
            -1,
            path + " in " + IN + " should be one of " + GoValues.plain(allowed),
            allowed));
  }

  /**
   * Go compares after converting the value to the enum entry's type: numbers convert to the entry's
   * int64 or float64 (so 1.5 matches an entry 1); anything else must be deeply equal.
   */
  private static boolean enumMatches(JsonNode data, JsonNode candidate) {
    if (candidate.isNull()) {
      return false;
    }
    if (data.isNumber() && candidate.isNumber()) {
      if (GoValues.isInt64(candidate)) {
        return (long) data.doubleValue() == candidate.longValue()
            || (GoValues.isInt64(data) && data.longValue() == candidate.longValue());
      }
      return data.doubleValue() == candidate.doubleValue();
    }
    return deepEqual(data, candidate);
  }

  /** Go's reflect.DeepEqual of decoded JSON: an int64 never equals a float64. */
  static boolean deepEqual(JsonNode a, JsonNode b) {
    return a.equals(GO_LEAF_EQUALITY, b);
  }

  private static final Comparator<JsonNode> GO_LEAF_EQUALITY =
      (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
          boolean aInt = GoValues.isInt64(a);
          if (aInt != GoValues.isInt64(b)) {
            return 1;
          }
          return aInt
              ? Long.compare(a.longValue(), b.longValue())
              : Double.compare(a.doubleValue(), b.doubleValue());
        }
        return a.equals(b) ? 0 : 1;
      };

  private void checkObject(StructuralSchema s, JsonNode data, String path, List<Error> out) {
    StructuralSchema.ValueValidation v = s.validation();
    long size = data.size();
    if (v.minProperties() != null && size < v.minProperties()) {
      out.add(
          new Error(
              Code.TOO_FEW_PROPERTIES,
              path,
              size,
              v.minProperties(),
              path + " in " + IN + " should have at least " + v.minProperties() + " properties",
              List.of()));
    }
    if (v.maxProperties() != null && size > v.maxProperties()) {
      out.add(
          new Error(
              Code.TOO_MANY_PROPERTIES,
              path,
              size,
              v.maxProperties(),
              path + " in " + IN + " should have at most " + v.maxProperties() + " properties",
              List.of()));
    }
    StructuralSchema.AdditionalProperties additional = s.additionalProperties();
    if (additional != null && !additional.allows()) {
      data.fieldNames()
          .forEachRemaining(
              k -> {
                if (s.property(k) == null) {
                  out.add(
                      Error.of(
                          Code.UNALLOWED_PROPERTY,
                          path,
                          k,
                          path + "." + k + " in " + IN + " is a forbidden property"));
                }
              });
    } else if (additional != null && additional.schema() != null) {
      data.fields()
          .forEachRemaining(
              e -> {
                if (s.property(e.getKey()) == null) {
                  validate(additional.schema(), e.getValue(), path + "." + e.getKey(), out);
                }
              });
    }
    for (Map.Entry<String, StructuralSchema> p : s.properties().entrySet()) {
      JsonNode value = data.get(p.getKey());
      if (value != null) {
        validate(p.getValue(), value, path.isEmpty() ? p.getKey() : path + "." + p.getKey(), out);
      }
    }
    for (String k : v.required()) {
      if (!data.has(k)) {
        String name = path + "." + k;
        out.add(Error.of(Code.REQUIRED, name, null, name + " in " + IN + " is required"));
      }
    }
  }

  /** go-openapi's swag.IsFloat64AJSONInteger: integral within float64's exact integer range. */
  private static boolean isJsonInteger(double f) {
    double maxJsonFloat = (double) ((1L << 53) - 1);
    if (Double.isNaN(f) || Double.isInfinite(f) || f < -maxJsonFloat || f > maxJsonFloat) {
      return false;
    }
    if (f == Math.rint(f)) {
      return true;
    }
    double g = Math.rint(f);
    return Math.abs(f - g) / Math.min(Math.abs(f) + Math.abs(g), Double.MAX_VALUE) < 1e-9;
  }
}
