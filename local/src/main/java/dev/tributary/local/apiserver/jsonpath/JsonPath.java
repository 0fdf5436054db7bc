package dev.tributary.local.apiserver.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.local.apiserver.jsonpath.PathNode.Sequence;
import java.util.List;
import java.util.Objects;

/**
 * A parsed Kubernetes JSONPath template ({@code k8s.io/client-go/util/jsonpath}), as the API server
 * uses it for CRD {@code additionalPrinterColumns}.
 *
 * <p>Supported: {@code .a.b}, {@code .a\.b} (escaped dot), {@code ['a']} (single quotes only, and
 * {@code ['a.b']} means {@code .a.b}, as upstream), {@code [n]}, {@code [-n]}, {@code [s:e:step]},
 * {@code [*]}, {@code .*}, {@code ..} recursive descent, unions {@code [0,2]} / {@code ['a','b']},
 * filters {@code [?(@.type=="Ready")]} and {@code [?(@.type=='Ready')]} with {@code == != < > <=
 * >=}, and existence filters {@code [?(@.x)]}. Evaluation always allows missing keys: an absent
 * field gives no result rather than an error. {@code range}/{@code end} blocks are not supported
 * (they fail at evaluation).
 *
 * <p>Immutable and thread-safe.
 */
public final class JsonPath {

  private final String template;
  private final Sequence root;

  private JsonPath(String template, Sequence root) {
    this.template = template;
    this.root = root;
  }

  /**
   * Parses a full template: literal text with {@code {...}} actions, e.g. {@code {.metadata.name}}.
   *
   * @throws JsonPathException if the template does not parse
   */
  public static JsonPath parse(String template) throws JsonPathException {
    Objects.requireNonNull(template, "template");
    return new JsonPath(template, JsonPathParser.parse(template));
  }

  /**
   * Parses a printer column's {@code jsonPath} (written without braces, e.g. {@code
   * .status.sinkUri}) by wrapping it in braces, as apiextensions does.
   *
   * @throws JsonPathException if the path does not parse
   */
  public static JsonPath parseColumn(String jsonPath) throws JsonPathException {
    Objects.requireNonNull(jsonPath, "jsonPath");
    return parse("{" + jsonPath + "}");
  }

  /** The template this was parsed from. */
  public String template() {
    return template;
  }

  /**
   * Evaluates the template: one list of results per top-level part of the template (per action, and
   * per run of literal text). A JSON {@code null} value is a result ({@code NullNode}).
   *
   * @throws JsonPathException if evaluation fails (index out of range, indexing a non-array, a
   *     filter comparing several values)
   */
  public List<List<JsonNode>> findResults(JsonNode data) throws JsonPathException {
    Objects.requireNonNull(data, "data");
    return JsonPathEvaluator.findResults(root, data);
  }

  /**
   * The value a printer column shows: the first result of the first part of the template, or {@code
   * null} when there is none or evaluation fails. Never throws.
   */
  public JsonNode firstResult(JsonNode data) {
    try {
      List<List<JsonNode>> results = findResults(data);
      if (results.isEmpty() || results.get(0).isEmpty()) {
        return null;
      }
      return results.get(0).get(0);
    } catch (JsonPathException e) {
      return null; // a column that does not apply to this object is an empty cell, not a failure
    }
  }

  /**
   * Prints one value as a {@code type: string} printer column does: strings raw, numbers and
   * booleans as Go prints them, objects and arrays as compact JSON with sorted keys, and JSON
   * {@code null} as {@code <no value>}.
   */
  public static String printValue(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "<no value>";
    }
    return GoText.sprint(value);
  }

  /**
   * Prints a list of results as {@code kubectl -o jsonpath} prints one part of a template: each
   * value as {@link #printValue} does (except that JSON {@code null} prints as {@code <nil>}),
   * separated by single spaces.
   */
  public static String printResults(List<JsonNode> results) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < results.size(); i++) {
      if (i > 0) {
        out.append(' ');
      }
      out.append(GoText.sprint(results.get(i)));
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return template;
  }
}
