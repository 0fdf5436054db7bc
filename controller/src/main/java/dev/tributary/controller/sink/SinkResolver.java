package dev.tributary.controller.sink;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.api.duck.Destination;
import dev.tributary.api.duck.KReference;
import dev.tributary.api.tracker.Reference;
import dev.tributary.controller.ObjectKey;
import dev.tributary.controller.ObjectLookup;
import dev.tributary.controller.StatusComparison;
import dev.tributary.controller.Tracker;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Resolves a Destination to a sink URL as knative.dev/pkg's {@code AddressableFromDestinationV1}
 * (spec §2.2): a {@code ref} is tracked (so the source is re-reconciled when the sink appears or
 * changes) and read; a core Service gives {@code http://NAME.NS.svc.<domain>} with no path; any
 * other kind is read through the Addressable duck type ({@code status.addresses} / {@code
 * status.address}); a relative {@code uri} is resolved against the ref's URL; a {@code uri} alone
 * must be absolute.
 *
 * <p>Thread-safe if its tracker and lookup are. Blocks while a referenced kind's cache first fills.
 */
public final class SinkResolver {

  private final Tracker tracker;
  private final ObjectLookup lookup;
  private final String clusterDomain;
  private final StatusComparison comparison;

  /**
   * @param clusterDomain usually {@code cluster.local}
   */
  public SinkResolver(
      Tracker tracker,
      ObjectLookup lookup,
      String clusterDomain,
      KubernetesSerialization serialization) {
    this.tracker = tracker;
    this.lookup = lookup;
    this.clusterDomain = clusterDomain;
    this.comparison = new StatusComparison(serialization);
  }

  /**
   * Resolves {@code destination} for {@code parent}: a ref without a namespace means the parent's.
   */
  public SinkResolution resolve(Destination destination, HasMetadata parent) {
    Destination dest = destination.withDefaultNamespace(parent.getMetadata().getNamespace());
    if (dest.ref() != null) {
      SinkResolution fromRef = resolveRef(dest, ObjectKey.of(parent));
      if (!(fromRef instanceof SinkResolution.Resolved resolved) || empty(dest.uri())) {
        return fromRef;
      }
      URI relative;
      try {
        relative = new URI(dest.uri());
      } catch (URISyntaxException e) {
        return new SinkResolution.Unresolved("invalid URI " + GoFormat.quote(dest.uri()));
      }
      if (relative.isAbsolute()) {
        return new SinkResolution.Unresolved(
            "absolute URI is not allowed when Ref or [apiVersion, kind, name] exists");
      }
      ResolvedSink sink = resolved.sink();
      return new SinkResolution.Resolved(
          new ResolvedSink(sink.url().resolve(relative), sink.caCerts(), sink.audience()));
    }
    if (!empty(dest.uri())) {
      URI uri;
      try {
        uri = new URI(dest.uri());
      } catch (URISyntaxException e) {
        uri = null;
      }
      if (uri == null || !uri.isAbsolute() || empty(uri.getHost())) {
        return new SinkResolution.Unresolved(
            "URI is not absolute (both scheme and host should be non-empty): "
                + GoFormat.quote(dest.uri()));
      }
      return new SinkResolution.Resolved(
          new ResolvedSink(uri, nullIfEmpty(dest.caCerts()), nullIfEmpty(dest.audience())));
    }
    return new SinkResolution.Unresolved("destination missing Ref and URI, expected at least one");
  }

  private SinkResolution resolveRef(Destination dest, ObjectKey parent) {
    KReference ref = dest.ref();
    tracker.track(
        Reference.byName(ref.apiVersion(), ref.kind(), ref.namespace(), ref.name()), parent);
    Optional<GenericKubernetesResource> found;
    try {
      found = lookup.get(ref.apiVersion(), ref.kind(), ref.namespace(), ref.name());
    } catch (KubernetesClientException e) {
      return new SinkResolution.Unresolved(
          "failed to get lister for "
              + ref.apiVersion()
              + ", Kind="
              + ref.kind()
              + ": "
              + e.getMessage());
    }
    if (found.isEmpty()) {
      return new SinkResolution.Unresolved(
          "failed to get object " + ref.namespace() + "/" + ref.name() + ": " + notFound(ref));
    }
    if ("v1".equals(ref.apiVersion()) && "Service".equals(ref.kind())) {
      String scheme = empty(dest.caCerts()) ? "http" : "https";
      URI url =
          URI.create(scheme + "://" + ref.name() + "." + ref.namespace() + ".svc." + clusterDomain);
      return new SinkResolution.Resolved(
          new ResolvedSink(url, nullIfEmpty(dest.caCerts()), nullIfEmpty(dest.audience())));
    }
    return fromAddressable(dest, comparison.tree(found.get()));
  }

  private SinkResolution fromAddressable(Destination dest, JsonNode object) {
    KReference ref = dest.ref();
    JsonNode status = object.path("status");
    JsonNode addresses = status.path("addresses");
    JsonNode single = status.path("address");
    boolean hasAddresses = addresses.isArray() && !addresses.isEmpty();
    if (!hasAddresses && !single.isObject()) {
      return new SinkResolution.Unresolved("address not set for " + GoFormat.kreference(ref));
    }
    JsonNode address;
    if (!empty(ref.address())) {
      address = null;
      for (JsonNode candidate : addresses) {
        if (ref.address().equals(candidate.path("name").asText(null))) {
          address = candidate;
          break;
        }
      }
      if (address == null) {
        return new SinkResolution.Unresolved(
            "address with name "
                + GoFormat.quote(ref.address())
                + " not found for "
                + GoFormat.kreference(ref));
      }
    } else {
      address = hasAddresses ? addresses.get(0) : single;
    }
    String url = address.path("url").asText("");
    if (url.isEmpty()) {
      return new SinkResolution.Unresolved("URL missing in address of " + GoFormat.kreference(ref));
    }
    URI parsed;
    try {
      parsed = new URI(url);
    } catch (URISyntaxException e) {
      parsed = null;
    }
    if (parsed == null || empty(parsed.getHost())) {
      return new SinkResolution.Unresolved(
          "hostname missing in address of " + GoFormat.kreference(ref));
    }
    String caCerts =
        empty(dest.caCerts()) ? nullIfEmpty(address.path("CACerts").asText("")) : dest.caCerts();
    String audience =
        empty(dest.audience()) ? nullIfEmpty(address.path("audience").asText("")) : dest.audience();
    return new SinkResolution.Resolved(new ResolvedSink(parsed, caCerts, audience));
  }

  /** apimachinery's NotFound text for the resource guessed from the kind, as the lister's. */
  private static String notFound(KReference ref) {
    String resource = guessResource(ref.kind());
    int slash = ref.apiVersion() == null ? -1 : ref.apiVersion().indexOf('/');
    String group = slash < 0 ? "" : ref.apiVersion().substring(0, slash);
    String groupResource = group.isEmpty() ? resource : resource + "." + group;
    return groupResource + " " + GoFormat.quote(ref.name()) + " not found";
  }

  /** apimachinery's {@code UnsafeGuessKindToResource}: lower-case plural of the kind. */
  static String guessResource(String kind) {
    String singular = kind.toLowerCase(Locale.ROOT);
    if (singular.endsWith("s")) {
      return singular + "es";
    }
    if (singular.endsWith("y")) {
      return singular.substring(0, singular.length() - 1) + "ies";
    }
    return singular + "s";
  }

  private static boolean empty(String s) {
    return s == null || s.isEmpty();
  }

  private static String nullIfEmpty(String s) {
    return empty(s) ? null : s;
  }
}
