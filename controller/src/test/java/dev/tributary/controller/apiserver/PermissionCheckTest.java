package dev.tributary.controller.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.api.duck.Destination;
import dev.tributary.api.sources.apiserver.ApiServerSourceSpec;
import dev.tributary.api.sources.apiserver.ApiVersionKindSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PermissionCheckTest {

  private final List<String> asked = new ArrayList<>();

  private PermissionCheck allowing(Set<String> allowed) {
    return new PermissionCheck(
        (user, namespace, verb, group, resource) -> {
          String request = user + " " + verb + " " + group + "/" + resource + " in " + namespace;
          asked.add(request);
          return allowed.contains(verb + " " + resource + " in " + namespace);
        });
  }

  private static ApiServerSourceSpec spec(String serviceAccount, ApiVersionKindSelector... res) {
    return new ApiServerSourceSpec(
        Destination.ofUri("http://sink"),
        null,
        List.of(res),
        null,
        "Reference",
        serviceAccount,
        null,
        null,
        null);
  }

  @Test
  void asksEveryVerbForEveryResourceAndNamespaceAsTheServiceAccount() {
    assertThat(
            allowing(Set.of("get events in a", "list events in a", "watch events in a"))
                .denied("src", spec("sa", ApiVersionKindSelector.of("v1", "Event")), List.of("a")))
        .isEmpty();
    assertThat(asked)
        .containsExactly(
            "system:serviceaccount:src:sa get /events in a",
            "system:serviceaccount:src:sa list /events in a",
            "system:serviceaccount:src:sa watch /events in a");
  }

  @Test
  void reportsTheDeniedVerbsInUpstreamsWords() {
    assertThat(
            allowing(Set.of("get deployments in b"))
                .denied(
                    "src",
                    spec(
                        "",
                        ApiVersionKindSelector.of("v1", "Event"),
                        ApiVersionKindSelector.of("apps/v1", "Deployment")),
                    List.of("a", "b")))
        .contains(
            "User system:serviceaccount:src:default cannot get, list, watch resource \"events\" in"
                + " API group \"\" in Namespace \"a\", get, list, watch resource \"events\" in API"
                + " group \"\" in Namespace \"b\", get, list, watch resource \"deployments\" in"
                + " API group \"apps\" in Namespace \"a\", list, watch resource \"deployments\" in"
                + " API group \"apps\" in Namespace \"b\"");
  }

  @Test
  void aSourceWatchingNothingNeedsNothing() {
    assertThat(allowing(Set.of()).denied("src", spec("sa"), List.of("a"))).isEmpty();
    assertThat(asked).isEmpty();
  }
}
