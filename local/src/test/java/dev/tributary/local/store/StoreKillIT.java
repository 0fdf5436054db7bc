package dev.tributary.local.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing process with SIGKILL and checks that every write it acknowledged survived, and
 * that the revision continues after them.
 */
class StoreKillIT {

  private static final int ACKS_BEFORE_KILL = 300;

  @TempDir Path dir;

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void everyAcknowledgedWriteSurvivesKill9() throws Exception {
    Path storeDir = dir.resolve("store");
    Path childErrors = dir.resolve("child-stderr.txt");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                StoreWriterMain.class.getName(),
                storeDir.toString())
            .redirectError(childErrors.toFile())
            .start();

    // The expected state, from acknowledged writes: name -> resourceVersion, or empty if deleted.
    Map<String, Optional<Long>> acknowledged = new HashMap<>();
    String inFlight = null;
    long lastAck = 0;
    int acks = 0;
    boolean killed = false;
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        List<String> words = List.of(line.split(" "));
        if (words.getFirst().equals("BEGIN")) {
          inFlight = words.get(2);
        } else if (words.getFirst().equals("ACK")) {
          long revision = Long.parseLong(words.get(3));
          assertThat(revision).as("acknowledged revisions increase").isGreaterThan(lastAck);
          lastAck = revision;
          acknowledged.put(
              words.get(2),
              words.get(1).equals("DELETE") ? Optional.empty() : Optional.of(revision));
          inFlight = null;
          if (++acks == ACKS_BEFORE_KILL) {
            // SIGKILL through the handle: Process.destroyForcibly() would also close our end of
            // the pipe, losing the acknowledgements still in it.
            child.toHandle().destroyForcibly();
            killed = true;
          }
        }
      }
    } finally {
      child.destroyForcibly();
      child.waitFor();
    }
    assertThat(killed)
        .as("child ended before being killed: %s", Files.readString(childErrors))
        .isTrue();
    assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
    assertThat(acknowledged).hasSizeGreaterThan(ACKS_BEFORE_KILL / 2);

    try (Store store = Store.open(storeDir, StoreOptions.defaults())) {
      long current = store.currentRevision();
      assertThat(current).isBetween(lastAck, lastAck + 1); // + the write in flight, if committed
      for (Map.Entry<String, Optional<Long>> entry : acknowledged.entrySet()) {
        if (entry.getKey().equals(inFlight)) {
          continue; // its last write may or may not have committed
        }
        Optional<ObjectNode> stored = store.get(StoreWriterMain.key(entry.getKey()));
        assertThat(stored.map(StoreTest::rv)).as(entry.getKey()).isEqualTo(entry.getValue());
      }
      ObjectNode next =
          store.create(StoreWriterMain.key("after-restart"), StoreTest.object("after-restart", ""));
      assertThat(StoreTest.rv(next)).isEqualTo(current + 1).isGreaterThan(lastAck);
    }
  }
}
