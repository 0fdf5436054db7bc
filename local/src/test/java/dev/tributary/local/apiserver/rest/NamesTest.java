package dev.tributary.local.apiserver.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.local.apiserver.errors.FieldCause;
import dev.tributary.local.apiserver.registry.BuiltinResources;
import dev.tributary.local.apiserver.registry.ResourceType;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamesTest {

  private static ResourceType type(String group, String plural) {
    return BuiltinResources.all().stream()
        .filter(t -> t.group().equals(group) && t.plural().equals(plural))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void mostNamesAreDns1123SubdomainsWithKubernetesMessage() {
    List<FieldCause> causes = Names.validate(type("", "configmaps"), "Bad_Name");

    assertThat(causes).hasSize(1);
    assertThat(causes.get(0).text())
        .isEqualTo(
            "metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain must consist"
                + " of lower case alphanumeric characters, '-' or '.', and must start and end with an"
                + " alphanumeric character (e.g. 'example.com', regex used for validation is"
                + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
    assertThat(Names.validate(type("", "configmaps"), "a.b-c")).isEmpty();
    assertThat(Names.validate(type("apps", "deployments"), "x".repeat(254))).isNotEmpty();
  }

  @Test
  void namespacesAreLabelsAndServicesDns1035Labels() {
    assertThat(Names.validate(type("", "namespaces"), "a.b")).hasSize(1);
    assertThat(Names.validate(type("", "namespaces"), "x".repeat(64)))
        .extracting(FieldCause::message)
        .contains("Invalid value: \"" + "x".repeat(64) + "\": must be no more than 63 characters");
    assertThat(Names.validate(type("", "services"), "1abc").get(0).message())
        .contains("a DNS-1035 label must consist of lower case alphanumeric characters or '-'");
    assertThat(Names.validate(type("", "services"), "abc-1")).isEmpty();
  }

  @Test
  void rbacNamesAreLeftToRbacValidation() {
    ResourceType roles = type("rbac.authorization.k8s.io", "clusterroles");
    assertThat(Names.validate(roles, "system:controller:Foo")).isEmpty();
  }
}
