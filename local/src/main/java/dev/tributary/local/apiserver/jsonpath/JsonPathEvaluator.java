package dev.tributary.local.apiserver.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tributary.local.apiserver.jsonpath.PathNode.BoolLiteral;
import dev.tributary.local.apiserver.jsonpath.PathNode.Field;
import dev.tributary.local.apiserver.jsonpath.PathNode.Filter;
import dev.tributary.local.apiserver.jsonpath.PathNode.FloatLiteral;
import dev.tributary.local.apiserver.jsonpath.PathNode.Identifier;
import dev.tributary.local.apiserver.jsonpath.PathNode.IntLiteral;
import dev.tributary.local.apiserver.jsonpath.PathNode.Recursive;
import dev.tributary.local.apiserver.jsonpath.PathNode.Sequence;
import dev.tributary.local.apiserver.jsonpath.PathNode.Slice;
import dev.tributary.local.apiserver.jsonpath.PathNode.Text;
import dev.tributary.local.apiserver.jsonpath.PathNode.Union;
import dev.tributary.local.apiserver.jsonpath.PathNode.Wildcard;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Evaluates parsed templates over Jackson trees with client-go's semantics in its "allow missing
 * keys" mode (the mode apiextensions uses for printer columns):
 *
 * <ul>
 *   <li>a missing key yields no result, never an error; a key whose value is JSON {@code null}
 *       yields that {@code null}, and nothing below it;
 *   <li>an index out of range, or indexing a non-array, is an error;
 *   <li>objects are walked in key order (Go sorts map keys), arrays in element order.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
final class JsonPathEvaluator {

  private JsonPathEvaluator() {}

  /** One result list per top-level node of the template (text or action). */
  static List<List<JsonNode>> findResults(Sequence template, JsonNode data)
      throws JsonPathException {
    List<JsonNode> current = List.of(data);
    List<List<JsonNode>> results = new ArrayList<>();
    for (PathNode node : template.nodes()) {
      results.add(walk(current, node));
    }
    return results;
  }

  private static List<JsonNode> walk(List<JsonNode> input, PathNode node) throws JsonPathException {
    return switch (node) {
      case Sequence sequence -> sequence(input, sequence);
      case Text text -> List.of(TextNode.valueOf(text.text()));
      case Field field -> field(input, field.name());
      case Slice slice -> slice(input, slice);
      case Filter filter -> filter(input, filter);
      case IntLiteral literal -> repeat(input, LongNode.valueOf(literal.value()));
      case FloatLiteral literal -> repeat(input, DoubleNode.valueOf(literal.value()));
      case BoolLiteral literal -> repeat(input, BooleanNode.valueOf(literal.value()));
      case Wildcard wildcard -> wildcard(input);
      case Recursive recursive -> recursive(input);
      case Union union -> union(input, union);
      case Identifier identifier ->
          throw new JsonPathException("unsupported identifier " + identifier.name());
    };
  }

  private static List<JsonNode> sequence(List<JsonNode> input, Sequence sequence)
      throws JsonPathException {
    List<JsonNode> current = input;
    for (PathNode node : sequence.nodes()) {
      current = walk(current, node);
    }
    return current;
  }

  private static List<JsonNode> repeat(List<JsonNode> input, JsonNode literal) {
    List<JsonNode> out = new ArrayList<>(input.size());
    for (int i = 0; i < input.size(); i++) {
      out.add(literal);
    }
    return out;
  }

  private static List<JsonNode> field(List<JsonNode> input, String name) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode value : input) {
      if (value.isObject() && value.has(name)) {
        out.add(value.get(name));
      }
    }
    return out;
  }

  private static List<JsonNode> slice(List<JsonNode> input, Slice slice) throws JsonPathException {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode value : input) {
      if (isNil(value)) {
        continue;
      }
      if (!value.isArray()) {
        throw new JsonPathException(typeName(value) + " is not array or slice");
      }
      int length = value.size();
      int start = slice.start() == null ? 0 : slice.start();
      if (start < 0) {
        start += length;
      }
      int end = slice.end() == null ? length : slice.end();
      if (end < 0 || (end == 0 && slice.endDerived())) {
        end += length;
      }
      if (end == start) {
        // client-go stops at the first empty selection, even with more inputs pending
        return out;
      }
      if (start >= length || start < 0) {
        throw new JsonPathException(
            "array index out of bounds: index " + start + ", length " + length);
      }
      if (end > length || end < 0) {
        throw new JsonPathException(
            "array index out of bounds: index " + (end - 1) + ", length " + length);
      }
      if (start > end) {
        throw new JsonPathException(
            "starting index " + start + " is greater than ending index " + end);
      }
      int step = 1;
      if (slice.step() != null) {
        if (slice.step() <= 0) {
          throw new JsonPathException("step must be > 0");
        }
        step = slice.step();
      }
      for (int i = start; i < end; i += step) {
        out.add(value.get(i));
      }
    }
    return out;
  }

  private static List<JsonNode> filter(List<JsonNode> input, Filter filter)
      throws JsonPathException {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode value : input) {
      List<JsonNode> candidates = isContainer(value) ? children(value) : List.of(value);
      for (JsonNode candidate : candidates) {
        List<JsonNode> lefts;
        try {
          lefts = sequence(List.of(candidate), filter.left());
        } catch (JsonPathException e) {
          // missing-keys mode ignores failures on the left side
          lefts = List.of();
        }
        List<JsonNode> rights = sequence(List.of(candidate), filter.right());
        if (lefts.isEmpty()) {
          continue;
        }
        if (lefts.size() > 1) {
          throw new JsonPathException("can only compare one element at a time");
        }
        if (filter.operator().equals("exists")) {
          out.add(candidate);
          continue;
        }
        if (rights.isEmpty()) {
          continue;
        }
        if (rights.size() > 1) {
          throw new JsonPathException("can only compare one element at a time");
        }
        if (FilterComparison.passes(filter.operator(), lefts.get(0), rights.get(0))) {
          out.add(candidate);
        }
      }
    }
    return out;
  }

  private static List<JsonNode> wildcard(List<JsonNode> input) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode value : input) {
      if (isContainer(value)) {
        out.addAll(children(value));
      }
    }
    return out;
  }

  private static List<JsonNode> recursive(List<JsonNode> input) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode value : input) {
      if (!isContainer(value)) {
        continue;
      }
      List<JsonNode> children = children(value);
      if (!children.isEmpty()) {
        out.add(value);
        out.addAll(recursive(children));
      }
    }
    return out;
  }

  private static List<JsonNode> union(List<JsonNode> input, Union union) throws JsonPathException {
    List<JsonNode> out = new ArrayList<>();
    for (Sequence branch : union.branches()) {
      out.addAll(sequence(input, branch));
    }
    return out;
  }

  /** An array's elements, or an object's values in key order. */
  private static List<JsonNode> children(JsonNode container) {
    List<JsonNode> out = new ArrayList<>(container.size());
    if (container.isArray()) {
      container.forEach(out::add);
      return out;
    }
    Map<String, JsonNode> sorted = new TreeMap<>(GoStrings::compare);
    for (Iterator<Map.Entry<String, JsonNode>> it = container.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      sorted.put(entry.getKey(), entry.getValue());
    }
    out.addAll(sorted.values());
    return out;
  }

  private static boolean isContainer(JsonNode value) {
    return value.isArray() || value.isObject();
  }

  private static boolean isNil(JsonNode value) {
    return value.isNull() || value.isMissingNode();
  }

  private static String typeName(JsonNode value) {
    if (value.isObject()) {
      return "map[string]interface {}";
    }
    if (value.isTextual()) {
      return "string";
    }
    if (value.isBoolean()) {
      return "bool";
    }
    if (value.isIntegralNumber()) {
      return "int64";
    }
    return "float64";
  }
}
