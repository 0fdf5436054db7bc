package dev.tributary.local.network;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites a host process's environment so the cluster URLs in it are reachable from outside this
 * JVM, where cluster names do not resolve: Service names become their cluster IPs, which the {@link
 * ServiceProxy} listens on ({@code http://event-display.default.svc.cluster.local} becomes {@code
 * http://127.96.0.12}, ports and paths kept).
 *
 * <ul>
 *   <li>{@code NAME.NS.svc.DOMAIN} and {@code NAME.NS.svc} are rewritten wherever they stand as a
 *       whole host name (in URLs, {@code host:port} values or alone);
 *   <li>{@code NAME.NS} and a bare {@code NAME} (a Service in the pod's own namespace) only as the
 *       host of a URL ({@code scheme://NAME.NS...}), since elsewhere they are too ambiguous.
 * </ul>
 *
 * Names of Services that do not exist are left alone. Pure: no I/O, the Service lookup is given.
 * TLS to a rewritten URL checks the certificate against the IP, so HTTPS cluster URLs generally do
 * not survive the rewrite.
 */
public final class HostEnvRewriter {

  /** Looks up a Service's cluster IP. */
  @FunctionalInterface
  public interface ClusterIps {
    Optional<String> clusterIp(String namespace, String name);
  }

  private static final String LABEL = "[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?";
  private static final Pattern URL_HOST =
      Pattern.compile("(?i)([a-z][a-z0-9+.-]*://(?:[^/@\\s]*@)?)([a-z0-9.-]+)");

  private final String domain;
  private final ClusterIps clusterIps;
  private final Pattern qualified;

  /**
   * @param domain the cluster domain, usually {@code cluster.local}
   * @param clusterIps where Service cluster IPs are looked up
   */
  public HostEnvRewriter(String domain, ClusterIps clusterIps) {
    this.domain = Objects.requireNonNull(domain, "domain");
    this.clusterIps = Objects.requireNonNull(clusterIps, "clusterIps");
    this.qualified =
        Pattern.compile(
            "(?i)(?<![a-z0-9.-])("
                + LABEL
                + ")\\.("
                + LABEL
                + ")\\.svc(?:\\."
                + Pattern.quote(domain)
                + ")?\\.?(?![a-z0-9-]|\\.[a-z0-9])");
  }

  /** Every value rewritten with {@link #rewrite}; keys and order kept. */
  public Map<String, String> rewriteAll(Map<String, String> env, String podNamespace) {
    Map<String, String> out = new LinkedHashMap<>();
    env.forEach((key, value) -> out.put(key, value == null ? null : rewrite(value, podNamespace)));
    return out;
  }

  /**
   * {@code value} with its cluster names replaced by cluster IPs.
   *
   * @param podNamespace the namespace bare Service names in URLs are looked up in
   */
  public String rewrite(String value, String podNamespace) {
    String pass1 =
        replace(
            qualified,
            value,
            m ->
                clusterIps
                    .clusterIp(
                        m.group(2).toLowerCase(Locale.ROOT), m.group(1).toLowerCase(Locale.ROOT))
                    .orElse(null));
    return replace(
        URL_HOST,
        pass1,
        m -> {
          Optional<ServiceName> name = ServiceName.parse(m.group(2), domain);
          if (name.isEmpty()) {
            return null;
          }
          String namespace = name.get().namespace() == null ? podNamespace : name.get().namespace();
          return clusterIps
              .clusterIp(namespace, name.get().name())
              .map(ip -> m.group(1) + ip)
              .orElse(null);
        });
  }

  private interface Replacement {
    /** The replacement text, or null to keep the match. */
    String of(Matcher match);
  }

  private static String replace(Pattern pattern, String value, Replacement replacement) {
    Matcher matcher = pattern.matcher(value);
    StringBuilder out = new StringBuilder();
    int last = 0;
    while (matcher.find()) {
      String with = replacement.of(matcher);
      if (with != null) {
        out.append(value, last, matcher.start()).append(with);
        last = matcher.end();
      }
    }
    return out.append(value, last, value.length()).toString();
  }
}
