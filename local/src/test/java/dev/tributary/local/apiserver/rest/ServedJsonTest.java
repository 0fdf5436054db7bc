package dev.tributary.local.apiserver.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ServedJsonTest {

  private static boolean asIs(String json) {
    return ServedJson.servedAsIs(json.getBytes(StandardCharsets.UTF_8), "apps/v1", "Deployment");
  }

  @Test
  void anObjectAlreadyInTheServedVersionAndKindIsServedAsStored() {
    assertThat(asIs("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{}}"))
        .isTrue();
    assertThat(
            asIs(
                "{\"metadata\":{\"kind\":\"x\"},\"spec\":[1,{}],\"kind\":\"Deployment\","
                    + "\"apiVersion\":\"apps/v1\"}"))
        .as("fields after nested objects, nested kind ignored")
        .isTrue();
  }

  @Test
  void anotherVersionOrAMissingKindTakesTheGeneralPath() {
    assertThat(asIs("{\"apiVersion\":\"apps/v1beta1\",\"kind\":\"Deployment\"}")).isFalse();
    assertThat(asIs("{\"apiVersion\":\"apps/v1\",\"metadata\":{}}")).isFalse();
    assertThat(asIs("{\"kind\":\"Deployment\"}")).isFalse();
    assertThat(asIs("{\"apiVersion\":\"apps/v1\",\"kind\":3}")).isFalse();
    assertThat(asIs("[]")).isFalse();
    assertThat(asIs("{\"apiVersion\":")).isFalse();
  }
}
