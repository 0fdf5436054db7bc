package dev.tributary.local.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tributary.local.datadir.DataDir;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Everything this package logs, at every level, is free of tokens and private keys. */
class SecretsStayOutOfLogsTest {

  @TempDir Path temp;

  private final Logger logger = (Logger) LoggerFactory.getLogger("dev.tributary.local");
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private Level levelBefore;

  @BeforeEach
  void capture() {
    levelBefore = logger.getLevel();
    logger.setLevel(Level.TRACE);
    appender.start();
    logger.addAppender(appender);
  }

  @AfterEach
  void release() {
    logger.detachAppender(appender);
    logger.setLevel(levelBefore);
  }

  @Test
  void noTokenOrKeyIsLogged() throws Exception {
    DataDir dir = DataDir.open(temp.resolve("data"));
    ClusterCertificates certs = ClusterCertificates.loadOrCreate(dir, Clock.systemUTC());
    Tokens tokens = Tokens.loadOrCreate(dir);
    String first = tokens.issueServiceAccountToken("default", "sa", "u");
    String second = tokens.issueServiceAccountToken("default", "sa", "u");
    tokens.revoke(first);
    tokens.revokeServiceAccount("default", "sa");
    tokens.authenticate("Bearer " + tokens.adminToken());
    tokens.authenticate("Bearer " + first);
    Kubeconfig.write(dir, 6443, certs, tokens);

    List<String> messages = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertThat(messages).as("something was logged, so the check means something").isNotEmpty();
    assertThat(messages)
        .allSatisfy(
            m ->
                assertThat(m)
                    .doesNotContain(tokens.adminToken())
                    .doesNotContain(first)
                    .doesNotContain(second)
                    .doesNotContain("PRIVATE KEY"));
  }
}
