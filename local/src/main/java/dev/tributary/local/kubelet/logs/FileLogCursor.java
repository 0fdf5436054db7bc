package dev.tributary.local.kubelet.logs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Reads a {@link RunLogFile} from its start. Only complete lines are handed out: a line still being
 * written is kept until its line break arrives. A line not in the CRI format (a torn write after a
 * crash) is handed out as it is, dated at the epoch, rather than dropped.
 */
final class FileLogCursor implements LogCursor {

  private final RunLogFile file;
  private final FileChannel channel;
  private final ByteBuffer chunk = ByteBuffer.allocate(16 * 1024);
  private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
  private final Deque<LogLine> ready = new ArrayDeque<>();
  private long appendsAtEnd = -1;

  FileLogCursor(RunLogFile file) throws IOException {
    this.file = file;
    this.channel = FileChannel.open(file.path(), StandardOpenOption.READ);
  }

  @Override
  public Optional<LogLine> next() throws IOException {
    while (ready.isEmpty()) {
      // Noted before reading: an append after this point wakes awaitMore even if the read misses
      // it.
      long appends = file.appends();
      chunk.clear();
      int read = channel.read(chunk);
      if (read <= 0) {
        appendsAtEnd = appends;
        return Optional.empty();
      }
      split(chunk.array(), read);
    }
    return Optional.of(ready.poll());
  }

  @Override
  public void awaitMore(Duration timeout) throws InterruptedException {
    file.awaitAppendAfter(appendsAtEnd, timeout);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  private void split(byte[] bytes, int length) {
    int start = 0;
    for (int i = 0; i < length; i++) {
      if (bytes[i] == '\n') {
        partial.write(bytes, start, i - start);
        String line = partial.toString(StandardCharsets.UTF_8);
        partial.reset();
        ready.add(LogLine.parseCri(line).orElseGet(() -> new LogLine(Instant.EPOCH, line)));
        start = i + 1;
      }
    }
    partial.write(bytes, start, length - start);
  }
}
