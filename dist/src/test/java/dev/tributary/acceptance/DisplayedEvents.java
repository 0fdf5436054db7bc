package dev.tributary.acceptance;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What event_display printed, split into its events: each starts with the line {@code ☁️
 * cloudevents.Event}, then the context attributes ({@code type: ...}, {@code time: ...}), the
 * extensions ({@code hello: world}) and the data.
 */
record DisplayedEvents(List<DisplayedEvents.Event> events) {

  private static final String START = "☁️  cloudevents.Event";

  /** One printed event, as text. */
  record Event(String text) {

    private static final Pattern TIME = Pattern.compile("(?m)^  time: (\\S+)$");
    private static final Pattern DATA_ID = Pattern.compile("(?m)^    \"id\": (\\d+),?$");

    /** The value of a context attribute or extension ({@code name: value}), if printed. */
    Optional<String> attribute(String name) {
      Matcher matcher = Pattern.compile("(?m)^  " + Pattern.quote(name) + ": (.*)$").matcher(text);
      return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The {@code time} attribute, if printed and valid. */
    Optional<Instant> time() {
      Matcher matcher = TIME.matcher(text);
      if (!matcher.find()) {
        return Optional.empty();
      }
      try {
        return Optional.of(Instant.parse(matcher.group(1)));
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }

    /** The data's top-level {@code "id": N} (heartbeats), if any. */
    OptionalInt dataId() {
      Matcher matcher = DATA_ID.matcher(text);
      return matcher.find()
          ? OptionalInt.of(Integer.parseInt(matcher.group(1)))
          : OptionalInt.empty();
    }

    boolean contains(String part) {
      return text.contains(part);
    }
  }

  static DisplayedEvents parse(String log) {
    return new DisplayedEvents(
        Arrays.stream(log.split(Pattern.quote(START)))
            .skip(1) // whatever came before the first event (start-up lines)
            .map(text -> new Event(START + text))
            .toList());
  }

  /** The events of {@code type} from {@code source}. */
  List<Event> from(String type, String source) {
    return events.stream()
        .filter(e -> e.attribute("type").filter(type::equals).isPresent())
        .filter(e -> e.attribute("source").filter(source::equals).isPresent())
        .toList();
  }

  /** The events of {@code type} whose time is at or after {@code since}. */
  List<Event> since(String type, Instant since) {
    return events.stream()
        .filter(e -> e.attribute("type").filter(type::equals).isPresent())
        .filter(e -> e.time().filter(t -> !t.isBefore(since)).isPresent())
        .toList();
  }
}
