package dev.tributary.local.apiserver.rbac;

import static dev.tributary.local.apiserver.rbac.Objects.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.local.security.UserInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImpersonationTest {

  private static final UserInfo ADMIN =
      new UserInfo("kubernetes-admin", "", List.of("system:masters", "system:authenticated"));
  private static final UserInfo ALICE = new UserInfo("alice", "", List.of("system:authenticated"));

  private final Authorizer rbac =
      new RbacAuthorizer(
          InMemoryRbacObjects.withBootstrapPolicy(
              List.of(
                  yaml(
                      """
                      apiVersion: rbac.authorization.k8s.io/v1
                      kind: RoleBinding
                      metadata: {name: alice-edits, namespace: team}
                      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
                      subjects: [{kind: User, name: alice}]
                      """))));

  @Test
  void withoutHeadersNothingChanges() {
    assertThat(Impersonation.resolve(ALICE, Map.of("Accept", List.of("*/*")), rbac))
        .isEqualTo(new Impersonation.Outcome.NotRequested());
  }

  @Test
  void theAdminMayActAsAServiceAccountWhichGetsItsFixedGroups() {
    Impersonation.Outcome outcome =
        Impersonation.resolve(
            ADMIN,
            Map.of("impersonate-user", List.of("system:serviceaccount:default:events-sa")),
            rbac);

    assertThat(outcome)
        .isEqualTo(
            new Impersonation.Outcome.Impersonating(
                new UserInfo(
                    "system:serviceaccount:default:events-sa",
                    "",
                    List.of(
                        "system:serviceaccounts",
                        "system:serviceaccounts:default",
                        "system:authenticated"))));
  }

  @Test
  void explicitGroupsReplaceTheServiceAccountGroupsAndAuthenticatedIsAddedOnce() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Impersonate-User", List.of("system:serviceaccount:default:events-sa"));
    headers.put("Impersonate-Group", List.of("devs", "ops"));
    headers.put("Impersonate-Uid", List.of("1234"));

    Impersonation.Outcome outcome = Impersonation.resolve(ADMIN, headers, rbac);

    assertThat(outcome)
        .isEqualTo(
            new Impersonation.Outcome.Impersonating(
                new UserInfo(
                    "system:serviceaccount:default:events-sa",
                    "1234",
                    List.of("devs", "ops", "system:authenticated"))));
    headers.put("Impersonate-Group", List.of("system:unauthenticated"));
    assertThat(Impersonation.resolve(ADMIN, headers, rbac))
        .extracting(o -> ((Impersonation.Outcome.Impersonating) o).user().groups())
        .isEqualTo(List.of("system:unauthenticated"));
  }

  @Test
  void anonymousIsUnauthenticated() {
    assertThat(
            Impersonation.resolve(
                ADMIN, Map.of("Impersonate-User", List.of("system:anonymous")), rbac))
        .isEqualTo(
            new Impersonation.Outcome.Impersonating(
                new UserInfo("system:anonymous", "", List.of("system:unauthenticated"))));
  }

  @Test
  void aUserWithoutTheImpersonateVerbIsForbiddenWithKubeApiserversMessage() {
    Impersonation.Outcome outcome =
        Impersonation.resolve(ALICE, Map.of("Impersonate-User", List.of("bob")), rbac);

    assertThat(outcome).isInstanceOf(Impersonation.Outcome.Forbidden.class);
    var forbidden = (Impersonation.Outcome.Forbidden) outcome;
    assertThat(forbidden.status().get("message").asText())
        .isEqualTo(
            "users \"bob\" is forbidden: User \"alice\" cannot impersonate resource \"users\" in"
                + " API group \"\" at the cluster scope");
    assertThat(forbidden.status().get("code").asInt()).isEqualTo(403);
  }

  @Test
  void editLetsAliceImpersonateServiceAccountsOfHerNamespaceOnly() {
    assertThat(
            Impersonation.resolve(
                ALICE, Map.of("Impersonate-User", List.of("system:serviceaccount:team:bot")), rbac))
        .isInstanceOf(Impersonation.Outcome.Impersonating.class);

    var forbidden =
        (Impersonation.Outcome.Forbidden)
            Impersonation.resolve(
                ALICE,
                Map.of("Impersonate-User", List.of("system:serviceaccount:default:events-sa")),
                rbac);
    assertThat(forbidden.status().get("message").asText())
        .isEqualTo(
            "serviceaccounts \"events-sa\" is forbidden: User \"alice\" cannot impersonate"
                + " resource \"serviceaccounts\" in API group \"\" in the namespace \"default\"");

    Map<String, List<String>> withGroup = new LinkedHashMap<>();
    withGroup.put("Impersonate-User", List.of("system:serviceaccount:team:bot"));
    withGroup.put("Impersonate-Group", List.of("system:masters"));
    var groupDenied =
        (Impersonation.Outcome.Forbidden) Impersonation.resolve(ALICE, withGroup, rbac);
    assertThat(groupDenied.attributes().resource()).isEqualTo("groups");
    assertThat(groupDenied.attributes().name()).isEqualTo("system:masters");
  }

  @Test
  void everyImpersonatedThingIsCheckedWithItsOwnAttributes() {
    List<RequestAttributes> asked = new ArrayList<>();
    Authorizer recording =
        a -> {
          asked.add(a);
          return Decision.allow("");
        };
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Impersonate-User", List.of("jane"));
    headers.put("Impersonate-Group", List.of("g1"));
    headers.put("Impersonate-Extra-Scopes", List.of("view", "edit"));
    headers.put("Impersonate-Extra-Acme.com%2fProject", List.of("p"));
    headers.put("Impersonate-Uid", List.of("u-1"));

    Impersonation.resolve(ALICE, headers, recording);

    assertThat(asked)
        .extracting(
            a ->
                String.join(
                    "|",
                    a.user().username(),
                    a.verb(),
                    a.apiGroup(),
                    a.resource(),
                    a.subresource(),
                    a.namespace(),
                    a.name()))
        .containsExactly(
            "alice|impersonate||users|||jane",
            "alice|impersonate||groups|||g1",
            "alice|impersonate|authentication.k8s.io|userextras|acme.com/project||p",
            "alice|impersonate|authentication.k8s.io|userextras|scopes||view",
            "alice|impersonate|authentication.k8s.io|userextras|scopes||edit",
            "alice|impersonate|authentication.k8s.io|uids|||u-1");
  }

  @Test
  void groupsWithoutAUserAreMalformed() {
    assertThat(Impersonation.resolve(ADMIN, Map.of("Impersonate-Group", List.of("g")), rbac))
        .isInstanceOf(Impersonation.Outcome.Malformed.class);
  }

  @Test
  void aNameThatIsNotAWellFormedServiceAccountIsAPlainUser() {
    List<RequestAttributes> asked = new ArrayList<>();
    Impersonation.resolve(
        ADMIN,
        Map.of("Impersonate-User", List.of("system:serviceaccount:Bad_NS:x")),
        a -> {
          asked.add(a);
          return Decision.allow("");
        });

    assertThat(asked).singleElement().extracting(RequestAttributes::resource).isEqualTo("users");
  }
}
