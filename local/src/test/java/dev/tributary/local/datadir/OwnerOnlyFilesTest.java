package dev.tributary.local.datadir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyFilesTest {

  @TempDir Path temp;

  @Test
  void createsMissingDirectoriesOwnerOnly() throws IOException {
    assumePosix();
    Path dir = temp.resolve("a/b/data");

    OwnerOnlyFiles.createDirectory(dir);

    assertThat(dir).isDirectory();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
        .isEqualTo("rwx------");
    assertThat(OwnerOnlyFiles.isOwnerOnly(dir)).isTrue();
  }

  @Test
  void leavesAnExistingDirectoryAsItIs() throws IOException {
    assumePosix();
    Path dir = Files.createDirectory(temp.resolve("shared"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));

    OwnerOnlyFiles.createDirectory(dir);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
        .isEqualTo("rwxr-xr-x");
    assertThat(OwnerOnlyFiles.isOwnerOnly(dir)).isFalse();
  }

  @Test
  void writesOwnerOnlyAndReplacesWithoutLeavingTemporaryFiles() throws IOException {
    Path file = temp.resolve("secret");

    OwnerOnlyFiles.writeAtomically(file, "one".getBytes(StandardCharsets.UTF_8));
    OwnerOnlyFiles.writeAtomically(file, "two".getBytes(StandardCharsets.UTF_8));

    assertThat(file).hasContent("two");
    try (Stream<Path> files = Files.list(temp)) {
      assertThat(files).containsExactly(file);
    }
    if (posix()) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void replacingAWorldReadableFileMakesItOwnerOnly() throws IOException {
    assumePosix();
    Path file = Files.writeString(temp.resolve("kubeconfig"), "old");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(OwnerOnlyFiles.isOwnerOnly(file)).isFalse();

    OwnerOnlyFiles.writeAtomically(file, "new".getBytes(StandardCharsets.UTF_8));

    assertThat(OwnerOnlyFiles.isOwnerOnly(file)).isTrue();
    assertThat(file).hasContent("new");
  }

  private boolean posix() {
    return temp.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private void assumePosix() {
    assumeTrue(posix(), "file system without POSIX permissions");
  }
}
