package dev.tributary.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of another process by thread group, from {@code /proc/PID/task/TID/stat}: thread names
 * with their digits dropped ("C2 CompilerThre", "vert.x-eventloop-thread-"), so that JIT, GC, event
 * loops and workers can be told apart. Only threads alive at the time are counted.
 */
final class ThreadCpu {

  private ThreadCpu() {}

  /** CPU milliseconds (user + system) by thread group, largest first when printed. */
  static Map<String, Long> byGroup(long pid) throws IOException {
    Map<String, Long> groups = new TreeMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : tasks.toList()) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"));
        } catch (IOException gone) {
          continue; // the thread ended between the listing and the read
        }
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        // Thread numbers go, "C1"/"C2" of the compiler threads stay.
        groups.merge(name.replaceAll("(?<=[-#_ ])[0-9]+|[0-9]+$", "#"), ticks * 10, Long::sum);
      }
    }
    return groups;
  }

  /** One {@code # NAME: N ms} line per group above {@code minMillis}, largest first. */
  static void print(String title, long pid, long minMillis) throws IOException {
    System.out.println("# " + title + " (CPU ms by thread group, live threads):");
    byGroup(pid).entrySet().stream()
        .filter(e -> e.getValue() >= minMillis)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> System.out.printf("#   %7d %s%n", e.getValue(), e.getKey()));
  }
}
