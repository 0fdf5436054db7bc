package dev.tributary.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The images {@code -Pimages} built (dist/target/images/NAME.tar): OCI archives named as
 * release.yaml names them, whose entrypoint runs {@code tributary NAME} as a non-root user, with
 * the launcher and the release manifest inside. Runs only with {@code -Pimages} (the profile is
 * what includes it in failsafe), after Jib's {@code package}-phase builds.
 */
class ImagesIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path images() {
    return Path.of(System.getProperty("basedir", "."), "target", "images");
  }

  @ParameterizedTest
  @ValueSource(strings = {"controller", "webhook", "mtping", "apiserver-receive-adapter"})
  void imageRunsItsProgramAsNonRootWithTheLauncherInside(String name) throws Exception {
    Path archive = images().resolve(name + ".tar");
    assertThat(archive).exists();
    Path oci = Files.createTempDirectory("tributary-image-");
    try {
      untar(archive, oci);
      assertThat(oci.resolve("oci-layout")).exists();
      JsonNode index = JSON.readTree(oci.resolve("index.json").toFile());
      JsonNode descriptor = index.path("manifests").get(0);
      String refName =
          descriptor.path("annotations").path("org.opencontainers.image.ref.name").asText();
      JsonNode manifest = blob(oci, descriptor.path("digest").asText());
      JsonNode config = blob(oci, manifest.path("config").path("digest").asText()).path("config");

      String tag = refName.substring(refName.lastIndexOf(':') + 1);
      String registry = refName.substring(0, refName.lastIndexOf('/'));
      ReleaseImages release = ReleaseImages.of(registry, tag);
      assertThat(refName)
          .isIn(
              release.controller(),
              release.webhook(),
              release.mtping(),
              release.apiserverReceiveAdapter())
          .contains("/" + name + ":");

      List<String> entrypoint = new ArrayList<>();
      config.path("Entrypoint").forEach(e -> entrypoint.add(e.asText()));
      assertThat(entrypoint).startsWith("java");
      assertThat(entrypoint)
          .endsWith("-cp", "@/app/jib-classpath-file", "dev.tributary.cli.TributaryCommand", name)
          .contains("-XX:-UsePerfData", "-Dvertx.disableFileCaching=true");
      assertThat(config.path("User").asText()).isEqualTo("65532:65532");

      List<String> files = new ArrayList<>();
      for (JsonNode layer : manifest.path("layers")) {
        files.addAll(list(oci.resolve("blobs/sha256/" + digest(layer.path("digest").asText()))));
      }
      assertThat(files)
          .contains(
              "app/classes/dev/tributary/cli/TributaryCommand.class",
              "app/resources/release.yaml",
              "app/jib-classpath-file")
          .anyMatch(f -> f.matches("app/libs/tributary-runtime-.*\\.jar"));
    } finally {
      run(List.of("rm", "-rf", oci.toString()));
    }
  }

  private static JsonNode blob(Path oci, String digest) throws Exception {
    return JSON.readTree(oci.resolve("blobs/sha256/" + digest(digest)).toFile());
  }

  private static String digest(String digest) {
    return digest.substring(digest.indexOf(':') + 1);
  }

  private static void untar(Path archive, Path into) throws Exception {
    run(List.of("tar", "-xf", archive.toString(), "-C", into.toString()));
  }

  /** The entries of a (gzipped) layer, without a leading "./" or "/". */
  private static List<String> list(Path layer) throws Exception {
    return run(List.of("tar", "-tzf", layer.toString()))
        .lines()
        .map(l -> l.replaceFirst("^\\./", "").replaceFirst("^/", ""))
        .toList();
  }

  private static String run(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(command + ": " + out).isZero();
    return out;
  }
}
