package dev.tributary.api.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** From robfig/cron v3.0.1's parser_test.go (TestRange, TestField, TestAll, TestBits) and more. */
class FieldExpressionsTest {

  private static final long STAR = FieldSchedule.STAR_BIT;

  @ParameterizedTest
  @CsvSource({
    "5, 0, 7, 32",
    "0, 0, 7, 1",
    "7, 0, 7, 128",
    "5-5, 0, 7, 32",
    "5-6, 0, 7, 96",
    "5-7, 0, 7, 224",
    "5-6/2, 0, 7, 32",
    "5-7/2, 0, 7, 160",
    "5-7/1, 0, 7, 224",
    "*/2, 1, 3, 10",
    "5/2, 0, 7, 160",
    "+5, 0, 7, 32",
  })
  void rangeBits(String expr, int min, int max, long expected) throws CronParseException {
    assertThat(FieldExpressions.range(expr, new FieldBounds(min, max, Map.of())))
        .isEqualTo(expected);
  }

  @Test
  void aStarKeepsItsStarBitUnlessSteppedByMoreThanOne() throws CronParseException {
    FieldBounds oneToThree = new FieldBounds(1, 3, Map.of());
    assertThat(FieldExpressions.range("*", oneToThree)).isEqualTo(0b1110 | STAR);
    assertThat(FieldExpressions.range("?", oneToThree)).isEqualTo(0b1110 | STAR);
    assertThat(FieldExpressions.range("*/1", oneToThree)).isEqualTo(0b1110 | STAR);
    assertThat(FieldExpressions.range("*/2", oneToThree)).isEqualTo(0b1010);
    // robfig ignores what follows a star and a hyphen.
    assertThat(FieldExpressions.range("*-2", oneToThree)).isEqualTo(0b1110 | STAR);
    assertThat(FieldExpressions.range("*-2-9/2", oneToThree)).isEqualTo(0b1010);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "5--5    | 0 | 0 | too many hyphens: 5--5",
        "jan-x   | 0 | 0 | failed to parse int from jan: strconv.Atoi: parsing \"jan\": invalid syntax",
        "2-x     | 1 | 5 | failed to parse int from x: strconv.Atoi: parsing \"x\": invalid syntax",
        "*/-12   | 0 | 0 | negative number (-12) not allowed: -12",
        "*//2    | 0 | 0 | too many slashes: *//2",
        "1       | 3 | 5 | beginning of range (1) below minimum (3): 1",
        "6       | 3 | 5 | end of range (6) above maximum (5): 6",
        "5-3     | 3 | 5 | beginning of range (5) beyond end of range (3): 5-3",
        "*/0     | 0 | 0 | step of range should be a positive number: */0",
        "*/      | 0 | 5 | failed to parse int from : strconv.Atoi: parsing \"\": invalid syntax",
        "-1      | 0 | 5 | failed to parse int from : strconv.Atoi: parsing \"\": invalid syntax",
        "x//2    | 0 | 5 | failed to parse int from x: strconv.Atoi: parsing \"x\": invalid syntax",
        "0/0     | 1 | 5 | beginning of range (0) below minimum (1): 0/0",
      })
  void rangeErrors(String expr, int min, int max, String message) {
    assertThatThrownBy(() -> FieldExpressions.range(expr, new FieldBounds(min, max, Map.of())))
        .isInstanceOf(CronParseException.class)
        .hasMessage(message);
  }

  @ParameterizedTest
  @CsvSource({
    "5, 1, 7, 32",
    "'5,6', 1, 7, 96",
    "'5,6,7', 1, 7, 224",
    "'1,5-7/2,3', 1, 7, 170",
    "'1,,3,', 1, 7, 10",
    "',', 1, 7, 0",
  })
  void fieldBits(String expr, int min, int max, long expected) throws CronParseException {
    assertThat(FieldExpressions.field(expr, new FieldBounds(min, max, Map.of())))
        .isEqualTo(expected);
  }

  @Test
  void allBitsOfEachField() {
    assertThat(FieldBounds.MINUTES.all()).isEqualTo(0xfffffffffffffffL | STAR);
    assertThat(FieldBounds.HOURS.all()).isEqualTo(0xffffffL | STAR);
    assertThat(FieldBounds.DAYS_OF_MONTH.all()).isEqualTo(0xfffffffeL | STAR);
    assertThat(FieldBounds.MONTHS.all()).isEqualTo(0x1ffeL | STAR);
    assertThat(FieldBounds.DAYS_OF_WEEK.all()).isEqualTo(0x7fL | STAR);
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0, 1, 1",
    "1, 1, 1, 2",
    "1, 5, 2, 42",
    "1, 4, 2, 10",
    "0, 59, 9223372036854775807, 1"
  })
  void bits(int min, int max, long step, long expected) {
    assertThat(FieldExpressions.bits(min, max, step)).isEqualTo(expected);
  }

  @Test
  void namesAreCaseInsensitiveAndOnlyForMonthsAndWeekdays() throws CronParseException {
    assertThat(FieldExpressions.field("JAN-Mar", FieldBounds.MONTHS)).isEqualTo(0b1110);
    assertThat(FieldExpressions.field("sun,SAT", FieldBounds.DAYS_OF_WEEK)).isEqualTo(0b1000001);
    assertThat(FieldExpressions.field("mon-fri/2", FieldBounds.DAYS_OF_WEEK)).isEqualTo(0b101010);
    assertThatThrownBy(() -> FieldExpressions.field("7", FieldBounds.DAYS_OF_WEEK))
        .hasMessage("end of range (7) above maximum (6): 7");
    assertThatThrownBy(() -> FieldExpressions.field("jan", FieldBounds.MINUTES))
        .hasMessage("failed to parse int from jan: strconv.Atoi: parsing \"jan\": invalid syntax");
  }
}
