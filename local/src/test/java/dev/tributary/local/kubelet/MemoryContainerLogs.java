package dev.tributary.local.kubelet;

import dev.tributary.local.kubelet.logs.ContainerLogs;
import dev.tributary.runtime.LogSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Container logs kept in memory, for tests: every run's lines by pod and container. */
final class MemoryContainerLogs implements ContainerLogs {

  private final Map<String, List<String>> lines = new ConcurrentHashMap<>();

  @Override
  public LogSink open(
      String namespace, String pod, String podUid, String container, int restartCount) {
    List<String> run =
        lines.computeIfAbsent(key(namespace, pod, container, restartCount), k -> new ArrayList<>());
    return text -> {
      synchronized (run) {
        run.add(text);
      }
    };
  }

  /** Everything run {@code restartCount} of the container wrote, one entry per line call. */
  String text(String namespace, String pod, String container, int restartCount) {
    List<String> run = lines.get(key(namespace, pod, container, restartCount));
    if (run == null) {
      return "";
    }
    synchronized (run) {
      return String.join("\n", new ArrayList<>(run));
    }
  }

  /** Run 0's text. */
  String text(String namespace, String pod, String container) {
    return text(namespace, pod, container, 0);
  }

  private static String key(String namespace, String pod, String container, int restartCount) {
    return namespace + "/" + pod + "/" + container + "/" + restartCount;
  }
}
