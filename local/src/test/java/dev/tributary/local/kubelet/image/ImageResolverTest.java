package dev.tributary.local.kubelet.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageResolverTest {

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
    "gcr.io/knative-releases/knative.dev/eventing-contrib/cmd/event_display@sha256:1d6ddc00ab3e43634cd16b342f9663f9739ba09bc037d5dea175dc425a1bb955, event_display",
    "gcr.io/knative-releases/knative.dev/eventing/cmd/heartbeats, heartbeats",
    "gcr.io/knative-nightly/knative.dev/eventing/cmd/event_display:latest, event_display",
    "gcr.io/knative-releases/github.com/knative/eventing-sources/cmd/event_display:v0.4, event_display",
    "docker.io/coldtea214/heartbeats:1.0, heartbeats",
    "coldtea214/heartbeats:1.0, heartbeats",
    "localhost:5000/tributary/controller:0.1.0, controller",
    "localhost:5000/tributary/webhook@sha256:1d6ddc00ab3e43634cd16b342f9663f9739ba09bc037d5dea175dc425a1bb955, webhook",
    "localhost:5000/tributary/mtping:0.1.0, mtping",
    "localhost:5000/tributary/apiserver-receive-adapter, apiserver-receive-adapter"
  })
  void runsTheReleasesProgramsAndKnativeSamplesInThisJvm(String image, String program) {
    assertInJvm(resolver(true).resolve(container(image, List.of(), List.of())), program);
  }

  @ParameterizedTest
  @CsvSource({
    "registry.example.com/team/controller:0.1.0, controller",
    "registry.example.com/team/apiserver-receive-adapter:0.1.0, apiserver-receive-adapter"
  })
  void theReleasesProgramsUnderTheRegistryTheBuildNamed(String image, String program) {
    ImageResolver custom =
        new ImageResolver(
            new ImageMappings(dir.resolve(ImageMappings.FILE_NAME)),
            true,
            "registry.example.com/team/");

    assertInJvm(custom.resolve(container(image, List.of(), List.of())), program);
    assertThat(
            custom.resolve(
                container("localhost:5000/tributary/" + program + ":0.1.0", List.of(), List.of())))
        .isInstanceOf(ContainerLaunch.Unavailable.class);
  }

  @ParameterizedTest
  @CsvSource({
    "ko.local/mtping:dev",
    "ghcr.io/x/apiserver-receive-adapter:1",
    "registry.example.com/tributary/webhook",
    "example.com/controller:1",
    "localhost:5000/tributary/controller-v2:1",
    "localhost:5000/tributary/event_display:1",
    "example.com/heartbeats:1",
    "event_display",
    "quay.io/coldtea214/heartbeats:1.0"
  })
  void otherImagesWithTheSameLastSegmentAreNotBuiltIn(String image) {
    assertThat(resolver(true).resolve(container(image, List.of(), List.of())))
        .isInstanceOf(ContainerLaunch.Unavailable.class);
    assertThat(resolver(true).resolve(container(image, List.of(), List.of("run"))))
        .isEqualTo(new ContainerLaunch.HostProcess(List.of("run")));
  }

  private static void assertInJvm(ContainerLaunch launch, String program) {
    assertThat(launch)
        .isInstanceOfSatisfying(
            ContainerLaunch.InJvm.class,
            l -> {
              assertThat(l.program()).isEqualTo(program);
              assertThat(l.create().get()).isNotNull();
            });
  }

  @Test
  void mappedImagesRunTheirHostCommandWithTheContainersArgs() throws Exception {
    Files.writeString(
        dir.resolve(ImageMappings.FILE_NAME),
        ImageMappings.render(
            Map.of(
                "registry.example.com/me/consumer", List.of("java", "-jar", "/opt/consumer.jar"))));

    ContainerLaunch launch =
        resolver(false)
            .resolve(
                container("registry.example.com/me/consumer:1.0", List.of(), List.of("--x=1")));

    assertThat(launch)
        .isEqualTo(
            new ContainerLaunch.HostProcess(List.of("java", "-jar", "/opt/consumer.jar", "--x=1")));
  }

  @Test
  void unmappedImagesWithACommandRunItOnTheHostUnlessHostExecIsOff() {
    Container busybox = container("radial/busyboxplus:curl", List.of(), List.of("ls"));

    assertThat(resolver(true).resolve(busybox))
        .isEqualTo(new ContainerLaunch.HostProcess(List.of("ls")));
    assertThat(resolver(false).resolve(busybox))
        .isInstanceOfSatisfying(
            ContainerLaunch.Unavailable.class,
            u ->
                assertThat(u.message())
                    .contains(
                        "radial/busyboxplus:curl", "--no-host-exec", ImageMappings.FILE_NAME));
  }

  @Test
  void unmappedImagesWithoutACommandSayHowToMapThem() {
    assertThat(resolver(true).resolve(container("nginx:1.25", List.of(), List.of())))
        .isInstanceOfSatisfying(
            ContainerLaunch.Unavailable.class,
            u ->
                assertThat(u.message())
                    .contains(
                        "\"nginx:1.25\"",
                        dir.resolve(ImageMappings.FILE_NAME).toString(),
                        "\"nginx\""));
  }

  private ImageResolver resolver(boolean hostExec) {
    return new ImageResolver(
        new ImageMappings(dir.resolve(ImageMappings.FILE_NAME)),
        hostExec,
        BuiltinImages.DEFAULT_RELEASE_REGISTRY);
  }

  private static Container container(String image, List<String> command, List<String> args) {
    return new ContainerBuilder()
        .withName("c")
        .withImage(image)
        .withCommand(command)
        .withArgs(args)
        .build();
  }
}
