package dev.tributary.local.kubelet.logs;

import dev.tributary.runtime.LogSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Container logs in files, laid out as the kubelet lays out {@code /var/log/pods}: {@code
 * DIR/NAMESPACE_POD_UID/CONTAINER/RESTARTCOUNT.log}, each line in the CRI log format with the
 * RFC3339Nano time it was written. Opening a run removes that container's runs older than the
 * previous one, as the kubelet keeps one dead container per container for {@code --previous}.
 * {@link #removePod} deletes a pod's logs once the pod is gone.
 *
 * <p>Thread-safe. Writes are blocking file appends on the writer's thread; a write that fails is
 * logged with the run's key and the line is lost (a program's output never fails the program).
 */
public final class FileContainerLogs implements ContainerLogs, ContainerLogReader {

  private static final Logger log = LoggerFactory.getLogger(FileContainerLogs.class);

  private final Path directory;
  private final Clock clock;
  private final Map<Path, RunLogFile> runs = new ConcurrentHashMap<>();

  /**
   * @param directory where the pods' log directories go (created when needed)
   * @param clock what each line's time is taken from
   */
  public FileContainerLogs(Path directory, Clock clock) {
    this.directory = directory;
    this.clock = clock;
  }

  /** Logs under {@code logs/pods} of a data directory. */
  public static FileContainerLogs inDataDir(Path dataDirRoot, Clock clock) {
    return new FileContainerLogs(dataDirRoot.resolve("logs").resolve("pods"), clock);
  }

  @Override
  public LogSink open(
      String namespace, String pod, String podUid, String container, int restartCount) {
    Path containerDir = containerDir(namespace, pod, podUid, container);
    try {
      Files.createDirectories(containerDir);
      removeRunsBefore(containerDir, restartCount - 1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the log directory " + containerDir, e);
    }
    RunLogFile file = run(containerDir.resolve(restartCount + ".log"));
    String key = namespace + "/" + pod + "/" + container + "#" + restartCount;
    return text -> {
      Instant now = clock.instant();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length() + 48);
      for (String line : text.split("\n", -1)) {
        bytes.writeBytes(new LogLine(now, line).toCri());
      }
      try {
        file.append(bytes.toByteArray());
      } catch (IOException e) {
        log.warn("container log line lost key={} file={}: {}", key, file.path(), e.toString());
      }
    };
  }

  @Override
  public Optional<LogCursor> read(
      String namespace, String pod, String podUid, String container, int restartCount)
      throws IOException {
    Path path = containerDir(namespace, pod, podUid, container).resolve(restartCount + ".log");
    if (!Files.exists(path)) {
      return Optional.empty(); // not remembered: a reader must not make runs up
    }
    try {
      return Optional.of(new FileLogCursor(run(path)));
    } catch (NoSuchFileException e) {
      forget(path); // removed with its pod in the meantime
      return Optional.empty();
    }
  }

  /**
   * Deletes every log of the pod with {@code podUid}, as the kubelet does once a pod is removed.
   * Readers following one of its logs are woken and find no more lines.
   */
  public void removePod(String podUid) throws IOException {
    for (Path podDir : podDirs()) {
      if (podDir.getFileName().toString().endsWith("_" + podUid)) {
        deleteTree(podDir);
      }
    }
  }

  /** Deletes the logs of every pod whose uid is not in {@code podUids} (after a restart). */
  public void retainPods(Set<String> podUids) throws IOException {
    for (Path podDir : podDirs()) {
      String name = podDir.getFileName().toString();
      if (!podUids.contains(name.substring(name.lastIndexOf('_') + 1))) {
        deleteTree(podDir);
      }
    }
  }

  private RunLogFile run(Path path) {
    return runs.computeIfAbsent(path, RunLogFile::new);
  }

  private Path containerDir(String namespace, String pod, String podUid, String container) {
    return directory
        .resolve(segment(namespace) + "_" + segment(pod) + "_" + segment(podUid))
        .resolve(segment(container));
  }

  /** Kubernetes names never hold these; refusing them keeps every log inside the directory. */
  private static String segment(String name) {
    if (name.isEmpty()
        || name.equals(".")
        || name.equals("..")
        || name.contains("/")
        || name.contains("\\")
        || name.contains("_")) {
      throw new IllegalArgumentException("not a Kubernetes name: " + name);
    }
    return name;
  }

  private List<Path> podDirs() throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.filter(Files::isDirectory).toList();
    }
  }

  private void removeRunsBefore(Path containerDir, int oldestKept) throws IOException {
    List<Path> old = new ArrayList<>();
    try (Stream<Path> entries = Files.list(containerDir)) {
      entries
          .filter(path -> restartCountOf(path) >= 0 && restartCountOf(path) < oldestKept)
          .forEach(old::add);
    }
    for (Path path : old) {
      Files.deleteIfExists(path);
      forget(path);
    }
  }

  private static int restartCountOf(Path path) {
    String name = path.getFileName().toString();
    if (!name.endsWith(".log")) {
      return -1;
    }
    try {
      return Integer.parseInt(name.substring(0, name.length() - ".log".length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private void deleteTree(Path root) throws IOException {
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(root)) {
      paths = walk.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path path : paths) {
      Files.deleteIfExists(path);
      forget(path);
    }
  }

  private void forget(Path path) {
    RunLogFile file = runs.remove(path);
    if (file != null) {
      file.wake();
    }
  }
}
