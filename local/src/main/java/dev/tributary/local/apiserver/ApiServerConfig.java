package dev.tributary.local.apiserver;

import dev.tributary.local.apiserver.defaults.ServiceIpRange;
import dev.tributary.local.security.ServingCertificate;
import dev.tributary.local.security.TokenAuthenticator;
import dev.tributary.local.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run an {@link ApiServer}.
 *
 * @param host the address to bind; loopback only ({@code 127.0.0.1}) for the local cluster
 * @param port the port, 0 for any free one
 * @param certificate the TLS serving certificate
 * @param authenticator maps bearer tokens to users
 * @param store where objects live; owned by the caller, who closes it after the server
 * @param clock what timestamps and ages are taken from
 * @param extensions the pluggable parts
 * @param bookmarkInterval how often watches that allow bookmarks get one
 * @param serviceIpRange where Service cluster IPs come from ({@link
 *     ServiceIpRange#LOOPBACK_DEFAULT} by default)
 */
public record ApiServerConfig(
    String host,
    int port,
    ServingCertificate certificate,
    TokenAuthenticator authenticator,
    Store store,
    Clock clock,
    ApiExtensions extensions,
    Duration bookmarkInterval,
    ServiceIpRange serviceIpRange) {

  public ApiServerConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(authenticator, "authenticator");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(extensions, "extensions");
    Objects.requireNonNull(serviceIpRange, "serviceIpRange");
    if (bookmarkInterval.isNegative() || bookmarkInterval.isZero()) {
      throw new IllegalArgumentException("bookmarkInterval must be positive: " + bookmarkInterval);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /** How often a watch gets a BOOKMARK by default. */
  public static final Duration DEFAULT_BOOKMARK_INTERVAL = Duration.ofSeconds(10);

  /** Loopback, the system clock and every default extension. */
  public static ApiServerConfig loopback(
      int port, ServingCertificate certificate, TokenAuthenticator authenticator, Store store) {
    return new ApiServerConfig(
        "127.0.0.1",
        port,
        certificate,
        authenticator,
        store,
        Clock.systemUTC(),
        ApiExtensions.defaults(),
        DEFAULT_BOOKMARK_INTERVAL,
        ServiceIpRange.parse(ServiceIpRange.LOOPBACK_DEFAULT));
  }

  public ApiServerConfig withExtensions(ApiExtensions value) {
    return new ApiServerConfig(
        host,
        port,
        certificate,
        authenticator,
        store,
        clock,
        value,
        bookmarkInterval,
        serviceIpRange);
  }

  public ApiServerConfig withClock(Clock value) {
    return new ApiServerConfig(
        host,
        port,
        certificate,
        authenticator,
        store,
        value,
        extensions,
        bookmarkInterval,
        serviceIpRange);
  }

  public ApiServerConfig withBookmarkInterval(Duration value) {
    return new ApiServerConfig(
        host, port, certificate, authenticator, store, clock, extensions, value, serviceIpRange);
  }

  public ApiServerConfig withServiceIpRange(ServiceIpRange value) {
    return new ApiServerConfig(
        host, port, certificate, authenticator, store, clock, extensions, bookmarkInterval, value);
  }
}
