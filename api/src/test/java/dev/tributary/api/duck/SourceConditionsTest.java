package dev.tributary.api.duck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class SourceConditionsTest {
  private static final ConditionSet SET =
      ConditionSet.living(
          SourceConditions.SINK_PROVIDED,
          SourceConditions.OIDC_IDENTITY_CREATED,
          "OIDCTokenSecretCreated");

  private SourceStatus status;
  private ConditionManager conditions;

  @BeforeEach
  void setUp() {
    status = new SourceStatus();
    conditions = SET.manage(status, TestClocks.fixedAt("2024-03-04T05:06:07.8Z"));
    conditions.initialize();
  }

  private Condition condition(String type) {
    return conditions.get(type).orElseThrow();
  }

  @Test
  void textsAreKnatives() {
    assertThat(SourceConditions.SINK_PROVIDED).isEqualTo("SinkProvided");
    assertThat(SourceConditions.OIDC_IDENTITY_CREATED).isEqualTo("OIDCIdentityCreated");
    assertThat(SourceConditions.SINK_EMPTY_REASON).isEqualTo("SinkEmpty");
    assertThat(SourceConditions.SINK_EMPTY_MESSAGE).isEqualTo("Sink has resolved to empty.");
    assertThat(SourceConditions.OIDC_DISABLED_REASON)
        .isEqualTo("authentication-oidc feature disabled");
  }

  @Test
  void markSinkRecordsTheSinkAndMarksSinkProvidedTrue() {
    SourceConditions.markSink(conditions, status, "https://sink.example", "PEM", "aud");

    assertThat(status.getSinkUri()).isEqualTo("https://sink.example");
    assertThat(status.getSinkCACerts()).isEqualTo("PEM");
    assertThat(status.getSinkAudience()).isEqualTo("aud");
    assertThat(condition("SinkProvided"))
        .extracting(
            Condition::status, Condition::reason, Condition::message, Condition::lastTransitionTime)
        .containsExactly("True", "", "", "2024-03-04T05:06:07Z");
  }

  @Test
  void aNewSinkReplacesEveryRecordedField() {
    SourceConditions.markSink(conditions, status, "https://old", "PEM", "aud");
    SourceConditions.markSink(conditions, status, "http://new", null, null);

    assertThat(status.getSinkUri()).isEqualTo("http://new");
    assertThat(status.getSinkCACerts()).isNull();
    assertThat(status.getSinkAudience()).isNull();
  }

  @ParameterizedTest
  @NullAndEmptySource
  void nullOrEmptyUriIsNoSinkAndKeepsTheRecordedOne(String uri) {
    SourceConditions.markSink(conditions, status, "https://old", "PEM", "aud");

    SourceConditions.markSink(conditions, status, uri, "other", "other");

    assertThat(condition("SinkProvided"))
        .extracting(Condition::status, Condition::reason, Condition::message)
        .containsExactly("False", "SinkEmpty", "Sink has resolved to empty.");
    assertThat(condition("Ready"))
        .extracting(Condition::status, Condition::reason, Condition::message)
        .containsExactly("False", "SinkEmpty", "Sink has resolved to empty.");
    assertThat(status.getSinkUri()).isEqualTo("https://old");
    assertThat(status.getSinkCACerts()).isEqualTo("PEM");
    assertThat(status.getSinkAudience()).isEqualTo("aud");
  }

  @Test
  void markOidcDisabledMarksEveryGivenTypeTrueWithTheDisabledReason() {
    SourceConditions.markOidcDisabled(
        conditions, SourceConditions.OIDC_IDENTITY_CREATED, "OIDCTokenSecretCreated");

    assertThat(status.getConditions())
        .filteredOn(c -> c.type().startsWith("OIDC"))
        .extracting(Condition::type, Condition::status, Condition::reason, Condition::message)
        .containsExactly(
            tuple("OIDCIdentityCreated", "True", "authentication-oidc feature disabled", ""),
            tuple("OIDCTokenSecretCreated", "True", "authentication-oidc feature disabled", ""));
    assertThat(condition("SinkProvided").status()).isEqualTo("Unknown");
    assertThat(condition("Ready").status()).isEqualTo("Unknown");

    SourceConditions.markSink(conditions, status, "http://sink", null, null);
    assertThat(conditions.isHappy()).isTrue();
  }

  @Test
  void markOidcDisabledLeavesTypesNotGivenAlone() {
    SourceConditions.markOidcDisabled(conditions, SourceConditions.OIDC_IDENTITY_CREATED);

    assertThat(condition("OIDCIdentityCreated").isTrue()).isTrue();
    assertThat(condition("OIDCTokenSecretCreated"))
        .extracting(Condition::status, Condition::reason)
        .containsExactly("Unknown", "");
  }
}
