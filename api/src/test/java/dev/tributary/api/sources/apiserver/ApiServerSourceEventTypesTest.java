package dev.tributary.api.sources.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.api.sources.apiserver.ApiServerSourceEventTypes.Operation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiServerSourceEventTypesTest {

  @Test
  void typesAreKnativesByteForByte() {
    assertThat(ApiServerSourceEventTypes.forMode("Reference"))
        .containsExactly(
            "dev.knative.apiserver.ref.add",
            "dev.knative.apiserver.ref.delete",
            "dev.knative.apiserver.ref.update");
    assertThat(ApiServerSourceEventTypes.forMode("Resource"))
        .containsExactly(
            "dev.knative.apiserver.resource.add",
            "dev.knative.apiserver.resource.delete",
            "dev.knative.apiserver.resource.update");
  }

  @Test
  void picksTheTypeOfAnOperation() {
    assertThat(ApiServerSourceEventTypes.type("Resource", Operation.ADD))
        .isEqualTo("dev.knative.apiserver.resource.add");
    assertThat(ApiServerSourceEventTypes.type("Resource", Operation.UPDATE))
        .isEqualTo("dev.knative.apiserver.resource.update");
    assertThat(ApiServerSourceEventTypes.type("Reference", Operation.DELETE))
        .isEqualTo("dev.knative.apiserver.ref.delete");
    assertThatThrownBy(() -> ApiServerSourceEventTypes.type("", Operation.ADD))
        .hasMessage("no EventType available for EventMode: ");
  }

  @Test
  void registryAnnotationListsTheSixTypesAsUpstream() throws Exception {
    JsonNode array = new ObjectMapper().readTree(ApiServerSourceEventTypes.REGISTRY_ANNOTATION);
    List<String> types = new ArrayList<>();
    array.forEach(n -> types.add(n.get("type").asText()));
    List<String> expected = new ArrayList<>(ApiServerSourceEventTypes.RESOURCE_MODE_TYPES);
    expected.addAll(ApiServerSourceEventTypes.REFERENCE_MODE_TYPES);
    assertThat(types).isEqualTo(expected);
    assertThat(array.get(4).get("description").asText())
        .isEqualTo("CloudEvent type used for delete operations when in Reference mode");
    assertThat(ApiServerSourceEventTypes.REGISTRY_ANNOTATION)
        .startsWith("[\n  {\n    \"type\": \"dev.knative.apiserver.resource.add\",\n")
        .endsWith("  }\n]\n");
  }
}
