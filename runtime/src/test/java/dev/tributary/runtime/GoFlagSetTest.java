package dev.tributary.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.runtime.GoFlagSet.HelpRequested;
import dev.tributary.runtime.GoFlagSet.Invalid;
import dev.tributary.runtime.GoFlagSet.Parsed;
import dev.tributary.runtime.GoFlagSet.StringFlag;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GoFlagSetTest {

  private static final GoFlagSet FLAGS =
      new GoFlagSet(
          "prog",
          List.of(
              new StringFlag("period", "5s", "the period"),
              new StringFlag("sink", "", "the sink"),
              new StringFlag("eventType", "a.b", "the type\nsecond line")));

  @ParameterizedTest
  @ValueSource(strings = {"-period=1", "--period=1"})
  void readsNameEqualsValue(String arg) {
    assertThat(parsed(arg).get("period")).isEqualTo("1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-period", "--period"})
  void readsTheValueFromTheNextArgument(String arg) {
    assertThat(parsed(arg, "1").get("period")).isEqualTo("1");
  }

  @Test
  void takesTheNextArgumentEvenWhenItLooksLikeAFlag() {
    assertThat(parsed("-sink", "-period").get("sink")).isEqualTo("-period");
  }

  @Test
  void keepsDefaultsLastValueWinsAndEmptyValues() {
    Parsed p = parsed("-sink=a", "-sink=b", "-eventType=");
    assertThat(p.get("period")).isEqualTo("5s");
    assertThat(p.get("sink")).isEqualTo("b");
    assertThat(p.get("eventType")).isEmpty();
    assertThat(parsed("-sink=x=y").get("sink")).isEqualTo("x=y");
  }

  @Test
  void stopsAtTheFirstNonFlagAndAfterDoubleDash() {
    Parsed p = parsed("-period=1", "rest", "-sink=x");
    assertThat(p.get("sink")).isEmpty();
    assertThat(p.remaining()).containsExactly("rest", "-sink=x");

    Parsed q = parsed("--", "-sink=x");
    assertThat(q.get("sink")).isEmpty();
    assertThat(q.remaining()).containsExactly("-sink=x");

    assertThat(parsed("-", "-sink=x").remaining()).containsExactly("-", "-sink=x");
  }

  @Test
  void refusesWithGosMessages() {
    assertThat(FLAGS.parse(List.of("--bogus=1")))
        .isEqualTo(new Invalid("flag provided but not defined: -bogus"));
    assertThat(FLAGS.parse(List.of("-period")))
        .isEqualTo(new Invalid("flag needs an argument: -period"));
    assertThat(FLAGS.parse(List.of("---x"))).isEqualTo(new Invalid("bad flag syntax: ---x"));
    assertThat(FLAGS.parse(List.of("-=x"))).isEqualTo(new Invalid("bad flag syntax: -=x"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-h", "--help", "-help=1"})
  void recognisesHelp(String arg) {
    assertThat(FLAGS.parse(List.of(arg))).isInstanceOf(HelpRequested.class);
  }

  @Test
  void printsGosDefaultUsage() {
    assertThat(FLAGS.usage())
        .isEqualTo(
            """
            Usage of prog:
              -eventType string
                \tthe type
                \tsecond line (default "a.b")
              -period string
                \tthe period (default "5s")
              -sink string
                \tthe sink""");
  }

  private static Parsed parsed(String... args) {
    return (Parsed) FLAGS.parse(List.of(args));
  }
}
