package dev.tributary.local.apiserver.admission;

import static dev.tributary.local.apiserver.admission.AdmissionTestTypes.CONFIG_MAPS;
import static dev.tributary.local.apiserver.admission.AdmissionTestTypes.NAMESPACES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.errors.ApiErrors;
import dev.tributary.local.apiserver.errors.ApiException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdmissionChainTest {

  private final List<String> calls = new ArrayList<>();

  private MutatingAdmission appending(String name) {
    return (attributes, warnings) -> {
      calls.add("mutate:" + name);
      ObjectNode object = attributes.object();
      String seen = object.path("seen").asText("");
      object.put("seen", seen + name);
      warnings.add("from " + name);
      return object;
    };
  }

  private ValidatingAdmission checking(String name) {
    return (attributes, warnings) ->
        calls.add("validate:" + name + ":" + attributes.object().path("seen").asText());
  }

  @Test
  void mutatorsRunInOrderEachSeeingThePreviousOnesChange() {
    AdmissionChain chain =
        new AdmissionChain(
            List.of(appending("a"), appending("b")),
            List.of(checking("x"), checking("y")),
            List.of());
    List<String> warnings = new ArrayList<>();
    AdmissionAttributes attributes =
        AdmissionTestTypes.create(CONFIG_MAPS, "ns", AdmissionTestTypes.object("cm"));

    ObjectNode result = chain.mutate(attributes, warnings::add);
    chain.validate(attributes.withObject(result), warnings::add);

    assertThat(result.path("seen").asText()).isEqualTo("ab");
    assertThat(calls).containsExactly("mutate:a", "mutate:b", "validate:x:ab", "validate:y:ab");
    assertThat(warnings).containsExactly("from a", "from b");
  }

  @Test
  void aMutatorMayReplaceTheObject() {
    ObjectNode replacement = AdmissionTestTypes.object("other");
    AdmissionChain chain =
        new AdmissionChain(
            List.of((attributes, warnings) -> replacement, appending("b")), List.of(), List.of());

    ObjectNode result =
        chain.mutate(
            AdmissionTestTypes.create(CONFIG_MAPS, "ns", AdmissionTestTypes.object("cm")),
            Warnings.discard());

    assertThat(result).isSameAs(replacement);
    assertThat(result.path("seen").asText()).isEqualTo("b");
  }

  @Test
  void theFirstRefusalStopsTheChain() {
    AdmissionChain chain =
        new AdmissionChain(
            List.of(),
            List.of(
                (attributes, warnings) -> {
                  throw ApiErrors.forbidden("", "configmaps", "cm", "no");
                },
                checking("never")),
            List.of());

    assertThatThrownBy(
            () ->
                chain.validate(
                    AdmissionTestTypes.create(CONFIG_MAPS, "ns", AdmissionTestTypes.object("cm")),
                    Warnings.discard()))
        .isInstanceOf(ApiException.class)
        .hasMessage("no");
    assertThat(calls).isEmpty();
  }

  @Test
  void aNamespaceIsItsOwnNamespaceAndOptionsFollowTheOperation() {
    AdmissionAttributes attributes =
        AdmissionAttributes.of(
            Operation.DELETE,
            NAMESPACES,
            "",
            "",
            "team-a",
            null,
            AdmissionTestTypes.object("team-a"),
            true,
            AdmissionContext.internal());

    assertThat(attributes.namespace()).isEqualTo("team-a");
    assertThat(attributes.options().path("kind").asText()).isEqualTo("DeleteOptions");
    assertThat(attributes.options().path("dryRun").get(0).asText()).isEqualTo("All");
    assertThat(attributes.userInfo().username()).isEqualTo("system:apiserver");
  }
}
