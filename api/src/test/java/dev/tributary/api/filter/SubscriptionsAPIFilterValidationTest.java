package dev.tributary.api.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.api.validation.FieldError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubscriptionsAPIFilterValidationTest {
  private static final String NAME_DETAILS =
      "Attribute name must start with a letter and can only contain lowercase alphanumeric";

  private static String messageOf(SubscriptionsAPIFilter... filters) {
    return SubscriptionsAPIFilterValidation.validateList(List.of(filters))
        .viaField("filters")
        .message();
  }

  @Test
  void acceptsEachDialectAlone() {
    assertThat(
            SubscriptionsAPIFilterValidation.validateList(
                List.of(
                    SubscriptionsAPIFilter.ofExact(Map.of("type", "a", "myext", "b")),
                    SubscriptionsAPIFilter.ofPrefix(Map.of("source", "https://")),
                    SubscriptionsAPIFilter.ofSuffix(Map.of("subject", "/busybox")),
                    SubscriptionsAPIFilter.ofAll(
                        List.of(SubscriptionsAPIFilter.ofExact(Map.of("a1", "x")))),
                    SubscriptionsAPIFilter.ofAny(
                        List.of(SubscriptionsAPIFilter.ofExact(Map.of("b", "y")))),
                    SubscriptionsAPIFilter.ofNot(SubscriptionsAPIFilter.ofExact(Map.of("c", "z"))),
                    SubscriptionsAPIFilter.EMPTY)))
        .isEqualTo(FieldError.NONE);
  }

  @Test
  void nullAndEmptyListsAreValid() {
    assertThat(SubscriptionsAPIFilterValidation.validateList(null).isEmpty()).isTrue();
    assertThat(SubscriptionsAPIFilterValidation.validateList(List.of()).isEmpty()).isTrue();
    assertThat(SubscriptionsAPIFilterValidation.validate(null).isEmpty()).isTrue();
  }

  @Test
  void attributeNamesMustBeLowercaseAlphanumericStartingWithALetter() {
    for (String dialect : List.of("exact", "prefix", "suffix")) {
      for (String name : List.of("invALID", "0invalid", "my-ext", "")) {
        Map<String, String> attrs = Map.of(name, "v");
        SubscriptionsAPIFilter f =
            switch (dialect) {
              case "exact" -> SubscriptionsAPIFilter.ofExact(attrs);
              case "prefix" -> SubscriptionsAPIFilter.ofPrefix(attrs);
              default -> SubscriptionsAPIFilter.ofSuffix(attrs);
            };
        assertThat(messageOf(f))
            .as("%s %s", dialect, name)
            .isEqualTo(
                "invalid key name \""
                    + name
                    + "\": filters[0]."
                    + dialect
                    + "["
                    + name
                    + "]\n"
                    + NAME_DETAILS);
      }
    }
  }

  @Test
  void everyInvalidNameIsReported() {
    Map<String, String> attrs = new LinkedHashMap<>();
    attrs.put("Bad", "v");
    attrs.put("ok", "v");
    attrs.put("9bad", "v");
    assertThat(messageOf(SubscriptionsAPIFilter.ofExact(attrs)))
        .isEqualTo(
            "invalid key name \"9bad\": filters[0].exact[9bad]\n"
                + NAME_DETAILS
                + "\ninvalid key name \"Bad\": filters[0].exact[Bad]\n"
                + NAME_DETAILS);
  }

  @Test
  void emptyValuesAreRejectedWithUpstreamsRuntimeText() {
    assertThat(messageOf(SubscriptionsAPIFilter.ofExact(Map.of("type", ""))))
        .isEqualTo("invalid arguments, attribute and value can't be empty: filters[0].exact[type]");
    assertThat(messageOf(SubscriptionsAPIFilter.ofPrefix(Map.of("type", ""))))
        .isEqualTo(
            "invalid arguments, attribute and prefix can't be empty: filters[0].prefix[type]");
    assertThat(messageOf(SubscriptionsAPIFilter.ofSuffix(Map.of("type", ""))))
        .isEqualTo(
            "invalid arguments, attribute and suffix can't be empty: filters[0].suffix[type]");
  }

  @Test
  void moreThanOneDialectIsAnErrorWithoutAPath() {
    SubscriptionsAPIFilter two =
        new SubscriptionsAPIFilter(
            null, null, null, Map.of("myext", "abc"), null, Map.of("myext", "abc"), null);
    assertThat(messageOf(two))
        .isEqualTo("multiple dialects found, filters can have only one dialect set: ");

    SubscriptionsAPIFilter notAndAll =
        new SubscriptionsAPIFilter(
            List.of(SubscriptionsAPIFilter.EMPTY),
            null,
            SubscriptionsAPIFilter.EMPTY,
            null,
            null,
            null,
            null);
    assertThat(messageOf(notAndAll))
        .isEqualTo("multiple dialects found, filters can have only one dialect set: ");
  }

  @Test
  void cesqlCountsAsADialect() {
    SubscriptionsAPIFilter both =
        new SubscriptionsAPIFilter(null, null, null, Map.of("a", "b"), null, null, "a = 'b'");
    assertThat(messageOf(both))
        .startsWith(
            "cesql filters are not supported: filters[0].cesql\n"
                + "Tributary does not evaluate CloudEvents SQL expressions yet;")
        .endsWith("\nmultiple dialects found, filters can have only one dialect set: ");
  }

  @Test
  void cesqlIsRejectedAsUnsupported() {
    assertThat(messageOf(SubscriptionsAPIFilter.ofCesql("type = 'dev.knative.apiserver.ref.add'")))
        .isEqualTo(
            "cesql filters are not supported: filters[0].cesql\n"
                + "Tributary does not evaluate CloudEvents SQL expressions yet;"
                + " use exact, prefix, suffix, all, any or not");
  }

  @Test
  void nestedFiltersAreValidatedRecursively() {
    SubscriptionsAPIFilter bad = SubscriptionsAPIFilter.ofPrefix(Map.of("invALID", "abc"));
    SubscriptionsAPIFilter good = SubscriptionsAPIFilter.ofExact(Map.of("myattr", "myval"));

    assertThat(messageOf(SubscriptionsAPIFilter.ofNot(bad)))
        .isEqualTo("invalid key name \"invALID\": filters[0].not.prefix[invALID]\n" + NAME_DETAILS);
    assertThat(messageOf(SubscriptionsAPIFilter.ofAll(List.of(good, good, bad))))
        .isEqualTo(
            "invalid key name \"invALID\": filters[0].all[2].prefix[invALID]\n" + NAME_DETAILS);
    assertThat(messageOf(SubscriptionsAPIFilter.ofAny(List.of(good, bad))))
        .isEqualTo(
            "invalid key name \"invALID\": filters[0].any[1].prefix[invALID]\n" + NAME_DETAILS);
    assertThat(
            messageOf(
                SubscriptionsAPIFilter.ofNot(
                    SubscriptionsAPIFilter.ofAny(List.of(SubscriptionsAPIFilter.ofCesql("true"))))))
        .startsWith("cesql filters are not supported: filters[0].not.any[0].cesql\n");
  }

  @Test
  void keepsUpstreamsIndexQuirkForEarlierElements() {
    // Go applies ViaIndex(i) to everything collected so far: the first of three bad filters is
    // reported at [2][1][0], the second at [2][1], the last at [2].
    SubscriptionsAPIFilter bad0 = SubscriptionsAPIFilter.ofExact(Map.of("A", "x"));
    SubscriptionsAPIFilter bad1 = SubscriptionsAPIFilter.ofExact(Map.of("B", "x"));
    SubscriptionsAPIFilter bad2 = SubscriptionsAPIFilter.ofExact(Map.of("C", "x"));
    assertThat(messageOf(bad0, bad1, bad2))
        .isEqualTo(
            "invalid key name \"A\": filters[2][1][0].exact[A]\n"
                + NAME_DETAILS
                + "\ninvalid key name \"B\": filters[2][1].exact[B]\n"
                + NAME_DETAILS
                + "\ninvalid key name \"C\": filters[2].exact[C]\n"
                + NAME_DETAILS);
    SubscriptionsAPIFilter good = SubscriptionsAPIFilter.ofExact(Map.of("ok", "x"));
    assertThat(messageOf(bad0, good))
        .isEqualTo("invalid key name \"A\": filters[1][0].exact[A]\n" + NAME_DETAILS);
  }
}
