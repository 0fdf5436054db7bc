package dev.tributary.local.apiserver.patch;

import static dev.tributary.local.apiserver.patch.Json.bytes;
import static dev.tributary.local.apiserver.patch.Json.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ObjectPatcherTest {

  private static final String PING =
      "{'apiVersion':'sources.knative.dev/v1','kind':'PingSource',"
          + "'metadata':{'name':'p','namespace':'default'},"
          + "'spec':{'schedule':'* * * * *','sink':{'uri':'http://a'}}}";
  private static final String DEPLOYMENT =
      "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'d','labels':{'a':'1'}},"
          + "'spec':{'replicas':1,'template':{'spec':{'containers':["
          + "{'name':'c','image':'i','env':[{'name':'A','value':'a'}]}]}}}}";

  private final ObjectPatcher patcher = new ObjectPatcher();

  @Test
  void dispatchesEachContentTypeToItsPatchWithoutTouchingTheLiveObject() throws PatchException {
    ObjectNode live = object(DEPLOYMENT);

    ObjectNode jsonPatched =
        patcher.apply(
            PatchType.JSON_PATCH,
            live,
            bytes("[{'op':'replace','path':'/spec/replicas','value':2}]"),
            "apps/v1",
            "Deployment");
    ObjectNode merged =
        patcher.apply(
            PatchType.MERGE_PATCH,
            live,
            bytes("{'spec':{'template':{'spec':{'containers':[{'name':'c','image':'j'}]}}}}"),
            "apps/v1",
            "Deployment");
    ObjectNode strategic =
        patcher.apply(
            PatchType.STRATEGIC_MERGE_PATCH,
            live,
            bytes("{'spec':{'template':{'spec':{'containers':[{'name':'c','image':'j'}]}}}}"),
            "apps/v1",
            "Deployment");

    assertThat(jsonPatched.at("/spec/replicas").asInt()).isEqualTo(2);
    assertThat(merged.at("/spec/template/spec/containers/0"))
        .as("a merge patch replaces the list")
        .isEqualTo(Json.parse("{'name':'c','image':'j'}"));
    assertThat(strategic.at("/spec/template/spec/containers/0"))
        .as("a strategic merge patch merges by name")
        .isEqualTo(Json.parse("{'name':'c','image':'j','env':[{'name':'A','value':'a'}]}"));
    assertThat(live).isEqualTo(object(DEPLOYMENT));
  }

  @Test
  void aStrategicMergePatchForACustomResourceIsUnsupportedMediaType() {
    assertThat(patcher.supportedTypes("sources.knative.dev/v1", "PingSource"))
        .containsExactly(PatchType.JSON_PATCH, PatchType.MERGE_PATCH, PatchType.APPLY_PATCH);
    assertThat(patcher.supportedTypes("apps/v1", "Deployment")).hasSize(4);

    assertThatThrownBy(
            () ->
                patcher.apply(
                    PatchType.STRATEGIC_MERGE_PATCH,
                    object(PING),
                    bytes("{'spec':{'schedule':'*/2 * * * *'}}"),
                    "sources.knative.dev/v1",
                    "PingSource"))
        .isInstanceOfSatisfying(
            PatchException.class,
            e -> {
              assertThat(e.status()).isEqualTo(415);
              assertThat(e.reason()).isEqualTo("UnsupportedMediaType");
              assertThat(e.getMessage())
                  .isEqualTo(
                      "the body of the request was in an unknown format - accepted media types"
                          + " include: application/json-patch+json, application/merge-patch+json,"
                          + " application/apply-patch+yaml");
            });
  }

  @Test
  void kubectlsMergePatchForACustomResourceApplies() throws PatchException {
    ObjectNode result =
        patcher.apply(
            PatchType.MERGE_PATCH,
            object(PING),
            bytes(
                "{'metadata':{'annotations':{"
                    + "'kubectl.kubernetes.io/last-applied-configuration':'{}\\n'}},"
                    + "'spec':{'schedule':'*/2 * * * *'}}"),
            "sources.knative.dev/v1",
            "PingSource");

    assertThat(result.at("/spec/schedule").asText()).isEqualTo("*/2 * * * *");
    assertThat(result.at("/spec/sink/uri").asText()).isEqualTo("http://a");
    assertThat(result.at("/metadata/annotations").size()).isEqualTo(1);
  }

  @Test
  void serverSideApplyReadsYamlAndCreatesWhenThereIsNoLiveObject() throws PatchException {
    String yaml =
        "apiVersion: sources.knative.dev/v1\n"
            + "kind: PingSource\n"
            + "metadata:\n"
            + "  name: p\n"
            + "spec:\n"
            + "  schedule: '*/5 * * * *'\n";

    ObjectNode created =
        patcher.apply(
            PatchType.APPLY_PATCH,
            null,
            yaml.getBytes(StandardCharsets.UTF_8),
            "sources.knative.dev/v1",
            "PingSource");

    assertThat(created)
        .isEqualTo(
            object(
                "{'apiVersion':'sources.knative.dev/v1','kind':'PingSource',"
                    + "'metadata':{'name':'p'},'spec':{'schedule':'*/5 * * * *'}}"));
  }

  @Test
  void malformedBodiesAreBadRequests() {
    assertThat(status(PatchType.JSON_PATCH, "[{'op':")).isEqualTo(400);
    assertThat(status(PatchType.JSON_PATCH, "")).isEqualTo(400);
    assertThat(status(PatchType.JSON_PATCH, "[] []")).isEqualTo(400);
    assertThat(status(PatchType.MERGE_PATCH, "null")).isEqualTo(400);
    assertThat(status(PatchType.MERGE_PATCH, "['a']")).isEqualTo(400);
    assertThat(status(PatchType.STRATEGIC_MERGE_PATCH, "{'spec':")).isEqualTo(400);
    assertThat(status(PatchType.STRATEGIC_MERGE_PATCH, "[]")).isEqualTo(400);
    assertThat(status(PatchType.APPLY_PATCH, "a: [")).isEqualTo(400);
    assertThat(status(PatchType.APPLY_PATCH, "- a")).isEqualTo(400);
  }

  @Test
  void aFailedTestOrAMissingPathIsUnprocessable() {
    assertThat(status(PatchType.JSON_PATCH, "[{'op':'test','path':'/spec/replicas','value':5}]"))
        .isEqualTo(422);
    assertThat(status(PatchType.JSON_PATCH, "[{'op':'remove','path':'/spec/nope/x'}]"))
        .isEqualTo(422);
    assertThat(status(PatchType.JSON_PATCH, "[{'op':'replace','path':'','value':[1]}]"))
        .isEqualTo(422);
  }

  @Test
  void decodingMessagesReadLikeKubeApiserversAndFitOnOneLine() {
    assertThatThrownBy(
            () ->
                patcher.apply(
                    PatchType.MERGE_PATCH,
                    object(DEPLOYMENT),
                    bytes("['a']"),
                    "apps/v1",
                    "Deployment"))
        .hasMessage(
            "error decoding patch: json: cannot unmarshal array into Go value of type"
                + " map[string]interface {}");
    assertThatThrownBy(
            () ->
                patcher.apply(
                    PatchType.JSON_PATCH,
                    object(DEPLOYMENT),
                    bytes("{\n'op':\n}"),
                    "apps/v1",
                    "Deployment"))
        .isInstanceOfSatisfying(
            PatchException.class,
            e -> {
              assertThat(e.getMessage()).startsWith("error decoding patch: ").doesNotContain("\n");
              assertThat(e.detail()).doesNotContain("\n");
            });
  }

  private int status(PatchType type, String body) {
    try {
      patcher.apply(type, object(DEPLOYMENT), bytes(body), "apps/v1", "Deployment");
      return 200;
    } catch (PatchException e) {
      return e.status();
    }
  }
}
