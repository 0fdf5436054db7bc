package dev.tributary.local.apiserver.rbac;

import dev.tributary.local.security.UserInfo;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a request asks to do, in the terms RBAC decides on (kube-apiserver's {@code
 * authorizer.Attributes}): who, which verb, and either a resource (API group, resource,
 * subresource, namespace, name) or a non-resource URL path.
 *
 * <p>Strings are never null; an absent part is "". For a resource request {@code path} is the URL
 * path it came from (or "" when built from an access review); for a non-resource request the
 * resource parts are "".
 *
 * @param user who asks
 * @param verb {@code get}, {@code list}, {@code watch}, {@code create}, {@code update}, {@code
 *     patch}, {@code delete}, {@code deletecollection}, or any custom verb ({@code impersonate});
 *     for non-resource requests the lower-cased HTTP method
 * @param resourceRequest true for a resource, false for a non-resource URL
 * @param apiGroup "" for the core group
 * @param apiVersion the version in the path, "*" when unspecified
 * @param resource e.g. {@code pods}
 * @param subresource e.g. {@code log} or {@code status}
 * @param namespace "" for cluster-scoped requests
 * @param name "" for collection requests
 * @param path the URL path
 */
public record RequestAttributes(
    UserInfo user,
    String verb,
    boolean resourceRequest,
    String apiGroup,
    String apiVersion,
    String resource,
    String subresource,
    String namespace,
    String name,
    String path) {

  private static final Set<String> API_PREFIXES = Set.of("api", "apis");
  private static final Set<String> GROUPLESS_API_PREFIXES = Set.of("api");
  private static final Set<String> SPECIAL_VERBS = Set.of("proxy", "watch");
  private static final Set<String> NAMESPACE_SUBRESOURCES = Set.of("status", "finalize");
  private static final String NAME_FIELD = "metadata.name";

  public RequestAttributes {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(verb, "verb");
    Objects.requireNonNull(apiGroup, "apiGroup");
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(subresource, "subresource");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
  }

  /** A resource request, as an access review or impersonation check states it. */
  public static RequestAttributes resource(
      UserInfo user,
      String verb,
      String apiGroup,
      String resource,
      String subresource,
      String namespace,
      String name) {
    return new RequestAttributes(
        user, verb, true, apiGroup, "*", resource, subresource, namespace, name, "");
  }

  /** A request for a non-resource URL such as {@code /version} or {@code /healthz}. */
  public static RequestAttributes nonResource(UserInfo user, String verb, String path) {
    return new RequestAttributes(user, verb, false, "", "", "", "", "", "", path);
  }

  /**
   * The attributes of an HTTP request, derived as kube-apiserver's {@code RequestInfoFactory}
   * derives them.
   *
   * <p>{@code /api/v1/...} and {@code /apis/GROUP/VERSION/...} with at least a resource segment are
   * resource requests: {@code namespaces/NS/} scopes them (except the namespace's own {@code
   * status}/{@code finalize}), then come resource, name and subresource ({@code
   * /api/v1/namespaces/NS/pods/NAME/log} is {@code pods}, {@code log}). The verb follows from the
   * method: GET/HEAD on an item {@code get}, on a collection {@code list}, or {@code watch} when
   * the query has {@code watch} set to anything but {@code false}/{@code 0}; POST {@code create};
   * PUT {@code update}; PATCH {@code patch}; DELETE on an item {@code delete}, on a collection
   * {@code deletecollection}. The legacy {@code /watch/} and {@code /proxy/} path prefixes set the
   * verb themselves. A list or watch whose field selector pins {@code metadata.name} names that
   * object, so rules with {@code resourceNames} can allow a single-object watch.
   *
   * <p>Everything else ({@code /version}, {@code /api}, {@code /apis}, {@code /apis/G/V}, {@code
   * /openapi/v3}, {@code /healthz}) is a non-resource request whose verb is the lower-cased method.
   *
   * @param method the HTTP method, e.g. {@code GET}
   * @param path the decoded URL path, e.g. {@code /api/v1/namespaces/default/pods}
   * @param query the raw (still percent-encoded) query string without {@code ?}, or null
   */
  public static RequestAttributes fromHttp(
      UserInfo user, String method, String path, String query) {
    String lowerMethod = method.toLowerCase(Locale.ROOT);
    RequestAttributes nonResource = nonResource(user, lowerMethod, path);
    List<String> parts = splitPath(path);
    if (parts.size() < 3 || !API_PREFIXES.contains(parts.get(0))) {
      return nonResource;
    }
    String prefix = parts.get(0);
    parts = parts.subList(1, parts.size());
    String group = "";
    if (!GROUPLESS_API_PREFIXES.contains(prefix)) {
      if (parts.size() < 3) {
        return nonResource;
      }
      group = parts.get(0);
      parts = parts.subList(1, parts.size());
    }
    String version = parts.get(0);
    parts = parts.subList(1, parts.size());

    String verb;
    boolean verbFromPath = SPECIAL_VERBS.contains(parts.get(0));
    if (verbFromPath) {
      if (parts.size() < 2) {
        // kube-apiserver rejects "/api/v1/watch" as unparseable; only a superuser gets past this
        return new RequestAttributes(user, lowerMethod, true, group, version, "", "", "", "", path);
      }
      verb = parts.get(0);
      parts = parts.subList(1, parts.size());
    } else {
      verb =
          switch (lowerMethod) {
            case "post" -> "create";
            case "get", "head" -> "get";
            case "put" -> "update";
            case "patch" -> "patch";
            case "delete" -> "delete";
            default -> "";
          };
    }

    String namespace = "";
    if (parts.get(0).equals("namespaces")) {
      if (parts.size() > 1) {
        namespace = parts.get(1);
        if (parts.size() > 2 && !NAMESPACE_SUBRESOURCES.contains(parts.get(2))) {
          parts = parts.subList(2, parts.size());
        }
      }
    }

    String resource = parts.get(0);
    String name = parts.size() >= 2 ? parts.get(1) : "";
    String subresource = parts.size() >= 3 && !verb.equals("proxy") ? parts.get(2) : "";

    if (name.isEmpty() && verb.equals("get")) {
      List<String> watch = queryValues(query, "watch");
      boolean watching =
          !watch.isEmpty() && !watch.get(0).equals("0") && !watch.get(0).equalsIgnoreCase("false");
      verb = watching ? "watch" : "list";
      List<String> selector = queryValues(query, "fieldSelector");
      if (!selector.isEmpty()) {
        name =
            exactMatch(selector.get(0), NAME_FIELD)
                .filter(RequestAttributes::isPathSegment)
                .orElse("");
      }
    }
    if (name.isEmpty() && verb.equals("delete")) {
      verb = "deletecollection";
    }
    return new RequestAttributes(
        user, verb, true, group, version, resource, subresource, namespace, name, path);
  }

  /** These attributes asked by someone else; what impersonation and access reviews need. */
  public RequestAttributes withUser(UserInfo other) {
    return new RequestAttributes(
        other,
        verb,
        resourceRequest,
        apiGroup,
        apiVersion,
        resource,
        subresource,
        namespace,
        name,
        path);
  }

  /** Go's {@code strings.Split(strings.Trim(path, "/"), "/")}: empty segments inside are kept. */
  private static List<String> splitPath(String path) {
    int start = 0;
    int end = path.length();
    while (start < end && path.charAt(start) == '/') {
      start++;
    }
    while (end > start && path.charAt(end - 1) == '/') {
      end--;
    }
    if (start == end) {
      return List.of();
    }
    return Arrays.asList(path.substring(start, end).split("/", -1));
  }

  /** The decoded values of {@code key} in a raw query string, in order. */
  private static List<String> queryValues(String query, String key) {
    List<String> values = new ArrayList<>();
    if (query == null || query.isEmpty()) {
      return values;
    }
    for (String pair : query.split("[&;]")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = decode(eq < 0 ? pair : pair.substring(0, eq));
      if (k.equals(key)) {
        values.add(eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    return values;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return s; // a malformed escape is taken literally, as the value it would never match
    }
  }

  /**
   * The value {@code field} must equal for a field selector ({@code a=b,c==d,e!=f}, with {@code \}
   * escapes) to match, when one of its terms pins it.
   */
  static Optional<String> exactMatch(String selector, String field) {
    for (String term : splitUnescaped(selector, ',')) {
      int neq = indexUnescaped(term, "!=");
      if (neq >= 0) {
        continue;
      }
      int op = indexUnescaped(term, "==");
      int opLength = 2;
      if (op < 0) {
        op = indexUnescaped(term, "=");
        opLength = 1;
      }
      if (op < 0) {
        continue;
      }
      if (term.substring(0, op).strip().equals(field)) {
        return Optional.of(unescape(term.substring(op + opLength)));
      }
    }
    return Optional.empty();
  }

  private static List<String> splitUnescaped(String s, char separator) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        current.append(c).append(s.charAt(++i));
      } else if (c == separator) {
        out.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    out.add(current.toString());
    return out;
  }

  private static int indexUnescaped(String s, String needle) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\\') {
        i++;
      } else if (s.startsWith(needle, i)) {
        return i;
      }
    }
    return -1;
  }

  private static String unescape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        c = s.charAt(++i);
      }
      out.append(c);
    }
    return out.toString();
  }

  /** Whether {@code name} could be a path segment (Kubernetes' {@code IsPathSegmentName}). */
  private static boolean isPathSegment(String name) {
    return !name.isEmpty()
        && !name.equals(".")
        && !name.equals("..")
        && !name.contains("/")
        && !name.contains("%");
  }
}
