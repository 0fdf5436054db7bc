package dev.tributary.local.apiserver.defaults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * A Secret's write-only {@code stringData}, folded into {@code data} (base64) and never stored, as
 * Kubernetes' v1 Secret conversion does: stringData entries win over data entries. Stateless.
 */
final class SecretStringData {

  private SecretStringData() {}

  static void fold(ObjectNode secret) {
    JsonNode stringData = secret.remove("stringData");
    if (stringData == null || !stringData.isObject() || stringData.isEmpty()) {
      return;
    }
    ObjectNode data = Fields.ensureObject(secret, "data");
    for (Map.Entry<String, JsonNode> entry : stringData.properties()) {
      data.put(
          entry.getKey(),
          Base64.getEncoder()
              .encodeToString(entry.getValue().asText().getBytes(StandardCharsets.UTF_8)));
    }
  }
}
