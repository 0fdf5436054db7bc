package dev.tributary.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.runtime.Env;
import dev.tributary.runtime.EnvException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookSettingsTest {

  @Test
  void defaultsAreUpstreams() {
    assertThat(WebhookSettings.fromEnv(Env.of(Map.of())))
        .isEqualTo(
            new WebhookSettings(
                "knative-eventing", "eventing-webhook", 8443, "eventing-webhook-certs", ""));
  }

  @Test
  void readsEveryVariable() {
    assertThat(
            WebhookSettings.fromEnv(
                Env.of(
                    Map.of(
                        "SYSTEM_NAMESPACE", "sys",
                        "WEBHOOK_NAME", "hook",
                        "WEBHOOK_PORT", "0",
                        "WEBHOOK_SECRET_NAME", "certs",
                        "POD_NAME", "hook-1"))))
        .isEqualTo(new WebhookSettings("sys", "hook", 0, "certs", "hook-1"));
  }

  @Test
  void refusesAPortThatIsNotOne() {
    assertThatThrownBy(() -> WebhookSettings.fromEnv(Env.of(Map.of("WEBHOOK_PORT", "70000"))))
        .isInstanceOf(EnvException.class)
        .hasMessageContaining("WEBHOOK_PORT=70000");
    assertThatThrownBy(() -> WebhookSettings.fromEnv(Env.of(Map.of("WEBHOOK_PORT", "x"))))
        .isInstanceOf(EnvException.class);
  }
}
