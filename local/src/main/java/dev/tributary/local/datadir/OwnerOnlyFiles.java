package dev.tributary.local.datadir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and directories only their owner may read: private keys, tokens, the kubeconfig.
 *
 * <p>Where the file system has POSIX permissions, files are created {@code rw-------} and
 * directories {@code rwx------} from the start (never created open and tightened afterwards, so
 * there is no window in which another user could open them). Elsewhere the owner-only bits are set
 * on a best-effort basis through {@link java.io.File}.
 *
 * <p>All methods block on disk I/O.
 */
public final class OwnerOnlyFiles {

  private static final Set<PosixFilePermission> FILE_PERMISSIONS =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> DIRECTORY_PERMISSIONS =
      PosixFilePermissions.fromString("rwx------");

  private OwnerOnlyFiles() {}

  /**
   * Creates {@code dir} (and missing parents) if it does not exist; a directory this call creates
   * is owner-only. An existing directory is left as it is: it may be one the user chose and shares
   * on purpose, and every secret inside is owner-only anyway.
   */
  public static void createDirectory(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    Path parent = dir.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try {
      if (supportsPosix(parent)) {
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY_PERMISSIONS));
      } else {
        Files.createDirectory(dir);
        restrictToOwner(dir);
      }
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(dir)) {
        throw e;
      }
    }
  }

  /**
   * Replaces {@code target} with {@code content} atomically: the bytes go to an owner-only
   * temporary file in the same directory, are forced to disk, and the temporary file is then moved
   * over {@code target}. Readers see the old file or the new one, never a partial one.
   */
  public static void writeAtomically(Path target, byte[] content) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Path temp = createOwnerOnlyFile(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      move(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Whether {@code path} (a file or directory) can be read or written by others than its owner. */
  public static boolean isOwnerOnly(Path path) throws IOException {
    if (!supportsPosix(path)) {
      return true; // nothing finer to check without POSIX permissions
    }
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
    return permissions.stream().allMatch(p -> p.name().startsWith("OWNER_"));
  }

  private static Path createOwnerOnlyFile(Path dir, String prefix, String suffix)
      throws IOException {
    if (supportsPosix(dir)) {
      FileAttribute<Set<PosixFilePermission>> attribute =
          PosixFilePermissions.asFileAttribute(FILE_PERMISSIONS);
      return Files.createTempFile(dir, prefix, suffix, attribute);
    }
    Path file = Files.createTempFile(dir, prefix, suffix);
    restrictToOwner(file);
    return file;
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      // Same directory, so this only happens on exotic file systems; a plain replace is the best
      // they offer.
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static boolean supportsPosix(Path path) {
    Path existing = path == null ? Path.of("").toAbsolutePath() : path;
    return existing.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  @SuppressWarnings("ResultOfMethodCallIgnored") // best effort by definition, see class Javadoc
  private static void restrictToOwner(Path path) {
    java.io.File file = path.toFile();
    file.setReadable(false, false);
    file.setReadable(true, true);
    file.setWritable(false, false);
    file.setWritable(true, true);
    if (file.isDirectory()) {
      file.setExecutable(false, false);
      file.setExecutable(true, true);
    }
  }
}
