package dev.tributary.api.sources.sinkbinding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.api.duck.CloudEventOverrides;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SinkBindingInjectionTest {
  private static final String SINK = "http://event-display.default.svc.cluster.local";
  private static final CloudEventOverrides HELLO =
      new CloudEventOverrides(Map.of("hello", "world"));

  private static EnvVar env(String name, String value) {
    return new EnvVarBuilder().withName(name).withValue(value).build();
  }

  private static Container container(String name, EnvVar... env) {
    return new ContainerBuilder().withName(name).withImage("busybox").withEnv(env).build();
  }

  private static List<String> envNames(Container c) {
    return c.getEnv().stream().map(EnvVar::getName).toList();
  }

  private static PodSpec heartbeatJob() {
    return new PodSpecBuilder()
        .withRestartPolicy("Never")
        .withInitContainers(container("setup", env("FOO", "BAR")))
        .withContainers(
            container("single-heartbeat", env("ONE_SHOT", "true")), container("sidecar"))
        .build();
  }

  @Test
  void injectsIntoEveryContainerAndInitContainerInOrder() {
    PodSpec got = SinkBindingInjection.inject(heartbeatJob(), SINK, null, HELLO);

    List<EnvVar> expectedTail =
        List.of(
            env("K_SINK", SINK), env("K_CE_OVERRIDES", "{\"extensions\":{\"hello\":\"world\"}}"));
    assertThat(got.getInitContainers().get(0).getEnv())
        .containsExactly(env("FOO", "BAR"), expectedTail.get(0), expectedTail.get(1));
    assertThat(got.getContainers().get(0).getEnv())
        .containsExactly(env("ONE_SHOT", "true"), expectedTail.get(0), expectedTail.get(1));
    assertThat(got.getContainers().get(1).getEnv()).containsExactlyElementsOf(expectedTail);
  }

  @Test
  void caCertsComeBetweenSinkAndOverrides() {
    PodSpec got = SinkBindingInjection.inject(heartbeatJob(), "https://s", "PEM", HELLO);

    assertThat(envNames(got.getContainers().get(1)))
        .containsExactly("K_SINK", "K_CA_CERTS", "K_CE_OVERRIDES");
    assertThat(got.getContainers().get(1).getEnv().get(1).getValue()).isEqualTo("PEM");
    assertThat(envNames(got.getInitContainers().get(0)))
        .containsExactly("FOO", "K_SINK", "K_CA_CERTS", "K_CE_OVERRIDES");
  }

  @Test
  void overridesAreEmptyStringWhenNullAndEmptyObjectWhenNoExtensions() {
    assertThat(
            SinkBindingInjection.inject(heartbeatJob(), SINK, null, null)
                .getContainers()
                .get(1)
                .getEnv())
        .containsExactly(env("K_SINK", SINK), env("K_CE_OVERRIDES", ""));
    assertThat(SinkBindingInjection.ceOverridesValue(CloudEventOverrides.NONE)).isEqualTo("{}");
    assertThat(SinkBindingInjection.ceOverridesValue(null)).isEmpty();
  }

  @Test
  void overridesJsonIsGosSortedAndEscaped() {
    CloudEventOverrides o = new CloudEventOverrides(Map.of("zeta", "1", "alpha", "<&>"));

    assertThat(SinkBindingInjection.ceOverridesValue(o))
        .isEqualTo("{\"extensions\":{\"alpha\":\"\\u003c\\u0026\\u003e\",\"zeta\":\"1\"}}");
  }

  @Test
  void doingTwiceIsDoingOnce() {
    PodSpec once = SinkBindingInjection.inject(heartbeatJob(), SINK, "PEM", HELLO);
    PodSpec twice = SinkBindingInjection.inject(once, SINK, "PEM", HELLO);

    assertThat(twice).isEqualTo(once);
  }

  @Test
  void rebindingReplacesStaleValues() {
    PodSpec old = SinkBindingInjection.inject(heartbeatJob(), "http://old", "OLD PEM", HELLO);

    PodSpec got = SinkBindingInjection.inject(old, SINK, null, null);

    assertThat(got.getContainers().get(0).getEnv())
        .containsExactly(env("ONE_SHOT", "true"), env("K_SINK", SINK), env("K_CE_OVERRIDES", ""));
  }

  @Test
  void neverChangesItsInput() {
    PodSpec input = heartbeatJob();
    PodSpec copy = new PodSpecBuilder(input).build();

    PodSpec bound = SinkBindingInjection.inject(input, SINK, "PEM", HELLO);
    SinkBindingInjection.undo(bound);

    assertThat(input).isEqualTo(copy);
    assertThat(bound.getContainers().get(0)).isNotSameAs(input.getContainers().get(0));
    assertThat(SinkBindingInjection.inject(bound, SINK, "PEM", HELLO)).isEqualTo(bound);
  }

  @Test
  void undoRemovesExactlyOursAndKeepsUserEnvInOrder() {
    PodSpec spec =
        new PodSpecBuilder()
            .withInitContainers(
                container(
                    "setup",
                    env("FOO", "BAR"),
                    env("K_SINK", "http://localhost:8080"),
                    env("K_CA_CERTS", "PEM"),
                    env("BAZ", "INGA"),
                    env("K_CE_OVERRIDES", "{\"extensions\":{\"foo\":\"bar\"}}")))
            .withContainers(
                container(
                    "blah",
                    env("FOO", "BAR"),
                    env("K_SINK", "http://localhost:8080"),
                    env("K_SINK_TIMEOUT", "5"),
                    env("BAZ", "INGA"),
                    env("K_CE_OVERRIDES", "")))
            .build();

    PodSpec got = SinkBindingInjection.undo(spec);

    assertThat(got.getInitContainers().get(0).getEnv())
        .containsExactly(env("FOO", "BAR"), env("BAZ", "INGA"));
    assertThat(got.getContainers().get(0).getEnv())
        .containsExactly(env("FOO", "BAR"), env("K_SINK_TIMEOUT", "5"), env("BAZ", "INGA"));
  }

  @Test
  void undoRemovesOidcAndTrustBundleVolumesAndMounts() {
    PodSpec spec =
        new PodSpecBuilder()
            .withVolumes(
                new VolumeBuilder().withName("foo").build(),
                new VolumeBuilder().withName("oidc-token").build(),
                new VolumeBuilder().withName("kne-bundle-volume").build())
            .withContainers(
                new ContainerBuilder()
                    .withName("blah")
                    .withVolumeMounts(
                        new VolumeMountBuilder().withName("foo").withMountPath("/foo").build(),
                        new VolumeMountBuilder()
                            .withName("oidc-token")
                            .withMountPath("/oidc")
                            .build(),
                        new VolumeMountBuilder()
                            .withName("kne-bundle-volume")
                            .withMountPath("/knative-custom-certs")
                            .build())
                    .build())
            .build();

    PodSpec got = SinkBindingInjection.undo(spec);

    assertThat(got.getVolumes()).extracting(v -> v.getName()).containsExactly("foo");
    assertThat(got.getContainers().get(0).getVolumeMounts())
        .extracting(m -> m.getName())
        .containsExactly("foo");
  }

  @Test
  void undoOfNothingIsNothing() {
    PodSpec spec = new PodSpecBuilder().withContainers(container("blah")).build();

    assertThat(SinkBindingInjection.undo(spec)).isEqualTo(spec);
  }

  @Test
  void undoAfterInjectGivesBackTheOriginal() {
    PodSpec spec = heartbeatJob();

    assertThat(SinkBindingInjection.undo(SinkBindingInjection.inject(spec, SINK, "PEM", HELLO)))
        .isEqualTo(spec);
  }

  @Test
  void podTemplateSpecKeepsItsMetadata() {
    PodTemplateSpec template =
        new PodTemplateSpecBuilder()
            .withNewMetadata()
            .withLabels(Map.of("app", "heartbeat-cron"))
            .endMetadata()
            .withSpec(heartbeatJob())
            .build();

    PodTemplateSpec got = SinkBindingInjection.inject(template, SINK, null, HELLO);

    assertThat(got.getMetadata()).isEqualTo(template.getMetadata());
    assertThat(envNames(got.getSpec().getContainers().get(1)))
        .containsExactly("K_SINK", "K_CE_OVERRIDES");
    assertThat(template.getSpec()).isEqualTo(heartbeatJob());
    assertThat(SinkBindingInjection.undo(got)).isEqualTo(template);
  }
}
