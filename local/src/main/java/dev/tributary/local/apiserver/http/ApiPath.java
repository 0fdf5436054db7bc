package dev.tributary.local.apiserver.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A request path split into decoded segments ({@code /apis/apps/v1/namespaces/x/deployments} →
 * {@code [apis, apps, v1, namespaces, x, deployments]}). Percent-escapes are decoded per segment;
 * {@code +} stays a plus sign, as in a URL path.
 *
 * @param segments the non-empty segments
 */
public record ApiPath(List<String> segments) {

  public ApiPath {
    segments = List.copyOf(segments);
  }

  /** Splits and decodes {@code path}. */
  public static ApiPath parse(String path) {
    List<String> segments = new ArrayList<>();
    for (String raw : path.split("/")) {
      if (!raw.isEmpty()) {
        segments.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
      }
    }
    return new ApiPath(segments);
  }

  public int size() {
    return segments.size();
  }

  public String get(int index) {
    return segments.get(index);
  }

  /** The segments from {@code from} on. */
  public List<String> tail(int from) {
    return segments.subList(Math.min(from, segments.size()), segments.size());
  }
}
