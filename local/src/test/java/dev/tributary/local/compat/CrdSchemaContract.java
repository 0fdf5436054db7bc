package dev.tributary.local.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A CRD's structural schema: pruning, defaults and validation with Kubernetes' causes. */
public abstract class CrdSchemaContract extends ApiServerContract {

  private CustomResourceDefinition crd;

  @BeforeAll
  void schemaCrd() {
    crd =
        createCrd(
            """
            {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
             "metadata":{"name":"schemawidgets.%s"},
             "spec":{"group":"%s","scope":"Namespaced",
              "names":{"kind":"SchemaWidget","plural":"schemawidgets","singular":"schemawidget"},
              "versions":[{"name":"v1","served":true,"storage":true,
               "schema":{"openAPIV3Schema":{"type":"object","properties":{
                "spec":{"type":"object","required":["size"],"properties":{
                 "size":{"type":"integer","minimum":1},
                 "color":{"type":"string","enum":["red","green","blue"],"default":"green"},
                 "tags":{"type":"array","items":{"type":"string"}},
                 "free":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}}}}}]}}
            """
                .formatted(GROUP, GROUP));
  }

  private GenericKubernetesResource create(String name, Map<String, Object> spec) {
    return admin
        .genericKubernetesResources(context(crd, "v1"))
        .inNamespace(ns)
        .resource(
            new GenericKubernetesResourceBuilder()
                .withApiVersion(GROUP + "/v1")
                .withKind("SchemaWidget")
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withAdditionalProperties(Map.of("spec", spec))
                .build())
        .create();
  }

  private static Status invalid(KubernetesClientException error, String name) {
    assertThat(error.getCode()).isEqualTo(422);
    Status status = error.getStatus();
    assertThat(status.getReason()).isEqualTo("Invalid");
    assertThat(status.getDetails().getName()).isEqualTo(name);
    assertThat(status.getDetails().getGroup()).isEqualTo(GROUP);
    assertThat(status.getDetails().getKind()).isEqualTo("SchemaWidget");
    return status;
  }

  @Test
  void unknownFieldsArePrunedAndDefaultsApplied() {
    GenericKubernetesResource object =
        new GenericKubernetesResourceBuilder()
            .withApiVersion(GROUP + "/v1")
            .withKind("SchemaWidget")
            .withNewMetadata()
            .withName("pruned")
            .endMetadata()
            .withAdditionalProperties(
                Map.of(
                    "spec",
                    Map.of(
                        "size", 2, "unknown", "x", "free", Map.of("anything", Map.of("goes", 1))),
                    "extra",
                    "top-level"))
            .build();

    GenericKubernetesResource created =
        admin
            .genericKubernetesResources(context(crd, "v1"))
            .inNamespace(ns)
            .resource(object)
            .create();

    assertThat(created.getAdditionalProperties())
        .doesNotContainKey("extra")
        .containsEntry(
            "spec",
            Map.of("size", 2, "color", "green", "free", Map.of("anything", Map.of("goes", 1))));
    assertThat(
            admin
                .genericKubernetesResources(context(crd, "v1"))
                .inNamespace(ns)
                .withName("pruned")
                .get()
                .getAdditionalProperties())
        .isEqualTo(created.getAdditionalProperties());
  }

  @Test
  void aMissingRequiredFieldIsFieldValueRequired() {
    Status status = invalid(failure(() -> create("no-size", Map.of("color", "red"))), "no-size");

    assertThat(status.getDetails().getCauses())
        .extracting(StatusCause::getReason, StatusCause::getField, StatusCause::getMessage)
        .containsExactly(tuple("FieldValueRequired", "spec.size", "Required value"));
    assertThat(status.getMessage())
        .isEqualTo(
            "SchemaWidget.compat.tributary.dev \"no-size\" is invalid: spec.size: Required value");
  }

  @Test
  void aValueOutsideTheEnumIsFieldValueNotSupported() {
    Status status =
        invalid(failure(() -> create("purple", Map.of("size", 1, "color", "purple"))), "purple");

    assertThat(status.getDetails().getCauses())
        .extracting(StatusCause::getReason, StatusCause::getField, StatusCause::getMessage)
        .containsExactly(
            tuple(
                "FieldValueNotSupported",
                "spec.color",
                "Unsupported value: \"purple\": supported values: \"red\", \"green\", \"blue\""));
  }

  @Test
  void aValueOfTheWrongTypeIsFieldValueTypeInvalid() {
    Status status =
        invalid(
            failure(() -> create("typed", Map.of("size", "big", "tags", java.util.List.of(1)))),
            "typed");

    assertThat(status.getDetails().getCauses())
        .extracting(StatusCause::getReason, StatusCause::getField)
        .containsExactlyInAnyOrder(
            tuple("FieldValueTypeInvalid", "spec.size"),
            tuple("FieldValueTypeInvalid", "spec.tags[0]"));
    assertThat(status.getDetails().getCauses())
        .anySatisfy(
            cause ->
                assertThat(cause.getMessage())
                    .isEqualTo(
                        "Invalid value: \"string\": spec.size in body must be of type integer:"
                            + " \"string\""));
  }

  @Test
  void aValueBelowTheMinimumIsFieldValueInvalid() {
    Status status = invalid(failure(() -> create("tiny", Map.of("size", 0))), "tiny");

    assertThat(status.getDetails().getCauses())
        .extracting(StatusCause::getReason, StatusCause::getField, StatusCause::getMessage)
        .containsExactly(
            tuple(
                "FieldValueInvalid",
                "spec.size",
                "Invalid value: 0: spec.size in body should be greater than or equal to 1"));
  }

  @Test
  void everyViolationIsReported() {
    Status status = invalid(failure(() -> create("both", Map.of("color", "black"))), "both");

    assertThat(status.getDetails().getCauses())
        .extracting(StatusCause::getField)
        .containsExactlyInAnyOrder("spec.size", "spec.color");
  }

  @Test
  void anInvalidNameIsFieldValueInvalidOnMetadataName() {
    Status status = invalid(failure(() -> create("Not_A_Name", Map.of("size", 1))), "Not_A_Name");

    assertThat(status.getDetails().getCauses())
        .extracting(StatusCause::getReason, StatusCause::getField)
        .containsExactly(tuple("FieldValueInvalid", "metadata.name"));
  }
}
