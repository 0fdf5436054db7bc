package dev.tributary.api.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * From robfig/cron v3.0.1's parser_test.go and spec_test.go (TestParseSchedule,
 * TestOptionalSecondSchedule, TestStandardSpecSchedule, TestParseScheduleErrors, TestErrors,
 * TestSlash0NoHang), with full messages rather than robfig's substrings.
 */
class CronParserTest {

  private static final long STAR = FieldSchedule.STAR_BIT;
  private static final long ALL_SECONDS = FieldBounds.SECONDS.all();
  private static final long ALL_HOURS = FieldBounds.HOURS.all();
  private static final long ALL_DOM = FieldBounds.DAYS_OF_MONTH.all();
  private static final long ALL_MONTHS = FieldBounds.MONTHS.all();
  private static final long ALL_DOW = FieldBounds.DAYS_OF_WEEK.all();
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  private static FieldSchedule every5min(ZoneId zone) {
    return new FieldSchedule(1, 1L << 5, ALL_HOURS, ALL_DOM, ALL_MONTHS, ALL_DOW, zone);
  }

  private static FieldSchedule midnight(ZoneId zone) {
    return new FieldSchedule(1, 1, 1, ALL_DOM, ALL_MONTHS, ALL_DOW, zone);
  }

  private static FieldSchedule annual(ZoneId zone) {
    return new FieldSchedule(1, 1, 1, 1L << 1, 1L << 1, ALL_DOW, zone);
  }

  @Test
  void parsesLikeRobfig() throws CronParseException {
    assertThat(CronParser.KNATIVE.parse("0 5 * * * *")).isEqualTo(every5min(null));
    assertThat(CronParser.STANDARD.parse("5 * * * *")).isEqualTo(every5min(null));
    assertThat(CronParser.KNATIVE.parse("CRON_TZ=UTC  0 5 * * * *"))
        .isEqualTo(every5min(ZoneOffset.UTC));
    assertThat(CronParser.STANDARD.parse("CRON_TZ=UTC  5 * * * *"))
        .isEqualTo(every5min(ZoneOffset.UTC));
    assertThat(CronParser.KNATIVE.parse("CRON_TZ=Asia/Tokyo 0 5 * * * *"))
        .isEqualTo(every5min(TOKYO));
    assertThat(CronParser.KNATIVE.parse("@every 5m"))
        .isEqualTo(new ConstantDelaySchedule(Duration.ofMinutes(5)));
    assertThat(CronParser.KNATIVE.parse("@midnight")).isEqualTo(midnight(null));
    assertThat(CronParser.KNATIVE.parse("TZ=UTC  @midnight")).isEqualTo(midnight(ZoneOffset.UTC));
    assertThat(CronParser.KNATIVE.parse("TZ=Asia/Tokyo @midnight")).isEqualTo(midnight(TOKYO));
    assertThat(CronParser.KNATIVE.parse("@yearly")).isEqualTo(annual(null));
    assertThat(CronParser.KNATIVE.parse("@annually")).isEqualTo(annual(null));
    assertThat(CronParser.KNATIVE.parse("* 5 * * * *"))
        .isEqualTo(
            new FieldSchedule(ALL_SECONDS, 1L << 5, ALL_HOURS, ALL_DOM, ALL_MONTHS, ALL_DOW, null));
  }

  @Test
  void knativeTakesAnOptionalLeadingSecondsField() throws CronParseException {
    assertThat(CronParser.KNATIVE.parse("0 5 * * * *")).isEqualTo(every5min(null));
    assertThat(CronParser.KNATIVE.parse("5 5 * * * *"))
        .isEqualTo(
            new FieldSchedule(1L << 5, 1L << 5, ALL_HOURS, ALL_DOM, ALL_MONTHS, ALL_DOW, null));
    assertThat(CronParser.KNATIVE.parse("5 * * * *")).isEqualTo(every5min(null));
  }

  @Test
  void standardTakesExactlyFiveFieldsAndEvery() throws CronParseException {
    assertThat(CronParser.STANDARD.parse("5 * * * *")).isEqualTo(every5min(null));
    assertThat(CronParser.STANDARD.parse("@every 5m"))
        .isEqualTo(new ConstantDelaySchedule(Duration.ofMinutes(5)));
  }

  @Test
  void otherDescriptors() throws CronParseException {
    assertThat(CronParser.STANDARD.parse("@monthly"))
        .isEqualTo(new FieldSchedule(1, 1, 1, 1L << 1, ALL_MONTHS, ALL_DOW, null));
    assertThat(CronParser.STANDARD.parse("@weekly"))
        .isEqualTo(new FieldSchedule(1, 1, 1, ALL_DOM, ALL_MONTHS, 1, null));
    assertThat(CronParser.STANDARD.parse("@daily")).isEqualTo(midnight(null));
    assertThat(CronParser.STANDARD.parse("@hourly"))
        .isEqualTo(new FieldSchedule(1, 1, ALL_HOURS, ALL_DOM, ALL_MONTHS, ALL_DOW, null));
  }

  @Test
  void dayFieldsKeepTheirStarBitOnlyForAStar() throws CronParseException {
    FieldSchedule stepped = (FieldSchedule) CronParser.STANDARD.parse("0 0 */2 * 1-5");
    assertThat(stepped.daysOfMonth() & STAR).isZero();
    assertThat(stepped.daysOfWeek() & STAR).isZero();
    FieldSchedule question = (FieldSchedule) CronParser.STANDARD.parse("0 0 ? * mon");
    assertThat(question.daysOfMonth() & STAR).isEqualTo(STAR);
  }

  @Test
  void zonePrefixes() throws CronParseException {
    assertThat(zoneOf("TZ=Europe/Paris 0 0 * * *")).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(zoneOf("CRON_TZ=America/New_York 0 0 0 * * *"))
        .isEqualTo(ZoneId.of("America/New_York"));
    assertThat(zoneOf("TZ=UTC 0 0 * * *")).isEqualTo(ZoneOffset.UTC);
    assertThat(zoneOf("TZ= 0 0 * * *")).isEqualTo(ZoneOffset.UTC); // Go: "" loads as UTC
    assertThat(zoneOf("TZ=Local 0 0 * * *")).isNull(); // Go's time.Local: the caller's zone
    assertThat(zoneOf("TZ=Etc/GMT+5 0 0 * * *")).isEqualTo(ZoneId.of("Etc/GMT+5"));
    // Whitespace after the zone is trimmed the Go way (tabs, NBSP...).
    assertThat(zoneOf("TZ=UTC \t\u00a00 0 * * *")).isEqualTo(ZoneOffset.UTC);
  }

  private static ZoneId zoneOf(String spec) throws CronParseException {
    return ((FieldSchedule) CronParser.KNATIVE.parse(spec)).zone();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "* * * * * * *    | expected 5 to 6 fields, found 7: [* * * * * * *]",
        "* * * *          | expected 5 to 6 fields, found 4: [* * * *]",
        "`   `            | expected 5 to 6 fields, found 0: []",
        "` @daily`        | expected 5 to 6 fields, found 1: [@daily]",
        "`@daily `        | `unrecognized descriptor: @daily `",
        "@foo             | unrecognized descriptor: @foo",
        "@every           | unrecognized descriptor: @every",
        "@unrecognized    | unrecognized descriptor: @unrecognized",
        "@every Xm        | failed to parse duration @every Xm: time: invalid duration \"Xm\"",
        "`@every  5m`     | failed to parse duration @every  5m: time: invalid duration \" 5m\"",
        "* 5 j * * *      | failed to parse int from j: strconv.Atoi: parsing \"j\": invalid syntax",
        "x * * * *        | failed to parse int from x: strconv.Atoi: parsing \"x\": invalid syntax",
        "0-60 * * * *     | end of range (60) above maximum (59): 0-60",
        "60 * * * * *     | end of range (60) above maximum (59): 60",
        "0 0 24 * * *     | end of range (24) above maximum (23): 24",
        "0 0 0 0 * *      | beginning of range (0) below minimum (1): 0",
        "0 0 0 32 * *     | end of range (32) above maximum (31): 32",
        "0 0 0 * 0 *      | beginning of range (0) below minimum (1): 0",
        "0 0 0 * 13 *     | end of range (13) above maximum (12): 13",
        "* * * * 7        | end of range (7) above maximum (6): 7",
        "0 0 * * XYZ      | failed to parse int from XYZ: strconv.Atoi: parsing \"XYZ\": invalid syntax",
        "5-3 * * * *      | beginning of range (5) beyond end of range (3): 5-3",
        "*/0 * * * *      | step of range should be a positive number: */0",
        "1-2-3 * * * *    | too many hyphens: 1-2-3",
        "*/2/3 * * * *    | too many slashes: */2/3",
        "*/-1 * * * *     | negative number (-1) not allowed: -1",
        "99999999999999999999 * * * * | failed to parse int from 99999999999999999999: strconv.Atoi: parsing \"99999999999999999999\": value out of range",
        "TZ=America/New_York 15/0 * * * * | step of range should be a positive number: 15/0",
        "CRON_TZ=Foo/Bar * * * * *        | provided bad location Foo/Bar: unknown time zone Foo/Bar",
        "TZ=america/new_york * * * * *    | provided bad location america/new_york: unknown time zone america/new_york",
        "TZ=+01:00 * * * * *              | provided bad location +01:00: unknown time zone +01:00",
        "TZ=Z * * * * *                   | provided bad location Z: unknown time zone Z",
        "TZ=../etc/passwd * * * * *       | provided bad location ../etc/passwd: time: invalid location name",
        "TZ=/etc/localtime * * * * *      | provided bad location /etc/localtime: time: invalid location name",
        // Knative's spec.timezone on top of a prefixed schedule: the second prefix is a field.
        "CRON_TZ=UTC TZ=UTC * * * * *     | failed to parse int from TZ=UTC: strconv.Atoi: parsing \"TZ=UTC\": invalid syntax",
        // robfig panics on a prefix with no space after it; here the schedule is empty.
        "TZ=UTC                           | expected 5 to 6 fields, found 0: []",
        "TZ=Foo                           | provided bad location Foo: unknown time zone Foo",
      })
  void knativeErrorsCarryRobfigsMessages(String spec, String message) {
    assertThatThrownBy(() -> CronParser.KNATIVE.parse(spec))
        .isInstanceOf(CronParseException.class)
        .hasMessage(message);
  }

  @Test
  void emptySpec() {
    assertThatThrownBy(() -> CronParser.KNATIVE.parse(""))
        .isInstanceOf(CronParseException.class)
        .hasMessage("empty spec string");
    assertThatThrownBy(() -> CronParser.STANDARD.parse("")).hasMessage("empty spec string");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "* * * *           | expected exactly 5 fields, found 4: [* * * *]",
        "0 * * * * *       | expected exactly 5 fields, found 6: [0 * * * * *]",
        "5 j * * *         | failed to parse int from j: strconv.Atoi: parsing \"j\": invalid syntax",
        "xyz               | expected exactly 5 fields, found 1: [xyz]",
        "60 0 * * *        | end of range (60) above maximum (59): 60",
        "0 60 * * *        | end of range (60) above maximum (23): 60",
        "0 0 * * XYZ       | failed to parse int from XYZ: strconv.Atoi: parsing \"XYZ\": invalid syntax",
        "TZ=America/New_York 15/0 * * * *   | step of range should be a positive number: 15/0",
        "TZ=America/New_York 15/0 * * * * * | expected exactly 5 fields, found 6: [15/0 * * * * *]",
      })
  void standardErrorsCarryRobfigsMessages(String spec, String message) {
    assertThatThrownBy(() -> CronParser.STANDARD.parse(spec))
        .isInstanceOf(CronParseException.class)
        .hasMessage(message);
  }

  @Test
  void badLocationErrorsAreRecognisable() {
    assertThatThrownBy(() -> CronParser.KNATIVE.parse("CRON_TZ=Mars/Olympus * * * * *"))
        .isInstanceOfSatisfying(
            CronParseException.class, e -> assertThat(e.isBadLocation()).isTrue());
    assertThatThrownBy(() -> CronParser.KNATIVE.parse("* * * * 8"))
        .isInstanceOfSatisfying(
            CronParseException.class, e -> assertThat(e.isBadLocation()).isFalse());
  }

  @ParameterizedTest
  @ValueSource(strings = {"@every 1m", "CRON_TZ=UTC @every 1h", "@every", "x @everyday"})
  void knativeRejectsEveryByText(String schedule) {
    assertThat(CronParser.containsEveryDescriptor(schedule)).isTrue();
  }

  @Test
  void everythingElseIsNotEvery() {
    assertThat(CronParser.containsEveryDescriptor("@daily")).isFalse();
    assertThat(CronParser.containsEveryDescriptor("*/1 * * * *")).isFalse();
  }

  @Test
  void fieldsSplitOnGoWhitespace() throws CronParseException {
    assertThat(CronParser.KNATIVE.parse("\t0\u00a05 *\n* * *\u3000")).isEqualTo(every5min(null));
  }
}
