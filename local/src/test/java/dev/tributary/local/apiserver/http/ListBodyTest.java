package dev.tributary.local.apiserver.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.admission.AdmissionTestTypes;
import dev.tributary.local.apiserver.rest.JsonListResult;
import dev.tributary.local.apiserver.rest.ListResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListBodyTest {

  private static ObjectNode configMap(String name, String value) {
    ObjectNode object = AdmissionTestTypes.object(name, "app", "x");
    object.put("apiVersion", "v1").put("kind", "ConfigMap");
    object.putObject("data").put("value", value);
    return object;
  }

  @Test
  void preSerialisedItemsMakeTheSameBodyAsTheTree() {
    List<ObjectNode> items = List.of(configMap("a", "1"), configMap("b", "grüße \"quoted\""));
    ListResult tree = new ListResult(items, 42, "token", 7L);
    JsonListResult json =
        new JsonListResult(items.stream().map(Json::bytes).toList(), 42, "token", 7L);

    byte[] spliced = ResourceEndpoint.listBody(AdmissionTestTypes.CONFIG_MAPS, json);

    assertThat(spliced)
        .isEqualTo(Json.bytes(ResourceEndpoint.listBody(AdmissionTestTypes.CONFIG_MAPS, tree)));
    assertThat(Json.parse(spliced).path("metadata").path("remainingItemCount").asLong())
        .isEqualTo(7);
  }

  @Test
  void anEmptyOrSingleItemListIsWellFormed() {
    for (List<ObjectNode> items : List.of(List.<ObjectNode>of(), List.of(configMap("a", "1")))) {
      ListResult tree = new ListResult(items, 3, null);
      JsonListResult json =
          new JsonListResult(items.stream().map(Json::bytes).toList(), 3, null, null);

      assertThat(ResourceEndpoint.listBody(AdmissionTestTypes.CONFIG_MAPS, json))
          .isEqualTo(Json.bytes(ResourceEndpoint.listBody(AdmissionTestTypes.CONFIG_MAPS, tree)));
    }
  }
}
