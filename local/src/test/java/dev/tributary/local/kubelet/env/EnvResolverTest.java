package dev.tributary.local.kubelet.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnvResolverTest {

  private final EnvSources sources =
      new EnvSources() {
        @Override
        public Optional<Map<String, String>> configMap(String namespace, String name) {
          return name.equals("cm") && namespace.equals("ns")
              ? Optional.of(Map.of("color", "blue", "bad key", "x"))
              : Optional.empty();
        }

        @Override
        public Optional<Map<String, String>> secret(String namespace, String name) {
          return name.equals("sec") ? Optional.of(Map.of("password", "s3cret")) : Optional.empty();
        }
      };

  private final EnvResolver resolver = new EnvResolver(sources);

  private final Pod pod =
      new PodBuilder()
          .withNewMetadata()
          .withName("p")
          .withNamespace("ns")
          .withUid("u-1")
          .withLabels(Map.of("app", "demo"))
          .endMetadata()
          .withNewSpec()
          .withNodeName("tributary")
          .withServiceAccountName("events-sa")
          .endSpec()
          .build();

  @Test
  void resolvesValuesFieldRefsAndSourcesInOrder() throws Exception {
    Container c =
        new ContainerBuilder()
            .withName("c")
            .addNewEnvFrom()
            .withPrefix("CM_")
            .withNewConfigMapRef("cm", false)
            .endEnvFrom()
            .addNewEnv()
            .withName("NAME")
            .withNewValueFrom()
            .withNewFieldRef()
            .withFieldPath("metadata.name")
            .endFieldRef()
            .endValueFrom()
            .endEnv()
            .addNewEnv()
            .withName("NS")
            .withNewValueFrom()
            .withNewFieldRef()
            .withFieldPath("metadata.namespace")
            .endFieldRef()
            .endValueFrom()
            .endEnv()
            .addNewEnv()
            .withName("APP")
            .withNewValueFrom()
            .withNewFieldRef()
            .withFieldPath("metadata.labels['app']")
            .endFieldRef()
            .endValueFrom()
            .endEnv()
            .addNewEnv()
            .withName("SA")
            .withNewValueFrom()
            .withNewFieldRef()
            .withFieldPath("spec.serviceAccountName")
            .endFieldRef()
            .endValueFrom()
            .endEnv()
            .addNewEnv()
            .withName("IP")
            .withNewValueFrom()
            .withNewFieldRef()
            .withFieldPath("status.podIP")
            .endFieldRef()
            .endValueFrom()
            .endEnv()
            .addNewEnv()
            .withName("HOST")
            .withNewValueFrom()
            .withNewFieldRef()
            .withFieldPath("status.hostIP")
            .endFieldRef()
            .endValueFrom()
            .endEnv()
            .addNewEnv()
            .withName("URL")
            .withValue("http://$(IP):8080/$(NAME)/$(LATER)")
            .endEnv()
            .addNewEnv()
            .withName("PW")
            .withNewValueFrom()
            .withNewSecretKeyRef("password", "sec", false)
            .endValueFrom()
            .endEnv()
            .addNewEnv()
            .withName("OPT")
            .withNewValueFrom()
            .withNewConfigMapKeyRef("nope", "cm", true)
            .endValueFrom()
            .endEnv()
            .addNewEnv()
            .withName("LATER")
            .withValue("late")
            .endEnv()
            .build();

    Map<String, String> env = resolver.resolve(pod, c, "127.1.0.7", "127.0.0.1");

    assertThat(env)
        .containsEntry("CM_color", "blue")
        .doesNotContainKey("CM_bad key")
        .containsEntry("NAME", "p")
        .containsEntry("NS", "ns")
        .containsEntry("APP", "demo")
        .containsEntry("SA", "events-sa")
        .containsEntry("IP", "127.1.0.7")
        .containsEntry("HOST", "127.0.0.1")
        .containsEntry("URL", "http://127.1.0.7:8080/p/$(LATER)")
        .containsEntry("PW", "s3cret")
        .doesNotContainKey("OPT")
        .containsEntry("LATER", "late");
    assertThat(EnvResolver.expandAll(List.of("--sink=$(URL)", "$(LATER)"), env))
        .containsExactly("--sink=http://127.1.0.7:8080/p/$(LATER)", "late");
  }

  @Test
  void missingRequiredSourcesFailWithKubernetesMessages() {
    Container missingMap =
        new ContainerBuilder()
            .withName("c")
            .addNewEnv()
            .withName("X")
            .withNewValueFrom()
            .withNewConfigMapKeyRef("k", "other", false)
            .endValueFrom()
            .endEnv()
            .build();
    Container missingKey =
        new ContainerBuilder()
            .withName("c")
            .addNewEnv()
            .withName("X")
            .withNewValueFrom()
            .withNewSecretKeyRef("k", "sec", false)
            .endValueFrom()
            .endEnv()
            .build();

    assertThatThrownBy(() -> resolver.resolve(pod, missingMap, "127.1.0.7", "127.0.0.1"))
        .isInstanceOf(ContainerConfigException.class)
        .hasMessage("configmap \"other\" not found");
    assertThatThrownBy(() -> resolver.resolve(pod, missingKey, "127.1.0.7", "127.0.0.1"))
        .isInstanceOf(ContainerConfigException.class)
        .hasMessage("couldn't find key k in Secret ns/sec");
  }
}
