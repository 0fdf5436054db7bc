package dev.tributary.api.sources.ping;

import dev.tributary.api.cron.CronParseException;
import dev.tributary.api.cron.CronParser;
import dev.tributary.api.duck.SourceSpecValidation;
import dev.tributary.api.gojson.GoJsonUnmarshal;
import dev.tributary.api.validation.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * PingSource validation (v1, and v1beta2 which shares its spec), as upstream's {@code
 * PingSourceSpec.Validate}: every error is collected with its path and upstream's message.
 *
 * <ul>
 *   <li>{@code @every} anywhere in the schedule is rejected ("unsupported descriptor @every").
 *   <li>The schedule, prefixed with {@code CRON_TZ=<timezone> } when a timezone is set, must parse
 *       with robfig/cron's SecondOptional|Minute|Hour|Dom|Month|Dow|Descriptor parser; an unknown
 *       zone is reported at {@code spec.timezone}, any other parse error at {@code spec.schedule}.
 *   <li>{@code data} and {@code dataBase64} are exclusive; the one set must fit the size limit of
 *       {@link PingDefaultsConfig}; {@code dataBase64} must be Go-valid base64; with {@code
 *       contentType: application/json} the payload must be a JSON object.
 *   <li>The shared fields: sink, ceOverrides and Tributary's delivery.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class PingSourceValidation {

  /** The only content type whose payload is checked (cloudevents' ApplicationJSON). */
  public static final String APPLICATION_JSON = "application/json";

  private PingSourceValidation() {}

  /** Errors of {@code source}, with paths from {@code spec.}, with no payload size limit. */
  public static FieldError validate(PingSource source) {
    return validate(source, PingDefaultsConfig.DEFAULT);
  }

  /** Errors of {@code source}, with paths from {@code spec.}, under {@code config}'s limit. */
  public static FieldError validate(PingSource source, PingDefaultsConfig config) {
    return validateSpec(source.getSpec(), config).viaField("spec");
  }

  /** Errors of {@code spec} (null is taken as empty), with paths relative to it. */
  public static FieldError validateSpec(PingSourceSpec spec, PingDefaultsConfig config) {
    PingSourceSpec s = spec == null ? PingSourceSpec.EMPTY : spec;
    return validateSchedule(s.schedule(), s.timezone())
        .also(validatePayload(s, config))
        .also(SourceSpecValidation.validate(s));
  }

  private static FieldError validateSchedule(String schedule, String timezone) {
    FieldError errs = FieldError.NONE;
    if (CronParser.containsEveryDescriptor(schedule)) {
      errs = FieldError.invalidValue("unsupported descriptor @every", "schedule");
    }
    String effective = timezone.isEmpty() ? schedule : "CRON_TZ=" + timezone + " " + schedule;
    try {
      CronParser.KNATIVE.parse(effective);
    } catch (CronParseException e) {
      String field = e.isBadLocation() ? "timezone" : "schedule";
      errs = errs.also(FieldError.invalidValue(e.getMessage(), field));
    }
    return errs;
  }

  private static FieldError validatePayload(PingSourceSpec s, PingDefaultsConfig config) {
    String data = s.data();
    String dataBase64 = s.dataBase64();
    if (!data.isEmpty() && !dataBase64.isEmpty()) {
      return FieldError.multipleOneOf("data", "dataBase64");
    }
    FieldError errs = FieldError.NONE;
    if (!dataBase64.isEmpty()) {
      errs = errs.also(checkSize("dataBase64", dataBase64, config));
      byte[] decoded;
      try {
        decoded = GoBase64.decode(dataBase64);
      } catch (GoBase64.CorruptInputException e) {
        return errs.also(FieldError.invalidValue(e.getMessage(), "dataBase64"));
      }
      errs = errs.also(checkJson("dataBase64", decoded, s.contentType()));
    } else if (!data.isEmpty()) {
      errs = errs.also(checkSize("data", data, config));
      errs = errs.also(checkJson("data", data.getBytes(StandardCharsets.UTF_8), s.contentType()));
    }
    return errs;
  }

  private static FieldError checkSize(String field, String value, PingDefaultsConfig config) {
    // Go measures the string in bytes.
    long size = value.getBytes(StandardCharsets.UTF_8).length;
    if (!config.exceeds(size)) {
      return FieldError.NONE;
    }
    return FieldError.invalidValue(
        "the "
            + field
            + " length of "
            + size
            + " bytes exceeds limit set at "
            + config.dataMaxSize()
            + ".",
        field);
  }

  private static FieldError checkJson(String field, byte[] payload, String contentType) {
    if (!APPLICATION_JSON.equals(contentType)) {
      return FieldError.NONE;
    }
    Optional<String> error = GoJsonUnmarshal.objectError(payload);
    return error.map(e -> FieldError.invalidValue(e, field)).orElse(FieldError.NONE);
  }
}
