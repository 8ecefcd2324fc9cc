package org.opengms.notification.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OAuth2 access tokens for FCM from a service account (RFC 7523 JWT bearer grant: an RS256-signed
 * assertion posted to the token URI), cached per account until a minute before they expire. One
 * request at a time per account fetches; the others wait for its token.
 */
@ApplicationScoped
public class FcmTokens {

  static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";
  static final Duration MARGIN = Duration.ofSeconds(60);

  @Inject PushHttp http;

  private final Map<String, Cached> cache = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();
  private final Clock clock = Clock.systemUTC();

  record Cached(String accessToken, Instant expiresAt) {}

  /** A token, or the reason none could be had (as {@link TokenResult#error}). */
  public record TokenResult(String accessToken, String error) {}

  public TokenResult token(FcmSettings fcm) {
    String key = fcm.clientEmail() + " " + fcm.tokenUri();
    Cached cached = cache.get(key);
    if (fresh(cached)) {
      return new TokenResult(cached.accessToken(), null);
    }
    synchronized (locks.computeIfAbsent(key, k -> new Object())) {
      cached = cache.get(key);
      if (fresh(cached)) {
        return new TokenResult(cached.accessToken(), null);
      }
      Instant now = clock.instant();
      String body =
          "grant_type="
              + URLEncoder.encode(
                  "urn:ietf:params:oauth:grant-type:jwt-bearer", StandardCharsets.UTF_8)
              + "&assertion="
              + assertion(fcm, now);
      PushHttp.Answer answer =
          http.send(
              HttpRequest.newBuilder(fcm.tokenUri())
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(body)),
              fcm.tokenUri(),
              fcm.tls());
      if (answer.status() != 200) {
        return new TokenResult(null, "FCM token endpoint: " + answer.describe());
      }
      Map<?, ?> json = Json.object(answer.body());
      if (!(json.get("access_token") instanceof String token)) {
        return new TokenResult(null, "FCM token endpoint: no access_token in its answer");
      }
      long expiresIn = json.get("expires_in") instanceof Number n ? n.longValue() : 3600;
      cache.put(key, new Cached(token, now.plusSeconds(expiresIn)));
      return new TokenResult(token, null);
    }
  }

  /** FCM refused {@code accessToken} (401): fetch a new one next time. */
  public void refused(FcmSettings fcm, String accessToken) {
    cache.computeIfPresent(
        fcm.clientEmail() + " " + fcm.tokenUri(),
        (k, c) -> c.accessToken().equals(accessToken) ? null : c);
  }

  private boolean fresh(Cached cached) {
    return cached != null && clock.instant().isBefore(cached.expiresAt().minus(MARGIN));
  }

  static String assertion(FcmSettings fcm, Instant now) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("alg", "RS256");
    header.put("typ", "JWT");
    if (fcm.privateKeyId() != null) {
      header.put("kid", fcm.privateKeyId());
    }
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", fcm.clientEmail());
    claims.put("scope", SCOPE);
    claims.put("aud", fcm.tokenUri().toString());
    claims.put("iat", now.getEpochSecond());
    claims.put("exp", now.getEpochSecond() + 3600);
    return Jwt.rs256(header, claims, fcm.key());
  }
}
