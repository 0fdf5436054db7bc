package dev.tributary.local.network;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A host name read as a Service's DNS name, as a pod's resolver would search it: {@code
 * NAME.NS.svc.DOMAIN}, {@code NAME.NS.svc}, {@code NAME.NS}, or a bare {@code NAME} (namespace
 * unknown, {@code null}). Case-insensitive; a trailing dot is allowed.
 *
 * @param namespace the namespace, or null for a bare name
 * @param name the Service's name
 */
public record ServiceName(String namespace, String name) {

  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  /** Empty when the host cannot name a Service in a cluster whose domain is {@code domain}. */
  public static Optional<ServiceName> parse(String host, String domain) {
    if (host == null || host.isEmpty()) {
      return Optional.empty();
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    String fullSuffix = ".svc." + domain.toLowerCase(Locale.ROOT);
    if (h.endsWith(fullSuffix)) {
      h = h.substring(0, h.length() - fullSuffix.length());
    } else if (h.endsWith(".svc")) {
      h = h.substring(0, h.length() - ".svc".length());
    }
    String[] labels = h.split("\\.", -1);
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        return Optional.empty();
      }
    }
    return switch (labels.length) {
      case 1 -> Optional.of(new ServiceName(null, labels[0]));
      case 2 -> Optional.of(new ServiceName(labels[1], labels[0]));
      default -> Optional.empty();
    };
  }

  /** {@code NAME.NS.svc.DOMAIN}; only for names with a namespace. */
  public String fqdn(String domain) {
    return name + "." + namespace + ".svc." + domain;
  }
}
