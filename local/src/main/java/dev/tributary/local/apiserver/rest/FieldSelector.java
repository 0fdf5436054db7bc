package dev.tributary.local.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.errors.ApiErrors;
import dev.tributary.local.apiserver.registry.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code fieldSelector} query parameter: comma-separated {@code field=value}, {@code
 * field==value} or {@code field!=value} terms, all of which must hold. Every resource supports
 * {@code metadata.name} and {@code metadata.namespace}; some kinds a few more, as in Kubernetes
 * (events: {@code involvedObject.*}, {@code reason}, {@code type}, {@code source}; pods: {@code
 * spec.nodeName}, {@code status.phase}, ...). A field the object lacks reads as {@code ""}.
 * Immutable.
 */
public final class FieldSelector {

  /** The selector that matches everything. */
  public static final FieldSelector EVERYTHING = new FieldSelector(List.of());

  private static final Set<String> COMMON = Set.of("metadata.name", "metadata.namespace");

  private static final Map<String, Set<String>> BY_RESOURCE =
      Map.of(
          "events",
          Set.of(
              "involvedObject.kind",
              "involvedObject.namespace",
              "involvedObject.name",
              "involvedObject.uid",
              "involvedObject.apiVersion",
              "involvedObject.resourceVersion",
              "involvedObject.fieldPath",
              "reason",
              "reportingComponent",
              "source",
              "type"),
          "pods",
          Set.of(
              "spec.nodeName",
              "spec.restartPolicy",
              "spec.schedulerName",
              "spec.serviceAccountName",
              "spec.hostNetwork",
              "status.phase",
              "status.podIP",
              "status.nominatedNodeName"),
          "secrets",
          Set.of("type"),
          "namespaces",
          Set.of("status.phase"),
          "batch/jobs",
          Set.of("status.successful"));

  record Term(String field, boolean equal, String value) {}

  private final List<Term> terms;

  private FieldSelector(List<Term> terms) {
    this.terms = List.copyOf(terms);
  }

  /**
   * Parses {@code text} for {@code type}; null or blank selects everything.
   *
   * @throws dev.tributary.local.apiserver.errors.ApiException 400 for a malformed term or a field
   *     the resource does not support
   */
  public static FieldSelector parse(String text, ResourceType type) {
    if (text == null || text.isBlank()) {
      return EVERYTHING;
    }
    List<Term> terms = new ArrayList<>();
    for (String part : splitUnescaped(text, ',')) {
      if (part.isBlank()) {
        continue;
      }
      Term term = term(part.trim());
      if (!supported(type, term.field())) {
        throw ApiErrors.badRequest("field label not supported: " + term.field());
      }
      terms.add(term);
    }
    return new FieldSelector(terms);
  }

  /** Whether it matches everything. */
  public boolean isEmpty() {
    return terms.isEmpty();
  }

  /** Whether {@code object} is selected. */
  public boolean matches(ObjectNode object) {
    for (Term term : terms) {
      boolean equal = value(object, term.field()).equals(term.value());
      if (equal != term.equal()) {
        return false;
      }
    }
    return true;
  }

  /** The value of {@code metadata.name} this selector requires, if it has such a term. */
  public String requiredName() {
    for (Term term : terms) {
      if (term.equal() && term.field().equals("metadata.name")) {
        return term.value();
      }
    }
    return null;
  }

  private static boolean supported(ResourceType type, String field) {
    if (COMMON.contains(field)) {
      return true;
    }
    return !type.isCustom()
        && BY_RESOURCE.getOrDefault(type.storageResource(), Set.of()).contains(field);
  }

  private static String value(ObjectNode object, String field) {
    JsonNode node = object;
    String path = field.equals("source") ? "source.component" : field;
    for (String segment : path.split("\\.")) {
      node = node == null ? null : node.get(segment);
    }
    if (node == null || node.isNull()) {
      return field.equals("spec.hostNetwork") ? "false" : "";
    }
    return node.asText();
  }

  private static Term term(String text) {
    int ne = indexOfUnescaped(text, "!=");
    if (ne >= 0) {
      return new Term(unescape(text.substring(0, ne)), false, unescape(text.substring(ne + 2)));
    }
    int eq2 = indexOfUnescaped(text, "==");
    if (eq2 >= 0) {
      return new Term(unescape(text.substring(0, eq2)), true, unescape(text.substring(eq2 + 2)));
    }
    int eq = indexOfUnescaped(text, "=");
    if (eq >= 0) {
      return new Term(unescape(text.substring(0, eq)), true, unescape(text.substring(eq + 1)));
    }
    throw ApiErrors.badRequest("invalid selector: '" + text + "'; can't understand '" + text + "'");
  }

  private static List<String> splitUnescaped(String text, char separator) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        current.append(c).append(text.charAt(++i));
      } else if (c == separator) {
        parts.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    parts.add(current.toString());
    return parts;
  }

  private static int indexOfUnescaped(String text, String operator) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\\') {
        i++;
      } else if (text.startsWith(operator, i)) {
        return i;
      }
    }
    return -1;
  }

  private static String unescape(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        out.append(text.charAt(++i));
      } else {
        out.append(c);
      }
    }
    return out.toString().trim();
  }
}
