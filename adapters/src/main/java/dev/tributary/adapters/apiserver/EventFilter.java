package dev.tributary.adapters.apiserver;

import dev.tributary.api.filter.SubscriptionsAPIFilter;
import io.cloudevents.CloudEvent;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Evaluates {@code spec.filters} (CloudEvents Subscriptions API dialects) on an event, as Knative's
 * {@code eventfilter/subscriptionsapi}: the list has ALL semantics, and each filter answers pass,
 * fail or "no filter" (an element with no usable dialect); only a fail drops the event.
 *
 * <ul>
 *   <li>A filter uses its first non-empty dialect in the order exact, prefix, suffix, all, any,
 *       not, cesql, as upstream materializes it; one with none is skipped.
 *   <li>{@code exact}/{@code prefix}/{@code suffix}: every entry must hold; a missing extension
 *       fails, a core attribute is always present (an unset one is {@code ""}).
 *   <li>{@code all}: fails on the first failing member, otherwise the last member's answer; {@code
 *       any}: passes on the first passing member, otherwise the last member's answer; {@code not}
 *       swaps pass and fail.
 *   <li>{@code cesql} is not evaluated (Tributary's validation refuses it): such a filter is
 *       skipped, which {@link #hasCesql} lets the adapter log once.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class EventFilter {

  private enum Result {
    PASS,
    FAIL,
    NO_FILTER
  }

  private final List<SubscriptionsAPIFilter> filters;

  public EventFilter(List<SubscriptionsAPIFilter> filters) {
    this.filters = List.copyOf(filters);
  }

  /** True when {@code event} is to be sent. */
  public boolean passes(CloudEvent event) {
    return all(filters, event) != Result.FAIL;
  }

  /** True when some filter, at any depth, uses the cesql dialect (which is not evaluated). */
  public boolean hasCesql() {
    return filters.stream().anyMatch(EventFilter::usesCesql);
  }

  private static boolean usesCesql(SubscriptionsAPIFilter f) {
    return !f.cesql().isEmpty()
        || f.all().stream().anyMatch(EventFilter::usesCesql)
        || f.any().stream().anyMatch(EventFilter::usesCesql)
        || (f.not() != null && usesCesql(f.not()));
  }

  private static Result all(List<SubscriptionsAPIFilter> members, CloudEvent event) {
    Result result = Result.NO_FILTER;
    for (SubscriptionsAPIFilter member : members) {
      if (!usable(member)) {
        continue;
      }
      result = evaluate(member, event);
      if (result == Result.FAIL) {
        return Result.FAIL;
      }
    }
    return result;
  }

  private static Result any(List<SubscriptionsAPIFilter> members, CloudEvent event) {
    Result result = Result.NO_FILTER;
    for (SubscriptionsAPIFilter member : members) {
      if (!usable(member)) {
        continue;
      }
      result = evaluate(member, event);
      if (result == Result.PASS) {
        return Result.PASS;
      }
    }
    return result;
  }

  /** False for a filter upstream would not materialize (no dialect set; or only cesql). */
  private static boolean usable(SubscriptionsAPIFilter f) {
    return !f.exact().isEmpty()
        || !f.prefix().isEmpty()
        || !f.suffix().isEmpty()
        || !f.all().isEmpty()
        || !f.any().isEmpty()
        || f.not() != null;
  }

  private static Result evaluate(SubscriptionsAPIFilter f, CloudEvent event) {
    if (!f.exact().isEmpty()) {
      return attributes(f.exact(), event, String::equals);
    }
    if (!f.prefix().isEmpty()) {
      return attributes(f.prefix(), event, String::startsWith);
    }
    if (!f.suffix().isEmpty()) {
      return attributes(f.suffix(), event, String::endsWith);
    }
    if (!f.all().isEmpty()) {
      return all(f.all(), event);
    }
    if (!f.any().isEmpty()) {
      return any(f.any(), event);
    }
    if (f.not() != null) {
      if (!usable(f.not())) {
        return Result.NO_FILTER;
      }
      return switch (evaluate(f.not(), event)) {
        case PASS -> Result.FAIL;
        case FAIL -> Result.PASS;
        case NO_FILTER -> Result.NO_FILTER;
      };
    }
    return Result.NO_FILTER;
  }

  private static Result attributes(
      Map<String, String> expected, CloudEvent event, BiPredicate<String, String> test) {
    for (Map.Entry<String, String> e : expected.entrySet()) {
      String actual = attribute(event, e.getKey());
      if (actual == null || !test.test(actual, e.getValue())) {
        return Result.FAIL;
      }
    }
    return Result.PASS;
  }

  /**
   * An attribute's string value, as upstream's {@code attributes.LookupAttribute}; null if absent.
   */
  static String attribute(CloudEvent event, String name) {
    return switch (name) {
      case "specversion" -> event.getSpecVersion().toString();
      case "type" -> event.getType();
      case "source" -> event.getSource() == null ? "" : event.getSource().toString();
      case "subject" -> nullToEmpty(event.getSubject());
      case "id" -> event.getId();
      case "time" ->
          event.getTime() == null
              ? ""
              : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.getTime());
      case "dataschema", "schemaurl" ->
          event.getDataSchema() == null ? "" : event.getDataSchema().toString();
      case "datacontenttype" -> nullToEmpty(event.getDataContentType());
      case "datamediatype" -> mediaType(event.getDataContentType());
      default -> {
        Object value = event.getExtension(name);
        yield value == null ? null : value.toString();
      }
    };
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
