package dev.tributary.local.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonKubernetesClientTest {

  @TempDir Path temp;

  @Test
  void systemPythonComesFirstThenPathInOrderWithoutDuplicates() {
    String path = String.join(File.pathSeparator, "/opt/pyenv/shims", "", "/usr/bin", "/bin");

    assertThat(PythonKubernetesClient.candidates(path))
        .containsExactly(
            Path.of("/usr/bin/python3"),
            Path.of("/opt/pyenv/shims/python3"),
            Path.of("/bin/python3"));
  }

  @Test
  void picksTheFirstInterpreterThatImportsKubernetes() throws Exception {
    Path withoutModule = fakePython("without", "exit 1");
    Path withModule = fakePython("with", "[ \"$2\" = 'import kubernetes' ] && exit 0; exit 2");
    Path missing = temp.resolve("missing/python3");

    assertThat(
            PythonKubernetesClient.firstImportingKubernetes(
                List.of(missing, withoutModule, withModule)))
        .contains(withModule);
  }

  @Test
  void noneWhenNoInterpreterImportsKubernetes() throws Exception {
    Path withoutModule = fakePython("without", "exit 1");

    assertThat(PythonKubernetesClient.firstImportingKubernetes(List.of(withoutModule))).isEmpty();
  }

  private Path fakePython(String dir, String body) throws Exception {
    Path python = Files.createDirectories(temp.resolve(dir)).resolve("python3");
    Files.writeString(python, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwxr-xr-x"));
    return python;
  }
}
