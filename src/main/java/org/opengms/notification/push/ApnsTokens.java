package org.opengms.notification.push;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * APNs provider authentication tokens (ES256 JWT: kid = key id, iss = team id, iat), one per key,
 * reused for all requests. Apple refuses tokens older than one hour and refreshes more often than
 * every 20 minutes (TooManyProviderTokenUpdates), so a token is replaced when 45 minutes old, or
 * when APNs calls it expired and it is at least 20 minutes old.
 */
@ApplicationScoped
public class ApnsTokens {

  static final Duration REFRESH_AT = Duration.ofMinutes(45);
  static final Duration MIN_LIFE = Duration.ofMinutes(20);

  private final Map<String, Issued> tokens = new ConcurrentHashMap<>();
  private final Clock clock;

  record Issued(String jwt, Instant at) {}

  public ApnsTokens() {
    this(Clock.systemUTC());
  }

  ApnsTokens(Clock clock) {
    this.clock = clock;
  }

  /** The token to send now (issued at most once per key at a time). */
  public String token(ApnsSettings apns) {
    return tokens
        .compute(
            key(apns),
            (k, old) -> old == null || age(old).compareTo(REFRESH_AT) >= 0 ? issue(apns) : old)
        .jwt();
  }

  /** APNs answered ExpiredProviderToken for {@code jwt}. */
  public void expired(ApnsSettings apns, String jwt) {
    tokens.computeIfPresent(
        key(apns),
        (k, old) -> old.jwt().equals(jwt) && age(old).compareTo(MIN_LIFE) >= 0 ? issue(apns) : old);
  }

  private Duration age(Issued issued) {
    return Duration.between(issued.at(), clock.instant());
  }

  private Issued issue(ApnsSettings apns) {
    Instant now = clock.instant();
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("alg", "ES256");
    header.put("kid", apns.keyId());
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", apns.teamId());
    claims.put("iat", now.getEpochSecond());
    return new Issued(Jwt.es256(header, claims, apns.key()), now);
  }

  private static String key(ApnsSettings apns) {
    return apns.teamId() + "/" + apns.keyId();
  }
}
