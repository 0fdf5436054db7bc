package dev.tributary.api.sources.sinkbinding;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tributary.api.duck.SourceStatus;

/**
 * A SinkBinding's status: the shared source status plus the name of the Secret holding its OIDC
 * token (set only when OIDC authentication is on, which Tributary never turns on). Changed through
 * {@link SinkBindingLifecycle}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class SinkBindingStatus extends SourceStatus {
  private String oidcTokenSecretName;

  public String getOidcTokenSecretName() {
    return oidcTokenSecretName;
  }

  public void setOidcTokenSecretName(String oidcTokenSecretName) {
    this.oidcTokenSecretName = oidcTokenSecretName;
  }

  /** A deep copy; changing either afterwards does not affect the other. */
  public SinkBindingStatus copy() {
    SinkBindingStatus copy = new SinkBindingStatus();
    copy.copyFrom(this);
    copy.setOidcTokenSecretName(oidcTokenSecretName);
    return copy;
  }
}
