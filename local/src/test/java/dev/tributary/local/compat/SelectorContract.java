package dev.tributary.local.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Label selectors (=, !=, in, notin, exists, !exists), field selectors, limit/continue paging. */
public abstract class SelectorContract extends ApiServerContract {

  private static final int PAGED = 23;

  @BeforeAll
  void labelledObjects() {
    create("web-front", Map.of("app", "web", "tier", "front"));
    create("web-back", Map.of("app", "web", "tier", "back"));
    create("db", Map.of("app", "db", "tier", "back"));
    create("cache", Map.of("app", "cache"));
    create("plain", Map.of());
    for (int i = 0; i < PAGED; i++) {
      create(String.format("page-%02d", i), Map.of("paged", "yes"));
    }
  }

  /**
   * Creates {@code name} with {@code labels} plus set=sel, which negative selectors add so that
   * objects the server makes itself (kube-root-ca.crt on a real cluster) stay out.
   */
  private void create(String name, Map<String, String> labels) {
    Map<String, String> all = new HashMap<>(labels);
    all.put("set", "sel");
    admin.configMaps().inNamespace(ns).resource(configMap(name, all, Map.of())).create();
  }

  private FilterWatchListDeletable<ConfigMap, ConfigMapList, Resource<ConfigMap>> configMaps() {
    return admin.configMaps().inNamespace(ns);
  }

  private static List<String> names(ConfigMapList list) {
    return list.getItems().stream().map(c -> c.getMetadata().getName()).sorted().toList();
  }

  private List<String> withSelector(String selector) {
    return names(configMaps().list(new ListOptionsBuilder().withLabelSelector(selector).build()));
  }

  @Test
  void equalityAndInequality() {
    assertThat(names(configMaps().withLabel("app", "web").list()))
        .containsExactly("web-back", "web-front");
    assertThat(withSelector("app==web,tier=back")).containsExactly("web-back");
    // != also matches objects without the label, as in Kubernetes.
    assertThat(withSelector("app!=web,paged!=yes,set=sel")).containsExactly("cache", "db", "plain");
  }

  @Test
  void setBasedSelectors() {
    assertThat(names(configMaps().withLabelIn("app", "db", "cache").list()))
        .containsExactly("cache", "db");
    assertThat(withSelector("app notin (web,db),paged notin (yes),set=sel"))
        .containsExactly("cache", "plain");
    assertThat(withSelector("tier in (back),app notin (db)")).containsExactly("web-back");
  }

  @Test
  void existenceSelectors() {
    assertThat(names(configMaps().withLabel("tier").list()))
        .containsExactly("db", "web-back", "web-front");
    assertThat(withSelector("app,!tier")).containsExactly("cache");
  }

  @Test
  void anInvalidLabelSelectorIs400BadRequest() {
    KubernetesClientException error = failure(() -> withSelector("app in web"));

    assertThat(error.getCode()).isEqualTo(400);
    assertThat(error.getStatus().getReason()).isEqualTo("BadRequest");
  }

  @Test
  void fieldSelectorsOnNameAndNamespace() {
    assertThat(names(configMaps().withField("metadata.name", "db").list())).containsExactly("db");
    assertThat(
            names(
                configMaps().withoutField("metadata.name", "db").withLabel("tier", "back").list()))
        .containsExactly("web-back");
    assertThat(
            names(
                admin
                    .configMaps()
                    .inAnyNamespace()
                    .withField("metadata.namespace", ns)
                    .withLabel("app")
                    .list()))
        .containsExactly("cache", "db", "web-back", "web-front");
  }

  @Test
  void anUnsupportedFieldSelectorIs400BadRequest() {
    KubernetesClientException error =
        failure(() -> configMaps().withField("spec.nothing", "x").list());

    assertThat(error.getCode()).isEqualTo(400);
    assertThat(error.getStatus().getReason()).isEqualTo("BadRequest");
    assertThat(error.getStatus().getMessage()).isEqualTo("field label not supported: spec.nothing");
  }

  @Test
  void limitAndContinuePageThroughEveryObjectOnce() {
    List<String> seen = new ArrayList<>();
    Set<String> continues = new HashSet<>();
    String token = null;
    int pages = 0;
    do {
      ConfigMapList page =
          configMaps()
              .list(
                  new ListOptionsBuilder()
                      .withLabelSelector("paged=yes")
                      .withLimit(5L)
                      .withContinue(token)
                      .build());
      // A server may return fewer items than the limit (a selector filters after paging);
      // only the continue token says whether more follow.
      assertThat(page.getItems()).hasSizeLessThanOrEqualTo(5);
      page.getItems().forEach(c -> seen.add(c.getMetadata().getName()));
      token = page.getMetadata().getContinue();
      if (token != null && !token.isEmpty()) {
        assertThat(continues.add(token)).as("a new continue token per page").isTrue();
      }
      pages++;
    } while (token != null && !token.isEmpty() && pages < 50);

    assertThat(pages).isGreaterThanOrEqualTo(5);
    assertThat(seen).hasSize(PAGED).doesNotHaveDuplicates();
    assertThat(seen).isSorted();
  }

  @Test
  void aLimitedListWithoutSelectorFillsThePageAndCountsTheRemainingItems() {
    ConfigMapList first = configMaps().list(new ListOptionsBuilder().withLimit(4L).build());

    assertThat(first.getItems()).hasSize(4);
    assertThat(first.getMetadata().getContinue()).isNotBlank();
    int all = configMaps().list().getItems().size();
    assertThat(first.getMetadata().getRemainingItemCount()).isEqualTo(all - 4L);
  }
}
