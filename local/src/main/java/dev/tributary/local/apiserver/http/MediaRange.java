package dev.tributary.local.apiserver.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One media range of an Accept (or Content-Type) header: {@code application/json;as=Table;v=v1;
 * g=meta.k8s.io}. Kubernetes selects alternative representations (Tables, aggregated discovery)
 * through these parameters.
 *
 * @param type the media type, lower-cased, e.g. {@code application/json}
 * @param parameters the parameters, keys lower-cased, values as sent
 */
public record MediaRange(String type, Map<String, String> parameters) {

  public MediaRange {
    parameters = Map.copyOf(parameters);
  }

  /** Every range of {@code header}, in order; empty for a null or blank header. */
  public static List<MediaRange> parseAll(String header) {
    List<MediaRange> ranges = new ArrayList<>();
    if (header == null || header.isBlank()) {
      return ranges;
    }
    for (String part : header.split(",")) {
      if (!part.isBlank()) {
        ranges.add(parse(part));
      }
    }
    return ranges;
  }

  /** One range, e.g. a Content-Type. */
  public static MediaRange parse(String text) {
    String[] pieces = text.split(";");
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 1; i < pieces.length; i++) {
      String piece = pieces[i].trim();
      int eq = piece.indexOf('=');
      if (eq > 0) {
        parameters.put(
            piece.substring(0, eq).trim().toLowerCase(Locale.ROOT),
            piece.substring(eq + 1).trim().replace("\"", ""));
      }
    }
    return new MediaRange(pieces[0].trim().toLowerCase(Locale.ROOT), parameters);
  }

  /** Whether this range asks for {@code as=AS;g=GROUP;v=VERSION} (JSON). */
  public boolean asks(String as, String group, String version) {
    return as.equals(parameters.get("as"))
        && group.equals(parameters.get("g"))
        && version.equals(parameters.get("v"))
        && (type.equals("application/json") || type.equals("*/*"));
  }
}
