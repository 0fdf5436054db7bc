package dev.tributary.api.sources.apiserver;

import dev.tributary.api.validation.GoQuote;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Label selectors in the string form Kubernetes prints ({@code app=foo,tier in (a,b)}), as
 * apimachinery's {@code metav1.LabelSelectorAsSelector(s).String()}: one requirement per {@code
 * matchLabels} entry and per {@code matchExpressions} entry, sorted by key (stably, so entries with
 * the same key keep their order, matchLabels first), joined with {@code ,}; values of {@code in} /
 * {@code notin} sorted and joined with {@code ,}; {@code Exists} as the bare key and {@code
 * DoesNotExist} as {@code !key}. An empty selector (no labels, no expressions) is {@code ""}: it
 * selects everything.
 *
 * <p>Selectors Kubernetes would refuse (an unknown operator, a wrong number of values, an invalid
 * label key or value) are refused here too, with an {@link IllegalArgumentException}. Upstream's
 * controller ignores that error and then dereferences the missing selector, so there is no message
 * to copy; ours names the offending part in Kubernetes' words.
 *
 * <p>Pure and thread-safe.
 */
public final class LabelSelectors {
  private static final String NAME_FORMAT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
  private static final Pattern LABEL_NAME = Pattern.compile(NAME_FORMAT);
  private static final Pattern LABEL_VALUE = Pattern.compile("(" + NAME_FORMAT + ")?");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final int NAME_MAX = 63;
  private static final int PREFIX_MAX = 253;

  private LabelSelectors() {}

  /** The selection operators, with how each prints. */
  private enum Operator {
    EQUALS,
    IN,
    NOT_IN,
    EXISTS,
    DOES_NOT_EXIST;

    static Operator of(String name) {
      return switch (name) {
        case "In" -> IN;
        case "NotIn" -> NOT_IN;
        case "Exists" -> EXISTS;
        case "DoesNotExist" -> DOES_NOT_EXIST;
        default ->
            throw new IllegalArgumentException(
                GoQuote.quote(name) + " is not a valid label selector operator");
      };
    }
  }

  private record Requirement(String key, Operator operator, List<String> values) {
    String render() {
      return switch (operator) {
        case EQUALS -> key + "=" + values.getFirst();
        case IN -> key + " in (" + sortedValues() + ")";
        case NOT_IN -> key + " notin (" + sortedValues() + ")";
        case EXISTS -> key;
        case DOES_NOT_EXIST -> "!" + key;
      };
    }

    private String sortedValues() {
      return String.join(",", values.stream().sorted().toList());
    }
  }

  /**
   * The string form of {@code selector}.
   *
   * @throws IllegalArgumentException if Kubernetes would not accept the selector
   */
  public static String format(LabelSelector selector) {
    List<Requirement> requirements = new ArrayList<>();
    Map<String, String> labels = selector.getMatchLabels();
    if (labels != null) {
      for (Map.Entry<String, String> e : labels.entrySet()) {
        requirements.add(
            requirement(e.getKey(), Operator.EQUALS, List.of(nullToEmpty(e.getValue()))));
      }
    }
    List<LabelSelectorRequirement> expressions = selector.getMatchExpressions();
    if (expressions != null) {
      for (LabelSelectorRequirement expr : expressions) {
        requirements.add(
            requirement(
                nullToEmpty(expr.getKey()),
                Operator.of(nullToEmpty(expr.getOperator())),
                expr.getValues() == null
                    ? List.of()
                    : expr.getValues().stream().map(LabelSelectors::nullToEmpty).toList()));
      }
    }
    // List.sort is stable, as Go's sort.Sort is on the short lists selectors have.
    requirements.sort(Comparator.comparing(Requirement::key));
    return String.join(",", requirements.stream().map(Requirement::render).toList());
  }

  /** A deep copy of {@code selector}, or null for null. */
  public static LabelSelector copy(LabelSelector selector) {
    if (selector == null) {
      return null;
    }
    LabelSelector copy = new LabelSelectorBuilder(selector).build();
    if (selector.getMatchExpressions() != null) {
      List<LabelSelectorRequirement> expressions = new ArrayList<>();
      for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
        expressions.add(
            new LabelSelectorRequirement(
                r.getKey(),
                r.getOperator(),
                r.getValues() == null ? null : new ArrayList<>(r.getValues())));
      }
      copy.setMatchExpressions(expressions);
    }
    return copy;
  }

  /** True when the selector has neither labels nor expressions (it selects everything). */
  public static boolean isEmpty(LabelSelector selector) {
    return selector != null
        && (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
        && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
  }

  /** A requirement, checked as apimachinery's {@code labels.NewRequirement} checks it. */
  private static Requirement requirement(String key, Operator operator, List<String> values) {
    List<String> problems = new ArrayList<>(keyProblems(key));
    switch (operator) {
      case IN, NOT_IN -> {
        if (values.isEmpty()) {
          problems.add("values: for 'in', 'notin' operators, values set can't be empty");
        }
      }
      case EXISTS, DOES_NOT_EXIST -> {
        if (!values.isEmpty()) {
          problems.add("values: values set must be empty for exists and does not exist");
        }
      }
      case EQUALS -> {
        // A matchLabels entry always has exactly one value.
      }
    }
    for (String value : values) {
      if (value.length() > NAME_MAX) {
        problems.add("values: " + GoQuote.quote(value) + ": must be no more than 63 bytes");
      }
      if (!LABEL_VALUE.matcher(value).matches()) {
        problems.add(
            "values: "
                + GoQuote.quote(value)
                + ": a valid label must be an empty string or consist of alphanumeric characters,"
                + " '-', '_' or '.', and must start and end with an alphanumeric character");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "invalid label selector requirement on key "
              + GoQuote.quote(key)
              + ": "
              + String.join("; ", problems));
    }
    return new Requirement(key, operator, values);
  }

  /** What apimachinery's {@code IsLabelKey} finds wrong with {@code key}, if anything. */
  private static List<String> keyProblems(String key) {
    List<String> problems = new ArrayList<>();
    String[] parts = key.split("/", -1);
    if (parts.length > 2) {
      return List.of(
          "key: a valid label key is a name with an optional DNS subdomain prefix and '/'"
              + " (e.g. 'example.com/MyName')");
    }
    String name = parts[parts.length - 1];
    if (parts.length == 2) {
      String prefix = parts[0];
      if (prefix.isEmpty()) {
        problems.add("key: prefix part must be non-empty");
      } else if (prefix.length() > PREFIX_MAX || !DNS_SUBDOMAIN.matcher(prefix).matches()) {
        problems.add(
            "key: prefix part must be a lowercase RFC 1123 subdomain of at most 253 characters");
      }
    }
    if (name.isEmpty()) {
      problems.add("key: name part must be non-empty");
    } else if (name.length() > NAME_MAX) {
      problems.add("key: name part must be no more than 63 bytes");
    }
    if (!LABEL_NAME.matcher(name).matches()) {
      problems.add(
          "key: name part must consist of alphanumeric characters, '-', '_' or '.', and must"
              + " start and end with an alphanumeric character");
    }
    return problems;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
