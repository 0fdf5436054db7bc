package dev.tributary.cli;

import picocli.CommandLine;

/** Reports the version recorded in the jar's manifest at build time. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = TributaryCommand.class.getPackage().getImplementationVersion();
    return new String[] {"tributary " + (version == null ? "(development build)" : version)};
  }
}
