package dev.tributary.api.sources.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.api.duck.Destination;
import dev.tributary.api.duck.KReference;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiServerSourceDefaultsTest {
  private static final List<ApiVersionKindSelector> EVENTS =
      List.of(ApiVersionKindSelector.of("v1", "Event"));

  private static ApiServerSourceSpec spec(Destination sink, String mode, String sa) {
    return new ApiServerSourceSpec(sink, null, EVENTS, null, mode, sa, null, null, null);
  }

  @Test
  void fillsModeServiceAccountAndSinkNamespace() {
    ApiServerSourceSpec in =
        spec(Destination.ofRef(KReference.of("v1", "Service", null, "event-display")), null, "");
    ApiServerSourceSpec out = ApiServerSourceDefaults.apply(in, "default");
    assertThat(out.mode()).isEqualTo("Reference");
    assertThat(out.serviceAccountName()).isEqualTo("default");
    assertThat(out.sink().ref().namespace()).isEqualTo("default");
    assertThat(out.resources()).isEqualTo(EVENTS);
    // The input is untouched.
    assertThat(in.mode()).isNull();
    assertThat(in.serviceAccountName()).isEmpty();
    assertThat(in.sink().ref().namespace()).isNull();
  }

  @Test
  void keepsWhatIsSet() {
    ApiServerSourceSpec in =
        spec(
            Destination.ofRef(KReference.of("v1", "Service", "other", "event-display")),
            "Resource",
            "events-sa");
    ApiServerSourceSpec out = ApiServerSourceDefaults.apply(in, "default");
    assertThat(out).isEqualTo(in);
  }

  @Test
  void isIdempotent() {
    ApiServerSourceSpec once =
        ApiServerSourceDefaults.apply(
            spec(Destination.ofRef(KReference.of("v1", "Service", null, "s")), null, null), "ns");
    assertThat(ApiServerSourceDefaults.apply(once, "ns")).isEqualTo(once);
  }

  @Test
  void leavesUriSinksAndMissingNamespacesAlone() {
    Destination uri = Destination.ofUri("http://example.com");
    assertThat(ApiServerSourceDefaults.apply(spec(uri, null, null), "ns").sink()).isEqualTo(uri);
    Destination ref = Destination.ofRef(KReference.of("v1", "Service", null, "s"));
    assertThat(ApiServerSourceDefaults.apply(spec(ref, null, null), null).sink()).isEqualTo(ref);
    assertThat(ApiServerSourceDefaults.apply(spec(null, null, null), "ns").sink()).isNull();
  }

  @Test
  void aMissingSpecGetsTheDefaults() {
    ApiServerSourceSpec out = ApiServerSourceDefaults.apply(null, "ns");
    assertThat(out.mode()).isEqualTo("Reference");
    assertThat(out.serviceAccountName()).isEqualTo("default");
  }

  @Test
  void defaultsAResourceWithItsNamespace() {
    ApiServerSource source = new ApiServerSource();
    source.setMetadata(new ObjectMetaBuilder().withName("s").withNamespace("team").build());
    source.setSpec(spec(Destination.ofRef(KReference.of("v1", "Service", null, "x")), null, null));
    assertThat(ApiServerSourceDefaults.apply(source).sink().ref().namespace()).isEqualTo("team");
  }
}
