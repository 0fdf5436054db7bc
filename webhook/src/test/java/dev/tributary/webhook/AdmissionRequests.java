package dev.tributary.webhook;

import io.fabric8.kubernetes.api.model.GroupVersionKind;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionRequest;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionRequestBuilder;
import io.fabric8.kubernetes.api.model.authentication.UserInfoBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Map;

/** AdmissionRequests for tests, with objects given as JSON text (as an API server sends them). */
public final class AdmissionRequests {
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  private AdmissionRequests() {}

  /** A request for {@code operation} of {@code object} (JSON) of {@code version}/{@code kind}. */
  public static AdmissionRequest of(
      String operation, String version, String kind, String objectJson, String oldJson) {
    Object object = objectJson == null ? null : JSON.unmarshal(objectJson, Map.class);
    Object old = oldJson == null ? null : JSON.unmarshal(oldJson, Map.class);
    return new AdmissionRequestBuilder()
        .withUid("uid-1")
        .withOperation(operation)
        .withKind(new GroupVersionKind("sources.knative.dev", kind, version))
        .withNamespace("ns")
        .withName("x")
        .withObject(object)
        .withOldObject(old)
        .withUserInfo(new UserInfoBuilder().withUsername("alice").build())
        .build();
  }

  public static AdmissionRequest create(String version, String kind, String objectJson) {
    return of("CREATE", version, kind, objectJson, null);
  }
}
