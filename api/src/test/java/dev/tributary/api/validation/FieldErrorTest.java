package dev.tributary.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldErrorTest {

  @Test
  void rendersMessageThenPaths() {
    assertThat(FieldError.missingField("spec.sink").message())
        .isEqualTo("missing field(s): spec.sink");
  }

  @Test
  void viaFieldPrefixesAndFoldsIndexesIntoThePrecedingPart() {
    FieldError err = FieldError.missingField("name").viaIndex(2).viaField("spec", "resources");
    assertThat(err.message()).isEqualTo("missing field(s): spec.resources[2].name");
    assertThat(FieldError.invalidArrayValue("x", "args", 1).message())
        .isEqualTo("invalid value: x: args[1]");
    assertThat(FieldError.missingField("x").viaFieldKey("labels", "app").message())
        .isEqualTo("missing field(s): labels[app].x");
  }

  @Test
  void currentFieldDisappearsFromPaths() {
    assertThat(FieldError.invalidKeyName("a-b", "", "keys").viaField("extensions").errors())
        .singleElement()
        .satisfies(e -> assertThat(e.paths()).containsExactly("extensions"));
  }

  @Test
  void mergesErrorsWithTheSameMessageAndSortsEverything() {
    FieldError err =
        FieldError.missingField("spec.b")
            .also(FieldError.invalidValue("7", "spec.z"))
            .also(FieldError.missingField("spec.a"));
    assertThat(err.message())
        .isEqualTo("invalid value: 7: spec.z\nmissing field(s): spec.a, spec.b");
  }

  @Test
  void detailsFollowOnTheirOwnLine() {
    FieldError err = FieldError.invalidValue("*/x", "spec.schedule", "bad step", "really");
    assertThat(err.message()).isEqualTo("invalid value: */x: spec.schedule\nbad step, really");
  }

  @Test
  void emptyErrorsStayEmptyAndAreIgnoredByAlso() {
    assertThat(FieldError.NONE.viaField("spec").isEmpty()).isTrue();
    FieldError one = FieldError.missingField("a");
    assertThat(one.also(FieldError.NONE, null)).isSameAs(one);
    assertThat(FieldError.NONE.message()).isEmpty();
  }

  @Test
  void knativeOneOfMessages() {
    assertThat(FieldError.multipleOneOf("spec.data", "spec.dataBase64").message())
        .isEqualTo("expected exactly one, got both: spec.data, spec.dataBase64");
    assertThat(FieldError.missingOneOf("name", "selector").message())
        .isEqualTo("expected exactly one, got neither: name, selector");
    assertThat(FieldError.disallowedFields("group").message())
        .isEqualTo("must not set the field(s): group");
    assertThat(FieldError.outOfBoundsValue(70, 0, 59, "x").message())
        .isEqualTo("expected 0 <= 70 <= 59: x");
    assertThat(FieldError.invalidKeyName("a\"b", "k").message())
        .isEqualTo("invalid key name \"a\\\"b\": k");
  }
}
