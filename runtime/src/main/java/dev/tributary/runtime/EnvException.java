package dev.tributary.runtime;

/**
 * A required environment variable is missing or a variable's value cannot be read. The message is
 * one line meant for the program's log, naming the variable.
 */
public final class EnvException extends IllegalArgumentException {
  public EnvException(String message) {
    super(message);
  }
}
