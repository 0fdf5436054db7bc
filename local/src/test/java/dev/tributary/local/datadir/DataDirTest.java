package dev.tributary.local.datadir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirTest {

  @TempDir Path temp;

  private final long ourPid = ProcessHandle.current().pid();

  @Test
  void defaultsToDotTributaryInTheHomeDirectory() {
    assertThat(DataDir.defaultRoot(Path.of("/home/ada")))
        .isEqualTo(Path.of("/home/ada/.tributary"));
  }

  @Test
  void openCreatesTheDirectoryOwnerOnlyAndNamesItsFiles() throws IOException {
    DataDir dir = DataDir.open(temp.resolve("data"));

    assertThat(dir.root()).isDirectory().isEqualTo(temp.resolve("data").toAbsolutePath());
    assertThat(OwnerOnlyFiles.isOwnerOnly(dir.root())).isTrue();
    assertThat(
            new Path[] {
              dir.lockFile(),
              dir.kubeconfig(),
              dir.caCertificate(),
              dir.caKey(),
              dir.serverCertificate(),
              dir.serverKey(),
              dir.adminToken(),
              dir.serviceAccountTokens(),
              dir.database()
            })
        .doesNotHaveDuplicates()
        .allSatisfy(p -> assertThat(p.getParent()).isEqualTo(dir.root()));
    assertThat(dir.kubeconfig().getFileName()).hasToString("kubeconfig");
    assertThat(dir.caCertificate().getFileName()).hasToString("ca.crt");
  }

  @Test
  void theLockRecordsOurPidAndClearsItOnClose() throws IOException {
    DataDir dir = DataDir.open(temp);

    try (DataDirLock lock = dir.lock()) {
      assertThat(lock.isHeld()).isTrue();
      assertThat(Files.readString(dir.lockFile()).strip()).isEqualTo(Long.toString(ourPid));
    }

    assertThat(Files.readString(dir.lockFile())).isEmpty();
  }

  @Test
  void aSecondLockIsRefusedWithTheHolderAndHowToStopIt() throws IOException {
    DataDir dir = DataDir.open(temp);
    try (DataDirLock held = dir.lock()) {
      assertThatThrownBy(dir::lock)
          .isInstanceOfSatisfying(
              DataDirLockedException.class,
              e -> {
                assertThat(e.directory()).isEqualTo(dir.root());
                assertThat(e.holderPid()).hasValue(ourPid);
              })
          .hasMessageContaining(
              "another tributary is running on " + dir.root() + " (pid " + ourPid + ")")
          .hasMessageContaining("kill " + ourPid);
      assertThat(held.isHeld()).isTrue();
    }
  }

  @Test
  void theLockCanBeTakenAgainAfterClose() throws IOException {
    DataDir dir = DataDir.open(temp);
    dir.lock().close();

    try (DataDirLock again = dir.lock()) {
      assertThat(again.isHeld()).isTrue();
    }
  }

  @Test
  void aStalePidFileDoesNotBlock() throws IOException {
    DataDir dir = DataDir.open(temp);
    Files.writeString(dir.lockFile(), "999999999\n");

    try (DataDirLock lock = dir.lock()) {
      assertThat(lock.isHeld()).isTrue();
      assertThat(Files.readString(dir.lockFile())).isEqualTo(ourPid + "\n");
    }
  }

  @Test
  void atNamesADirectoryWithoutCreatingIt() throws IOException {
    DataDir dir = DataDir.at(temp.resolve("missing"));

    assertThat(dir.root()).isEqualTo(temp.resolve("missing").toAbsolutePath());
    assertThat(dir.holder()).isEmpty();
    assertThat(dir.root()).doesNotExist();
  }

  @Test
  void nobodyHoldsADirectoryThatWasNeverLocked() throws IOException {
    assertThat(DataDir.open(temp).holder()).isEmpty();
  }

  @Test
  void theDataDirHoldingTheLockNamesThisProcess() throws IOException {
    DataDir dir = DataDir.open(temp);
    try (DataDirLock lock = dir.lock()) {
      assertThat(dir.holder()).contains(new LockHolder(OptionalLong.of(ourPid)));
      assertThat(lock.isHeld()).isTrue();
    }
    assertThat(dir.holder()).isEmpty();
  }

  @Test
  void aLivePidInAnUnlockedFileIsNoHolderAndStaysThere() throws IOException {
    // Our own PID: a process that certainly lives, left in the file as by a holder killed -9.
    DataDir dir = DataDir.open(temp);
    Files.writeString(dir.lockFile(), ourPid + "\n");

    assertThat(DataDir.at(temp).holder()).isEmpty();
    assertThat(Files.readString(dir.lockFile())).isEqualTo(ourPid + "\n");
  }

  @Test
  void closeIsIdempotent() throws IOException {
    DataDirLock lock = DataDir.open(temp).lock();
    lock.close();
    lock.close();
    assertThat(lock.isHeld()).isFalse();
  }
}
