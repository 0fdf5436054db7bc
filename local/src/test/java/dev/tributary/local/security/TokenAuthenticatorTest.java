package dev.tributary.local.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenAuthenticatorTest {

  @Test
  void readsBearerHeadersAsKubernetesDoes() {
    assertThat(TokenAuthenticator.bearerToken("Bearer abc")).hasValue("abc");
    assertThat(TokenAuthenticator.bearerToken("BEARER abc")).hasValue("abc");
    assertThat(TokenAuthenticator.bearerToken(" Bearer abc \t")).hasValue("abc");
    assertThat(TokenAuthenticator.bearerToken("Bearer abc def")).hasValue("abc");
  }

  @Test
  void anythingElseCarriesNoToken() {
    assertThat(TokenAuthenticator.bearerToken(null)).isEmpty();
    assertThat(TokenAuthenticator.bearerToken("")).isEmpty();
    assertThat(TokenAuthenticator.bearerToken("Bearer")).isEmpty();
    assertThat(TokenAuthenticator.bearerToken("Bearer  abc")).isEmpty();
    assertThat(TokenAuthenticator.bearerToken("Basic YWRtaW46YWRtaW4=")).isEmpty();
    assertThat(TokenAuthenticator.bearerToken("Bearerabc")).isEmpty();
  }
}
