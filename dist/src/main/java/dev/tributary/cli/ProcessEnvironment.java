package dev.tributary.cli;

import dev.tributary.runtime.Env;

/**
 * The process's own environment variables. The one place in Tributary that reads {@code
 * System.getenv}: everything else is handed an {@link Env}, so a program runs the same with a pod's
 * environment in the local kubelet.
 */
final class ProcessEnvironment {

  private ProcessEnvironment() {}

  /** This process's environment. */
  static Env env() {
    return Env.of(System::getenv);
  }
}
