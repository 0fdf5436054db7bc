package dev.tributary.webhook.conversion;

import dev.tributary.webhook.ConversionHandler;
import dev.tributary.webhook.SourceJson;
import dev.tributary.webhook.SourceVersion;
import dev.tributary.webhook.SourceVersions;
import dev.tributary.webhook.certs.WebhookConfigurations;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ConversionRequest;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ConversionResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The conversion webhook ({@code /resource-conversion}), as knative.dev/pkg's conversion
 * controller: each object goes from its version to v1 (the hub) and on to the desired version with
 * the api module's {@code *Conversion} classes, and the result is defaulted for its version, as
 * upstream does. Every multi-version source CRD is served (upstream converts only PingSource;
 * Tributary also serves v1beta1 of the others).
 *
 * <p>A failure (an unknown kind or version, an object that does not decode) fails the whole review
 * in its {@code result} with upstream's message; nothing is thrown. Stateless and thread-safe.
 */
public final class SourceConversion implements ConversionHandler {

  private final SourceJson json;

  public SourceConversion(SourceJson json) {
    this.json = Objects.requireNonNull(json, "json");
  }

  @Override
  public String path() {
    return WebhookConfigurations.CONVERSION_PATH;
  }

  @Override
  public ConversionResponse convert(ConversionRequest request) {
    List<Object> converted = new ArrayList<>();
    try {
      String desired = request.getDesiredAPIVersion() == null ? "" : request.getDesiredAPIVersion();
      int slash = desired.indexOf('/');
      if (slash <= 0 || slash == desired.length() - 1 || desired.indexOf('/', slash + 1) >= 0) {
        throw new ConversionException("desired API version \"" + desired + "\" is not valid");
      }
      String group = desired.substring(0, slash);
      String version = desired.substring(slash + 1);
      for (Object object : request.getObjects() == null ? List.of() : request.getObjects()) {
        converted.add(json.plain(convert(json.tree(object), group, version)));
      }
    } catch (ConversionException | IllegalArgumentException e) {
      return new ConversionResponse(
          List.of(),
          new StatusBuilder().withStatus("Failure").withMessage(e.getMessage()).build(),
          request.getUid());
    }
    return new ConversionResponse(
        converted, new StatusBuilder().withStatus("Success").build(), request.getUid());
  }

  private ObjectNode convert(ObjectNode object, String group, String version) {
    String apiVersion = text(object, "apiVersion");
    String kind = text(object, "kind");
    int slash = apiVersion.indexOf('/');
    String inGroup = slash < 0 ? "" : apiVersion.substring(0, slash);
    String inVersion = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
    if (inGroup.isEmpty() || inVersion.isEmpty() || kind.isEmpty()) {
      throw new ConversionException(
          "invalid GroupVersionKind " + inGroup + "/" + inVersion + ", Kind=" + kind);
    }
    boolean knownKind =
        SourceVersion.GROUP.equals(inGroup)
            && SourceVersions.all().stream().anyMatch(v -> v.kind().equals(kind));
    if (!knownKind) {
      throw new ConversionException(
          "no conversion support for type [kind=" + kind + " group=" + inGroup + "]");
    }
    SourceVersion<?> in =
        SourceVersions.find(inGroup, inVersion, kind)
            .orElseThrow(() -> unsupported(kind, inGroup, inVersion));
    SourceVersion<?> out =
        (group.equals(inGroup)
                ? SourceVersions.find(group, version, kind)
                : Optional.<SourceVersion<?>>empty())
            .orElseThrow(() -> unsupported(kind, group, version));
    ObjectNode result;
    try {
      result = json.encode(through(in, out, object));
    } catch (RuntimeException e) {
      throw new ConversionException(
          "conversion failed to version "
              + version
              + " for type [kind="
              + kind
              + " group="
              + inGroup
              + " version="
              + inVersion
              + "] -  "
              + e.getMessage());
    }
    result.put("apiVersion", group + "/" + version);
    result.put("kind", kind);
    return result;
  }

  private <A extends HasMetadata, B extends HasMetadata> B through(
      SourceVersion<A> in, SourceVersion<B> out, JsonNode object) {
    A typed = json.decode(object, in.type());
    HasMetadata hub = in.toV1().apply(typed);
    return out.defaults().apply(out.fromV1().apply(hub));
  }

  private static ConversionException unsupported(String kind, String group, String version) {
    return new ConversionException(
        "conversion not supported for type [kind="
            + kind
            + " group="
            + group
            + " version="
            + version
            + "]");
  }

  private static String text(JsonNode object, String field) {
    JsonNode value = object.get(field);
    return value == null || !value.isString() ? "" : value.asString();
  }

  /** A conversion that cannot be done, with upstream's message. */
  private static final class ConversionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConversionException(String message) {
      super(message);
    }
  }
}
