package dev.tributary.local.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.errors.FieldCause;
import dev.tributary.local.apiserver.registry.ResourceType;
import dev.tributary.local.apiserver.rest.ObjectValidator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ConfigMaps and Secrets as kube-apiserver checks them: keys of {@code [-._a-zA-Z0-9]+} (at most
 * 253 bytes, not {@code .}/{@code ..}), total size at most 1 MiB, the keys each built-in Secret
 * type needs; on update an unchanged Secret {@code type}, and nothing changed in an object marked
 * {@code immutable: true}. A Secret's {@code stringData} keys count as {@code data} keys, as they
 * would after Kubernetes merged them. Stateless.
 */
public final class ConfigDataRules implements ObjectValidator {

  /** {@code core.MaxSecretSize}, which ConfigMaps share. */
  public static final int MAX_SIZE = 1024 * 1024;

  private static final Pattern KEY = Pattern.compile("[-._a-zA-Z0-9]+");
  private static final String IMMUTABLE_SET = "field is immutable when `immutable` is set";

  @Override
  public List<FieldCause> validate(ResourceType type, ObjectNode object, ObjectNode old) {
    if (!type.group().isEmpty()) {
      return List.of();
    }
    return switch (type.kind()) {
      case "ConfigMap" -> configMap(object, old);
      case "Secret" -> secret(object, old);
      default -> List.of();
    };
  }

  private static List<FieldCause> configMap(JsonNode object, JsonNode old) {
    List<FieldCause> out = new ArrayList<>();
    if (old != null) {
      immutable(object, old, List.of("data", "binaryData"), out);
    }
    List<String> data = Json.keys(object, "data");
    List<String> binary = Json.keys(object, "binaryData");
    long size = 0;
    for (String key : data) {
      keyErrors(key).forEach(m -> out.add(FieldCause.invalid("data[" + key + "]", key, m)));
      if (binary.contains(key)) {
        out.add(
            FieldCause.invalid("data[" + key + "]", key, "duplicate of key present in binaryData"));
      }
      size += Json.text(Json.child(object, "data"), key).getBytes(StandardCharsets.UTF_8).length;
    }
    for (String key : binary) {
      keyErrors(key).forEach(m -> out.add(FieldCause.invalid("binaryData[" + key + "]", key, m)));
      if (data.contains(key)) {
        out.add(
            FieldCause.invalid("binaryData[" + key + "]", key, "duplicate of key present in data"));
      }
      size += decodedLength(Json.child(Json.child(object, "binaryData"), key));
    }
    if (size > MAX_SIZE) {
      out.add(Causes.tooLong("", MAX_SIZE));
    }
    return out;
  }

  private static List<FieldCause> secret(JsonNode object, JsonNode old) {
    List<FieldCause> out = new ArrayList<>();
    String type = secretType(object);
    if (old != null) {
      String oldType = secretType(old);
      if (!type.equals(oldType)) {
        out.add(FieldCause.invalid("type", type, Causes.IMMUTABLE));
      }
      immutable(object, old, List.of("data"), out);
    }
    Set<String> keys = new LinkedHashSet<>(Json.keys(object, "data"));
    keys.addAll(Json.keys(object, "stringData"));
    long size = 0;
    for (String key : keys) {
      keyErrors(key).forEach(m -> out.add(FieldCause.invalid("data[" + key + "]", key, m)));
      JsonNode string = Json.child(Json.child(object, "stringData"), key);
      size +=
          string.isMissingNode()
              ? decodedLength(Json.child(Json.child(object, "data"), key))
              : string.asText("").getBytes(StandardCharsets.UTF_8).length;
    }
    if (size > MAX_SIZE) {
      out.add(Causes.tooLong("data", MAX_SIZE));
    }
    switch (type) {
      case "kubernetes.io/service-account-token" -> {
        String account =
            Json.text(
                Json.child(Json.child(object, "metadata"), "annotations"),
                "kubernetes.io/service-account.name");
        if (account.isEmpty()) {
          out.add(
              FieldCause.required("metadata.annotations[kubernetes.io/service-account.name]", ""));
        }
      }
      case "kubernetes.io/dockercfg" -> requireKeys(keys, List.of(".dockercfg"), out);
      case "kubernetes.io/dockerconfigjson" -> requireKeys(keys, List.of(".dockerconfigjson"), out);
      case "kubernetes.io/basic-auth" -> {
        if (!keys.contains("username") && !keys.contains("password")) {
          requireKeys(keys, List.of("username", "password"), out);
        }
      }
      case "kubernetes.io/ssh-auth" -> requireKeys(keys, List.of("ssh-privatekey"), out);
      case "kubernetes.io/tls" -> requireKeys(keys, List.of("tls.crt", "tls.key"), out);
      default -> {}
    }
    return out;
  }

  /** {@code IsConfigMapKey}. */
  static List<String> keyErrors(String key) {
    List<String> errs = new ArrayList<>();
    if (key.getBytes(StandardCharsets.UTF_8).length > 253) {
      errs.add("must be no more than 253 bytes");
    }
    if (!KEY.matcher(key).matches()) {
      errs.add(
          Causes.regexError(
              "a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
              "[-._a-zA-Z0-9]+",
              "key.name",
              "KEY_NAME",
              "key-name"));
    }
    if (key.equals(".")) {
      errs.add("must not be '.'");
    } else if (key.equals("..")) {
      errs.add("must not be '..'");
    } else if (key.startsWith("..")) {
      errs.add("must not start with '..'");
    }
    return errs;
  }

  /** Once {@code immutable: true} is stored, neither the flag nor {@code fields} may change. */
  private static void immutable(
      JsonNode object, JsonNode old, List<String> fields, List<FieldCause> out) {
    if (!Json.child(old, "immutable").asBoolean(false)) {
      return;
    }
    if (!Json.child(object, "immutable").asBoolean(false)) {
      out.add(FieldCause.forbidden("immutable", IMMUTABLE_SET));
    }
    for (String field : fields) {
      if (!sameMap(Json.child(object, field), Json.child(old, field))) {
        out.add(FieldCause.forbidden(field, IMMUTABLE_SET));
      }
    }
  }

  /** Map equality where absent and empty are the same, as Kubernetes' comparison has it. */
  private static boolean sameMap(JsonNode a, JsonNode b) {
    boolean aEmpty = a.isMissingNode() || a.isEmpty();
    boolean bEmpty = b.isMissingNode() || b.isEmpty();
    return aEmpty && bEmpty || a.equals(b);
  }

  private static void requireKeys(Set<String> keys, List<String> required, List<FieldCause> out) {
    for (String key : required) {
      if (!keys.contains(key)) {
        out.add(FieldCause.required("data[" + key + "]", ""));
      }
    }
  }

  private static String secretType(JsonNode secret) {
    String type = Json.text(secret, "type");
    return type.isEmpty() ? "Opaque" : type;
  }

  private static long decodedLength(JsonNode base64) {
    try {
      return Base64.getDecoder().decode(base64.asText("")).length;
    } catch (IllegalArgumentException e) {
      return base64.asText("").length(); // undecodable: the JSON layer rejects it elsewhere
    }
  }
}
