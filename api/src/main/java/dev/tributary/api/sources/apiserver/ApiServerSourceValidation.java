package dev.tributary.api.sources.apiserver;

import dev.tributary.api.duck.SourceSpecValidation;
import dev.tributary.api.filter.SubscriptionsAPIFilterValidation;
import dev.tributary.api.validation.FieldError;
import java.util.List;

/**
 * Validation of ApiServerSource, as upstream's {@code ApiServerSource.Validate}, collecting every
 * error with its full path and upstream's message:
 *
 * <ul>
 *   <li>{@code spec.mode} must be {@code Reference} or {@code Resource}, case-sensitive ({@code
 *       invalid value: <mode>}; an empty mode is invalid too, so validate after defaulting);
 *   <li>{@code spec.resources} must hold at least one entry ({@code missing field(s)}); each
 *       entry's {@code apiVersion} must parse as a group/version ({@code invalid value:
 *       <apiVersion>}; as upstream only more than one {@code /} fails, so an empty apiVersion
 *       passes) and its {@code kind} must not be blank ({@code missing field(s)});
 *   <li>{@code spec.owner}, when set, follows the same two rules;
 *   <li>{@code spec.sink}, {@code spec.ceOverrides} and Tributary's {@code spec.delivery} as every
 *       source ({@link SourceSpecValidation});
 *   <li>{@code spec.filters} with the CloudEvents Subscriptions API rules ({@link
 *       SubscriptionsAPIFilterValidation}).
 * </ul>
 *
 * <p><b>Deviation from upstream, on purpose:</b> upstream rejects any non-empty {@code filters}
 * with "Filters is not empty but the NewAPIServerFilters feature is disabled." unless the {@code
 * new-apiserversource-filters} feature flag is on (it is off by default), and validates them only
 * then. Tributary supports filters without a flag, so it always validates them as upstream does
 * with the flag on (less CESQL, which it rejects as unsupported; see {@link
 * SubscriptionsAPIFilterValidation}).
 *
 * <p>Label selectors ({@code resources[].selector}, {@code namespaceSelector}) are not validated,
 * as upstream.
 *
 * <p>Pure and thread-safe.
 */
public final class ApiServerSourceValidation {
  private static final ApiServerSourceSpec EMPTY_SPEC =
      new ApiServerSourceSpec(null, null, null, null, null, null, null, null, null);

  private ApiServerSourceValidation() {}

  /** Every error of {@code source}, with paths starting at {@code spec.}. */
  public static FieldError validate(ApiServerSource source) {
    return validate(source.getSpec()).viaField("spec");
  }

  /** Every error of {@code spec}, with paths relative to it; a null spec is an empty one. */
  public static FieldError validate(ApiServerSourceSpec spec) {
    ApiServerSourceSpec s = spec == null ? EMPTY_SPEC : spec;
    FieldError errs = validateMode(s.mode());
    errs = errs.also(validateResources(s.resources()));
    if (s.owner() != null) {
      errs =
          errs.also(
              validateApiVersionKind(s.owner().apiVersion(), s.owner().kind()).viaField("owner"));
    }
    return errs.also(SourceSpecValidation.validate(s))
        .also(SubscriptionsAPIFilterValidation.validateList(s.filters()).viaField("filters"));
  }

  private static FieldError validateMode(String mode) {
    if (ApiServerSourceSpec.MODE_REFERENCE.equals(mode)
        || ApiServerSourceSpec.MODE_RESOURCE.equals(mode)) {
      return FieldError.NONE;
    }
    return FieldError.invalidValue(mode == null ? "" : mode, "mode");
  }

  private static FieldError validateResources(List<ApiVersionKindSelector> resources) {
    if (resources.isEmpty()) {
      return FieldError.missingField("resources");
    }
    FieldError errs = FieldError.NONE;
    for (int i = 0; i < resources.size(); i++) {
      ApiVersionKindSelector r = resources.get(i);
      errs =
          errs.also(validateApiVersionKind(r.apiVersion(), r.kind()).viaFieldIndex("resources", i));
    }
    return errs;
  }

  private static FieldError validateApiVersionKind(String apiVersion, String kind) {
    FieldError errs = FieldError.NONE;
    if (!GroupVersion.isValid(apiVersion)) {
      errs = errs.also(FieldError.invalidValue(apiVersion, "apiVersion"));
    }
    if (isBlank(kind)) {
      errs = errs.also(FieldError.missingField("kind"));
    }
    return errs;
  }

  /** Go's {@code strings.TrimSpace(s) == ""}: only Unicode white space (unicode.IsSpace). */
  private static boolean isBlank(String s) {
    return s.codePoints().allMatch(ApiServerSourceValidation::isGoSpace);
  }

  private static boolean isGoSpace(int c) {
    return switch (c) {
      case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0 -> true;
      default -> c > 0xFF && Character.isSpaceChar(c);
    };
  }
}
