package dev.tributary.local.apiserver.rbac;

import static dev.tributary.local.apiserver.rbac.Objects.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.security.UserInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessReviewsTest {

  private final AccessReviews reviews =
      new AccessReviews(
          new RbacAuthorizer(
              InMemoryRbacObjects.withBootstrapPolicy(
                  List.of(
                      yaml(
                          """
                          apiVersion: rbac.authorization.k8s.io/v1
                          kind: Role
                          metadata: {name: pod-reader, namespace: team}
                          rules: [{apiGroups: [''], resources: [pods], verbs: [get, list]}]
                          """),
                      yaml(
                          """
                          apiVersion: rbac.authorization.k8s.io/v1
                          kind: RoleBinding
                          metadata: {name: readers, namespace: team}
                          roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: pod-reader}
                          subjects: [{kind: Group, name: readers}]
                          """)))));

  @Test
  void aSubjectAccessReviewIsAnsweredForTheUserAndGroupsInItsSpec() {
    ObjectNode review =
        yaml(
            """
            apiVersion: authorization.k8s.io/v1
            kind: SubjectAccessReview
            spec:
              resourceAttributes: {namespace: team, verb: list, resource: pods}
              user: alice
              groups: [readers]
            """);
    String sent = review.toString();

    ObjectNode answer = reviews.subjectAccessReview(review);

    assertThat(review.toString()).as("the input is left alone").isEqualTo(sent);
    assertThat(answer.get("spec")).isEqualTo(review.get("spec"));
    assertThat(answer.get("kind").asText()).isEqualTo("SubjectAccessReview");
    assertThat(answer.get("status").toString())
        .isEqualTo(
            "{\"allowed\":true,\"reason\":\"RBAC: allowed by RoleBinding \\\"readers/team\\\" of"
                + " Role \\\"pod-reader\\\" to Group \\\"readers\\\"\"}");
    assertThat(answer.get("metadata").toString()).isEqualTo("{\"creationTimestamp\":null}");

    ObjectNode withoutGroup = review.deepCopy();
    withoutGroup.withObjectProperty("spec").remove("groups");
    assertThat(reviews.subjectAccessReview(withoutGroup).get("status").toString())
        .isEqualTo("{\"allowed\":false}");
  }

  @Test
  void aNonResourceSubjectAccessReview() {
    ObjectNode review =
        yaml(
            """
            apiVersion: authorization.k8s.io/v1
            kind: SubjectAccessReview
            spec:
              nonResourceAttributes: {path: /version, verb: get}
              groups: [system:authenticated]
            """);

    assertThat(reviews.subjectAccessReview(review).at("/status/allowed").asBoolean()).isTrue();
  }

  @Test
  void aSelfSubjectAccessReviewIsAnsweredForTheRequester() {
    ObjectNode review =
        yaml(
            """
            kind: SelfSubjectAccessReview
            apiVersion: authorization.k8s.io/v1
            metadata: {creationTimestamp: null}
            spec:
              resourceAttributes: {namespace: team, verb: get, resource: pods, name: p}
            """);
    UserInfo reader = new UserInfo("bob", "", List.of("readers", "system:authenticated"));
    UserInfo stranger = new UserInfo("eve", "", List.of("system:authenticated"));

    assertThat(reviews.selfSubjectAccessReview(review, reader).at("/status/allowed").asBoolean())
        .isTrue();
    ObjectNode no = reviews.selfSubjectAccessReview(review, stranger);
    assertThat(no.get("status").toString()).isEqualTo("{\"allowed\":false}");
    assertThat(no.get("spec")).isEqualTo(review.get("spec"));
  }

  @Test
  void aSubjectAccessReviewMustNameSomeoneAndExactlyOneKindOfAttributes() {
    ObjectNode review =
        yaml(
            """
            apiVersion: authorization.k8s.io/v1
            kind: SubjectAccessReview
            spec: {}
            """);

    InvalidObjectException e =
        catchThrowableOfType(
            InvalidObjectException.class, () -> reviews.subjectAccessReview(review));

    assertThat(e.invalid().message())
        .isEqualTo(
            "SubjectAccessReview.authorization.k8s.io \"\" is invalid: [spec.resourceAttributes:"
                + " Invalid value: \"null\": exactly one of nonResourceAttributes or"
                + " resourceAttributes must be specified, spec.user: Invalid value: \"\": at least"
                + " one of user or group must be specified]");
    assertThat(e.invalid().status().get("code").asInt()).isEqualTo(422);
  }

  @Test
  void aSelfSubjectAccessReviewMayNotHaveBothKindsOfAttributesNorMetadata() {
    ObjectNode review =
        yaml(
            """
            apiVersion: authorization.k8s.io/v1
            kind: SelfSubjectAccessReview
            metadata: {name: mine}
            spec:
              resourceAttributes: {verb: get, resource: pods}
              nonResourceAttributes: {verb: get, path: /version}
            """);

    InvalidObjectException e =
        catchThrowableOfType(
            InvalidObjectException.class,
            () -> reviews.selfSubjectAccessReview(review, new UserInfo("u", "", List.of())));

    assertThat(e.invalid().causes())
        .extracting(FieldCause::field)
        .containsExactly("spec.nonResourceAttributes", "metadata");
    assertThat(e.invalid().causes().get(0).message())
        .isEqualTo(
            "Invalid value: authorization.NonResourceAttributes{Path:\"/version\", Verb:\"get\"}:"
                + " cannot be specified in combination with resourceAttributes");
    assertThat(e.invalid().kind()).isEqualTo("SelfSubjectAccessReview");
  }
}
