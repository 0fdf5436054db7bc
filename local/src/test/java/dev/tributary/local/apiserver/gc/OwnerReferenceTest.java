package dev.tributary.local.apiserver.gc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OwnerReferenceTest {

  private static ObjectNode object(String json) throws Exception {
    return (ObjectNode) new ObjectMapper().readTree(json.replace('\'', '"'));
  }

  @Test
  void readsReferencesAndSplitsTheApiVersion() throws Exception {
    ObjectNode pod =
        object(
            "{'metadata':{'ownerReferences':["
                + "{'apiVersion':'apps/v1','kind':'ReplicaSet','name':'rs','uid':'1',"
                + "'blockOwnerDeletion':true},"
                + "{'apiVersion':'v1','kind':'ConfigMap','name':'cm','uid':'2'},"
                + "{'apiVersion':'v1','kind':'ConfigMap','name':'no-uid'}]}}");

    var references = OwnerReference.of(pod);

    assertThat(references)
        .containsExactly(
            new OwnerReference("apps/v1", "ReplicaSet", "rs", "1", true),
            new OwnerReference("v1", "ConfigMap", "cm", "2", false));
    assertThat(references.get(0).group()).isEqualTo("apps");
    assertThat(references.get(0).version()).isEqualTo("v1");
    assertThat(references.get(1).group()).isEmpty();
    assertThat(references.get(1).version()).isEqualTo("v1");
    assertThat(OwnerReference.refersTo(pod, "2")).isTrue();
    assertThat(OwnerReference.refersTo(pod, "3")).isFalse();
  }

  @Test
  void withoutRemovesTheNamedReferencesAndTheEmptyList() throws Exception {
    ObjectNode pod =
        object("{'metadata':{'ownerReferences':[{'uid':'1','name':'a'},{'uid':'2','name':'b'}]}}");

    ObjectNode one = OwnerReference.without(pod, Set.of("1"));
    ObjectNode none = OwnerReference.without(pod, Set.of("1", "2"));

    assertThat(one.at("/metadata/ownerReferences").findValuesAsText("uid")).containsExactly("2");
    assertThat(none.path("metadata").has("ownerReferences")).isFalse();
    assertThat(pod.at("/metadata/ownerReferences").size()).isEqualTo(2);
  }
}
