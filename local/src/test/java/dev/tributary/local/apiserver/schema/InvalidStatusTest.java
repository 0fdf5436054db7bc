package dev.tributary.local.apiserver.schema;

import static dev.tributary.local.apiserver.schema.TestJson.obj;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InvalidStatusTest {

  private static final FieldCause SCHEDULE =
      FieldCause.invalid("spec.schedule", "bad", "not a cron expression");
  private static final FieldCause SINK = FieldCause.required("spec.sink", "");

  @Test
  void oneErrorIsPrintedBareAndSeveralInBrackets() {
    assertThat(InvalidStatus.message("PingSource", "sources.knative.dev", "p1", List.of(SCHEDULE)))
        .isEqualTo(
            "PingSource.sources.knative.dev \"p1\" is invalid: spec.schedule: Invalid value:"
                + " \"bad\": not a cron expression");
    assertThat(
            InvalidStatus.message(
                "ClusterRoleBinding",
                "rbac.authorization.k8s.io",
                "b",
                List.of(SINK, SCHEDULE, SINK)))
        .isEqualTo(
            "ClusterRoleBinding.rbac.authorization.k8s.io \"b\" is invalid: [spec.sink: Required"
                + " value, spec.schedule: Invalid value: \"bad\": not a cron expression]");
    assertThat(InvalidStatus.message("Pod", "", "x", List.of(SINK, SINK)))
        .isEqualTo("Pod \"x\" is invalid: spec.sink: Required value");
    assertThat(InvalidStatus.message("Pod", "", "x", List.of())).isEqualTo("Pod \"x\" is invalid");
  }

  @Test
  void theStatusCarriesEveryCause() {
    assertThat(InvalidStatus.toStatus("PingSource", "sources.knative.dev", "p1", List.of(SCHEDULE)))
        .isEqualTo(
            obj(
                """
                {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure",
                 "message": "PingSource.sources.knative.dev \\"p1\\" is invalid: spec.schedule: Invalid value: \\"bad\\": not a cron expression",
                 "reason": "Invalid",
                 "details": {"name": "p1", "group": "sources.knative.dev", "kind": "PingSource",
                   "causes": [{"reason": "FieldValueInvalid", "message": "Invalid value: \\"bad\\": not a cron expression", "field": "spec.schedule"}]},
                 "code": 422}
                """));
    assertThat(InvalidStatus.toStatus("Pod", "", "x", List.of(SINK, SINK)).path("details"))
        .isEqualTo(
            obj(
                """
                {"name": "x", "kind": "Pod", "causes": [
                  {"reason": "FieldValueRequired", "message": "Required value", "field": "spec.sink"},
                  {"reason": "FieldValueRequired", "message": "Required value", "field": "spec.sink"}]}
                """));
  }
}
