package dev.tributary.local.apiserver.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.errors.ApiException;
import dev.tributary.local.apiserver.registry.BuiltinResources;
import dev.tributary.local.apiserver.registry.ResourceType;
import org.junit.jupiter.api.Test;

class FieldSelectorTest {

  private static ResourceType type(String plural) {
    return BuiltinResources.all().stream()
        .filter(t -> t.group().isEmpty() && t.plural().equals(plural))
        .findFirst()
        .orElseThrow();
  }

  private static ObjectNode object(String json) throws Exception {
    return (ObjectNode) new ObjectMapper().readTree(json);
  }

  @Test
  void metadataNameAndNamespaceWorkForEveryResource() throws Exception {
    ObjectNode cm = object("{\"metadata\":{\"name\":\"a\",\"namespace\":\"ns\"}}");

    assertThat(FieldSelector.parse("metadata.name=a", type("configmaps")).matches(cm)).isTrue();
    assertThat(FieldSelector.parse("metadata.name==b", type("configmaps")).matches(cm)).isFalse();
    assertThat(
            FieldSelector.parse("metadata.name!=b,metadata.namespace=ns", type("configmaps"))
                .matches(cm))
        .isTrue();
    assertThat(FieldSelector.parse("metadata.name=a", type("configmaps")).requiredName())
        .isEqualTo("a");
  }

  @Test
  void eventsSelectByInvolvedObjectAndSource() throws Exception {
    ObjectNode event =
        object(
            "{\"metadata\":{\"name\":\"e\"},\"involvedObject\":{\"kind\":\"PingSource\",\"uid\":\"u1\"},"
                + "\"source\":{\"component\":\"ctl\"},\"type\":\"Normal\"}");
    FieldSelector selector =
        FieldSelector.parse(
            "involvedObject.kind=PingSource,involvedObject.uid=u1,source=ctl,type=Normal",
            type("events"));

    assertThat(selector.matches(event)).isTrue();
    assertThat(FieldSelector.parse("involvedObject.name=", type("events")).matches(event)).isTrue();
  }

  @Test
  void unsupportedFieldsAre400WithKubernetesWording() {
    assertThatThrownBy(() -> FieldSelector.parse("spec.foo=bar", type("configmaps")))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(400);
              assertThat(e.getMessage()).isEqualTo("field label not supported: spec.foo");
            });
  }
}
