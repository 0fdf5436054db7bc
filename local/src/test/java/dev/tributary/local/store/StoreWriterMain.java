package dev.tributary.local.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The child process of {@link StoreKillIT}: opens the store in the directory given as its argument
 * and writes until killed. Before each write it prints {@code BEGIN op name}, after it {@code ACK
 * op name revision}, each line flushed, so the test knows which writes were acknowledged and which
 * one was in flight when it killed this process.
 *
 * <p>Writes, per step i: create {@code cm-i}; every 3rd step also update {@code cm-(i-1)}; every
 * 5th step also delete {@code cm-(i-2)}.
 */
public final class StoreWriterMain {

  private StoreWriterMain() {}

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (Store store = Store.open(Path.of(args[0]), StoreOptions.defaults())) {
      out.println("READY " + store.currentRevision());
      for (int step = 0; ; step++) {
        int i = step;
        write(out, "CREATE", "cm-" + i, () -> store.create(key("cm-" + i), object("cm-" + i, i)));
        if (i % 3 == 2) {
          String name = "cm-" + (i - 1);
          write(out, "UPDATE", name, () -> store.update(key(name), object(name, -i), null));
        }
        if (i % 5 == 4) {
          String name = "cm-" + (i - 2);
          write(out, "DELETE", name, () -> store.delete(key(name), null));
        }
      }
    }
  }

  private static void write(PrintStream out, String op, String name, Supplier<ObjectNode> write) {
    out.println("BEGIN " + op + " " + name);
    ObjectNode result = write.get();
    out.println(
        "ACK " + op + " " + name + " " + result.path("metadata").path("resourceVersion").asText());
  }

  static ObjectKey key(String name) {
    return new ObjectKey("configmaps", "default", name);
  }

  static ObjectNode object(String name, int value) {
    return StoreTest.object(name, Integer.toString(value));
  }
}
