package dev.tributary.local.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.local.datadir.DataDir;
import dev.tributary.local.datadir.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokensTest {

  @TempDir Path temp;

  private DataDir dir;

  @BeforeEach
  void openDataDir() throws IOException {
    dir = DataDir.open(temp.resolve("data"));
  }

  @Test
  void theAdminTokenIs32RandomBytesKeptOwnerOnlyAndReusedOnRestart() throws IOException {
    Tokens tokens = Tokens.loadOrCreate(dir);

    assertThat(tokens.adminToken()).matches("[A-Za-z0-9_-]{43}");
    assertThat(Files.readString(dir.adminToken()).strip()).isEqualTo(tokens.adminToken());
    assertThat(OwnerOnlyFiles.isOwnerOnly(dir.adminToken())).isTrue();
    assertThat(Tokens.loadOrCreate(dir).adminToken()).isEqualTo(tokens.adminToken());
    assertThat(Tokens.loadOrCreate(DataDir.open(temp.resolve("other"))).adminToken())
        .isNotEqualTo(tokens.adminToken());
  }

  @Test
  void theAdminTokenAuthenticatesAsKubernetesAdminInSystemMasters() throws IOException {
    Tokens tokens = Tokens.loadOrCreate(dir);

    assertThat(tokens.authenticate("Bearer " + tokens.adminToken()))
        .hasValue(
            new UserInfo(
                "kubernetes-admin", "", List.of("system:masters", "system:authenticated")));
    assertThat(tokens.authenticate("  bearer " + tokens.adminToken() + " ")).isPresent();
  }

  @Test
  void missingMalformedAndUnknownCredentialsAuthenticateNobody() throws IOException {
    Tokens tokens = Tokens.loadOrCreate(dir);
    String admin = tokens.adminToken();

    assertThat(tokens.authenticate(null)).isEmpty();
    assertThat(tokens.authenticate("")).isEmpty();
    assertThat(tokens.authenticate("Bearer")).isEmpty();
    assertThat(tokens.authenticate("Bearer ")).isEmpty();
    assertThat(tokens.authenticate(admin)).isEmpty();
    assertThat(tokens.authenticate("Basic " + admin)).isEmpty();
    assertThat(tokens.authenticate("Bearer " + admin.substring(1))).isEmpty();
    assertThat(tokens.authenticate("Bearer " + admin + "x")).isEmpty();
    assertThat(tokens.authenticateToken("")).isEmpty();
  }

  @Test
  void serviceAccountTokensAuthenticateAsTheirServiceAccount() throws IOException {
    Tokens tokens = Tokens.loadOrCreate(dir);

    String token = tokens.issueServiceAccountToken("default", "events-sa", "uid-1");

    assertThat(token).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(tokens.adminToken());
    assertThat(tokens.authenticate("Bearer " + token))
        .hasValue(
            new UserInfo(
                "system:serviceaccount:default:events-sa",
                "uid-1",
                List.of(
                    "system:serviceaccounts",
                    "system:serviceaccounts:default",
                    "system:authenticated")));
  }

  @Test
  void serviceAccountTokensSurviveARestartButAreNotStoredInTheClear() throws IOException {
    Tokens tokens = Tokens.loadOrCreate(dir);
    String token = tokens.issueServiceAccountToken("knative-eventing", "pingsource", "uid-2");

    Tokens restarted = Tokens.loadOrCreate(dir);

    assertThat(restarted.authenticateToken(token).map(UserInfo::username))
        .hasValue("system:serviceaccount:knative-eventing:pingsource");
    assertThat(Files.readString(dir.serviceAccountTokens())).doesNotContain(token);
    assertThat(OwnerOnlyFiles.isOwnerOnly(dir.serviceAccountTokens())).isTrue();
  }

  @Test
  void eachIssueMakesADifferentToken() throws IOException {
    Tokens tokens = Tokens.loadOrCreate(dir);

    String first = tokens.issueServiceAccountToken("default", "sa", "u");
    String second = tokens.issueServiceAccountToken("default", "sa", "u");

    assertThat(first).isNotEqualTo(second);
    assertThat(tokens.authenticateToken(first)).isPresent();
    assertThat(tokens.authenticateToken(second)).isPresent();
  }

  @Test
  void aRevokedTokenStopsAuthenticatingAlsoAfterARestart() throws IOException {
    Tokens tokens = Tokens.loadOrCreate(dir);
    String revoked = tokens.issueServiceAccountToken("default", "sa", "u");
    String kept = tokens.issueServiceAccountToken("default", "sa", "u");

    assertThat(tokens.revoke(revoked)).isTrue();
    assertThat(tokens.revoke(revoked)).isFalse();
    assertThat(tokens.revoke(tokens.adminToken())).isFalse();

    assertThat(tokens.authenticateToken(revoked)).isEmpty();
    assertThat(tokens.authenticateToken(kept)).isPresent();
    Tokens restarted = Tokens.loadOrCreate(dir);
    assertThat(restarted.authenticateToken(revoked)).isEmpty();
    assertThat(restarted.authenticateToken(kept)).isPresent();
    assertThat(restarted.authenticateToken(tokens.adminToken())).isPresent();
  }

  @Test
  void revokingAServiceAccountRevokesAllItsTokensOnly() throws IOException {
    Tokens tokens = Tokens.loadOrCreate(dir);
    String a1 = tokens.issueServiceAccountToken("default", "a", "ua");
    String a2 = tokens.issueServiceAccountToken("default", "a", "ua");
    String sameNameOtherNamespace = tokens.issueServiceAccountToken("other", "a", "uo");
    String b = tokens.issueServiceAccountToken("default", "b", "ub");

    assertThat(tokens.revokeServiceAccount("default", "a")).isEqualTo(2);

    assertThat(tokens.authenticateToken(a1)).isEmpty();
    assertThat(tokens.authenticateToken(a2)).isEmpty();
    assertThat(tokens.authenticateToken(sameNameOtherNamespace)).isPresent();
    assertThat(tokens.authenticateToken(b)).isPresent();
    assertThat(Tokens.loadOrCreate(dir).authenticateToken(a1)).isEmpty();
    assertThat(tokens.revokeServiceAccount("default", "a")).isZero();
  }
}
