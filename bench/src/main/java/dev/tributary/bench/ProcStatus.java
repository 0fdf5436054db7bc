package dev.tributary.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fields of {@code /proc/PID/status} of another process: what the kernel charges it for memory
 * ({@code VmRSS}, split into anonymous and file-backed pages) and how many threads it runs.
 *
 * @param rssKib resident set size, KiB
 * @param rssAnonKib anonymous resident memory (heap, thread stacks, malloc, metaspace...), KiB
 * @param rssFileKib file-backed resident memory (mapped jars, the CDS archive, libraries), KiB
 * @param threads the number of threads
 */
record ProcStatus(long rssKib, long rssAnonKib, long rssFileKib, long threads) {

  /** Reads {@code /proc/PID/status}; fails if the process is gone. */
  static ProcStatus of(long pid) throws IOException {
    long rss = -1;
    long anon = -1;
    long file = -1;
    long threads = -1;
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        rss = number(line);
      } else if (line.startsWith("RssAnon:")) {
        anon = number(line);
      } else if (line.startsWith("RssFile:")) {
        file = number(line);
      } else if (line.startsWith("Threads:")) {
        threads = number(line);
      }
    }
    if (rss < 0) {
      throw new IOException("no VmRSS in /proc/" + pid + "/status");
    }
    return new ProcStatus(rss, anon, file, threads);
  }

  /** {@code key=value} pairs, each key prefixed with {@code prefix}. */
  String format(String prefix) {
    return String.format(
        "%s_rss_mib=%.1f %s_rss_anon_mib=%.1f %s_rss_file_mib=%.1f %s_threads=%d",
        prefix,
        rssKib / 1024.0,
        prefix,
        rssAnonKib / 1024.0,
        prefix,
        rssFileKib / 1024.0,
        prefix,
        threads);
  }

  private static long number(String line) {
    return Long.parseLong(line.substring(line.indexOf(':') + 1).trim().split("\\s+")[0]);
  }
}
