package dev.tributary.api.filter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One filter expression of the CloudEvents Subscriptions API, as Knative Eventing's {@code
 * eventingv1.SubscriptionsAPIFilter} (used by Trigger {@code spec.filters} and ApiServerSource
 * {@code spec.filters}). A valid filter sets at most one dialect; one that sets none matches every
 * event. A list of filters has ALL semantics.
 *
 * <p>Immutable. Absent collections are empty and an absent {@code cesql} is {@code ""}, so that a
 * filter read from JSON equals one built in code; the JSON form omits empty fields, as Go's {@code
 * omitempty} does, with the fields in upstream's order and map keys sorted.
 *
 * @param all matches when every nested filter matches
 * @param any matches when at least one nested filter matches
 * @param not matches when the nested filter does not; null when absent
 * @param exact attribute name to the value it must equal (case-sensitive)
 * @param prefix attribute name to the prefix its value must start with
 * @param suffix attribute name to the suffix its value must end with
 * @param cesql a CloudEvents SQL expression; Tributary does not evaluate these yet, so validation
 *     rejects them (see {@link SubscriptionsAPIFilterValidation})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"all", "any", "not", "exact", "prefix", "suffix", "cesql"})
public record SubscriptionsAPIFilter(
    @SchemaFrom(type = NestedFilterSchema[].class) List<SubscriptionsAPIFilter> all,
    @SchemaFrom(type = NestedFilterSchema[].class) List<SubscriptionsAPIFilter> any,
    @SchemaFrom(type = NestedFilterSchema.class) SubscriptionsAPIFilter not,
    Map<String, String> exact,
    Map<String, String> prefix,
    Map<String, String> suffix,
    String cesql) {

  /** The filter with no dialect, which matches every event. */
  public static final SubscriptionsAPIFilter EMPTY =
      new SubscriptionsAPIFilter(null, null, null, null, null, null, null);

  public SubscriptionsAPIFilter {
    all = nested(all);
    any = nested(any);
    exact = sorted(exact);
    prefix = sorted(prefix);
    suffix = sorted(suffix);
    cesql = cesql == null ? "" : cesql;
  }

  /** A filter with only the {@code exact} dialect. */
  public static SubscriptionsAPIFilter ofExact(Map<String, String> attributes) {
    return new SubscriptionsAPIFilter(null, null, null, attributes, null, null, null);
  }

  /** A filter with only the {@code prefix} dialect. */
  public static SubscriptionsAPIFilter ofPrefix(Map<String, String> attributes) {
    return new SubscriptionsAPIFilter(null, null, null, null, attributes, null, null);
  }

  /** A filter with only the {@code suffix} dialect. */
  public static SubscriptionsAPIFilter ofSuffix(Map<String, String> attributes) {
    return new SubscriptionsAPIFilter(null, null, null, null, null, attributes, null);
  }

  /** A filter with only the {@code all} dialect. */
  public static SubscriptionsAPIFilter ofAll(List<SubscriptionsAPIFilter> filters) {
    return new SubscriptionsAPIFilter(filters, null, null, null, null, null, null);
  }

  /** A filter with only the {@code any} dialect. */
  public static SubscriptionsAPIFilter ofAny(List<SubscriptionsAPIFilter> filters) {
    return new SubscriptionsAPIFilter(null, filters, null, null, null, null, null);
  }

  /** A filter with only the {@code not} dialect. */
  public static SubscriptionsAPIFilter ofNot(SubscriptionsAPIFilter filter) {
    return new SubscriptionsAPIFilter(null, null, filter, null, null, null, null);
  }

  /** A filter with only the {@code cesql} dialect. */
  public static SubscriptionsAPIFilter ofCesql(String expression) {
    return new SubscriptionsAPIFilter(null, null, null, null, null, null, expression);
  }

  /**
   * The CRD schema of a nested filter: an object whose fields are kept as they are, as upstream's
   * Trigger CRD declares {@code all}, {@code any} and {@code not}. The CRD generator cannot follow
   * the recursive type itself; the webhook validates nested filters.
   */
  @PreserveUnknownFields
  static final class NestedFilterSchema {
    private NestedFilterSchema() {}
  }

  private static List<SubscriptionsAPIFilter> nested(List<SubscriptionsAPIFilter> filters) {
    if (filters == null) {
      return List.of();
    }
    // A JSON null element decodes to the empty filter in Go; do the same rather than fail.
    return filters.stream().map(f -> f == null ? EMPTY : f).toList();
  }

  private static Map<String, String> sorted(Map<String, String> map) {
    // Sorted, as Go's encoding/json writes map keys, so the JSON form is stable.
    return map == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(map));
  }
}
