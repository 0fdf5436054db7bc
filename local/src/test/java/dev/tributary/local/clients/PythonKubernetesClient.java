package dev.tributary.local.clients;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Finds a Python interpreter that can import the {@code kubernetes} package (Debian's
 * python3-kubernetes, installed by {@code scripts/ensure-python-kubernetes.sh}). {@code
 * /usr/bin/python3} comes first: a pyenv or virtualenv {@code python3} earlier on PATH does not see
 * Debian's dist-packages.
 */
final class PythonKubernetesClient {

  /** Set to {@code 1} to skip the Python client integration tests instead of failing them. */
  static final String SKIP_VARIABLE = "TRIBUTARY_SKIP_PYTHON_IT";

  static final String MISSING =
      "No python3 can import the 'kubernetes' module (python3-kubernetes): run"
          + " scripts/ensure-python-kubernetes.sh, or set "
          + SKIP_VARIABLE
          + "=1 to skip the Python client integration tests";

  private PythonKubernetesClient() {}

  /** The first of /usr/bin/python3 and the python3s on {@code path} that imports kubernetes. */
  static Optional<Path> interpreter(String path) throws InterruptedException {
    return firstImportingKubernetes(candidates(path));
  }

  /** /usr/bin/python3, then {@code python3} in each directory of {@code path}, in order. */
  static List<Path> candidates(String path) {
    Set<Path> candidates = new LinkedHashSet<>();
    candidates.add(Path.of("/usr/bin/python3"));
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        if (!dir.isEmpty()) {
          candidates.add(Path.of(dir, "python3"));
        }
      }
    }
    return List.copyOf(candidates);
  }

  /** The first executable of {@code candidates} for which {@code import kubernetes} works. */
  static Optional<Path> firstImportingKubernetes(List<Path> candidates)
      throws InterruptedException {
    for (Path candidate : candidates) {
      if (Files.isExecutable(candidate) && importsKubernetes(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static boolean importsKubernetes(Path python) throws InterruptedException {
    try {
      Process process =
          new ProcessBuilder(python.toString(), "-c", "import kubernetes")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      process.getOutputStream().close();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        return false;
      }
      return process.exitValue() == 0;
    } catch (IOException e) {
      // not runnable (a broken pyenv shim, say): not a candidate
      return false;
    }
  }
}
