package dev.tributary.local.apiserver.fieldmanager;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.patch.BuiltinPatchSchemas;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldSetTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode json(String text) throws Exception {
    return (ObjectNode) JSON.readTree(text);
  }

  @Test
  void aDeploymentEncodesAsFieldsV1WithKeyedItemsAndGranularMaps() throws Exception {
    ObjectNode deployment =
        json(
            """
            {"apiVersion":"apps/v1","kind":"Deployment",
             "metadata":{"name":"web","namespace":"default","uid":"u","labels":{"tier":"front"}},
             "spec":{"replicas":2,
               "template":{"spec":{"containers":[
                 {"name":"nginx","image":"nginx","ports":[{"containerPort":80}]}]}}},
             "status":{"replicas":2}}
            """);

    FieldSet set =
        ObjectFields.of(
                deployment,
                ListKeys.of(new BuiltinPatchSchemas().forKind("apps/v1", "Deployment")),
                FieldScope.MAIN,
                false)
            .set();

    assertThat(set.toFieldsV1())
        .isEqualTo(
            json(
                """
                {"f:metadata":{"f:labels":{".":{},"f:tier":{}}},
                 "f:spec":{"f:replicas":{},
                   "f:template":{"f:spec":{"f:containers":{
                     "k:{\\"name\\":\\"nginx\\"}":{".":{},"f:image":{},"f:name":{},
                       "f:ports":{"k:{\\"containerPort\\":80}":{".":{},"f:containerPort":{}}}}}}}}}
                """));
  }

  @Test
  void fieldsV1DecodesToTheSameSet() throws Exception {
    FieldSet set =
        FieldSet.of(
            List.of(
                List.of("f:data"),
                List.of("f:data", "f:a"),
                List.of("f:metadata", "f:finalizers", "v:\"x\"")));

    assertThat(FieldSet.fromFieldsV1(set.toFieldsV1())).isEqualTo(set);
    assertThat(set.toFieldsV1().toString())
        .isEqualTo(
            "{\"f:data\":{\".\":{},\"f:a\":{}},\"f:metadata\":{\"f:finalizers\":{\"v:\\\"x\\\"\":{}}}}");
  }

  @Test
  void pathsDescribeAsStructuredMergeDiffPrintsThem() {
    assertThat(FieldSet.describe(List.of("f:spec", "f:replicas"))).isEqualTo(".spec.replicas");
    assertThat(
            FieldSet.describe(
                List.of("f:spec", "f:containers", "k:{\"name\":\"nginx\"}", "f:image")))
        .isEqualTo(".spec.containers[name=\"nginx\"].image");
    assertThat(FieldSet.describe(List.of("f:metadata", "f:finalizers", "v:\"a\"")))
        .isEqualTo(".metadata.finalizers[=\"a\"]");
  }

  @Test
  void changedSinceNamesNewAndModifiedLeavesNotTheirContainers() throws Exception {
    ObjectFields before =
        ObjectFields.of(
            json("{\"data\":{\"a\":\"1\",\"b\":\"2\"}}"), ListKeys.ATOMIC, FieldScope.WHOLE, false);
    ObjectFields after =
        ObjectFields.of(
            json("{\"data\":{\"a\":\"1\",\"b\":\"3\",\"c\":\"4\"}}"),
            ListKeys.ATOMIC,
            FieldScope.WHOLE,
            false);

    assertThat(after.changedSince(before).members())
        .containsExactlyInAnyOrder(List.of("f:data", "f:b"), List.of("f:data", "f:c"));
  }

  @Test
  void aCrdSchemasListMapKeysKeyItsItemsAndOtherListsAreAtomic() throws Exception {
    ListKeys keys =
        ListKeys.ofOpenApi(
            json(
                """
                {"type":"object","properties":{"spec":{"type":"object","properties":{
                  "routes":{"type":"array","x-kubernetes-list-type":"map",
                    "x-kubernetes-list-map-keys":["host","port"],
                    "items":{"type":"object"}},
                  "tags":{"type":"array","x-kubernetes-list-type":"set"},
                  "args":{"type":"array"}}}}}
                """));
    ObjectNode object =
        json(
            """
            {"spec":{"routes":[{"host":"a","port":80,"path":"/"}],"tags":["x"],"args":["y"]},
             "metadata":{"finalizers":["f"]}}
            """);

    assertThat(ObjectFields.of(object, keys, FieldScope.WHOLE, false).set().members())
        .containsExactlyInAnyOrder(
            List.of("f:spec", "f:routes", "k:{\"host\":\"a\",\"port\":80}"),
            List.of("f:spec", "f:routes", "k:{\"host\":\"a\",\"port\":80}", "f:host"),
            List.of("f:spec", "f:routes", "k:{\"host\":\"a\",\"port\":80}", "f:port"),
            List.of("f:spec", "f:routes", "k:{\"host\":\"a\",\"port\":80}", "f:path"),
            List.of("f:spec", "f:tags", "v:\"x\""),
            List.of("f:spec", "f:args"),
            List.of("f:metadata", "f:finalizers", "v:\"f\""));
  }
}
