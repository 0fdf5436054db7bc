package dev.tributary.local.apiserver.http;

import java.io.IOException;

/** Where a {@code pods/log} answer's bytes go once it has started. */
interface PodLogOutput {

  /** Sends {@code bytes}; blocks until they are taken (so a slow reader slows the stream). */
  void write(byte[] bytes) throws IOException;

  /** Whether the client has gone: a follower stops then. */
  boolean gone();
}
