package org.opengms.testing;

import java.security.PublicKey;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Behaves like the APNs provider API (HTTP/2 over TLS): POST /3/device/&lt;token&gt; with a bearer
 * ES256 provider token (verified against the test key's public half: kid, iss, iat younger than an
 * hour, else 403 InvalidProviderToken/ExpiredProviderToken), an apns-topic (else 400 MissingTopic);
 * then answers 200, or what the test stubbed for that device token. Connector 0 is the production
 * endpoint, 1 the sandbox.
 */
public final class ApnsStandIn implements AutoCloseable {

  public static final String KEY_ID = "ITKEY12345";
  public static final String TEAM_ID = "ITTEAM0001";

  private final Http2StandIn server = new Http2StandIn(2);
  private final PublicKey key = JwtCheck.publicKey("push/AuthKey_ITKEY12345.pub.pem", "EC");
  private final Map<String, Stub> stubs = new ConcurrentHashMap<>();
  private final Set<String> tokensSeen = ConcurrentHashMap.newKeySet();
  // a token is verified once, as APNs does: a signature check per request would make the
  // stand-in, not the server, the bottleneck of bench/push.sh
  private final Map<String, JwtCheck.Verified> verified = new ConcurrentHashMap<>();

  /** Answers {@code failures} times with status/reason, then 200. */
  private record Stub(int status, String reason, AtomicInteger failuresLeft) {}

  public ApnsStandIn() {
    server.answer(this::answer);
  }

  private Http2StandIn.Reply answer(Http2StandIn.Received r) {
    if (!r.method().equals("POST") || !r.path().startsWith("/3/device/")) {
      return new Http2StandIn.Reply(404, "{\"reason\":\"BadPath\"}");
    }
    String auth = r.header("authorization");
    JwtCheck.Verified jwt =
        auth != null && auth.startsWith("bearer ")
            ? verified.computeIfAbsent(auth, a -> JwtCheck.verify(a.substring(7), key))
            : null;
    if (jwt == null
        || !KEY_ID.equals(jwt.header().get("kid"))
        || !TEAM_ID.equals(jwt.claims().get("iss"))
        || !(jwt.claims().get("iat") instanceof Number)) {
      return new Http2StandIn.Reply(403, "{\"reason\":\"InvalidProviderToken\"}");
    }
    long iat = ((Number) jwt.claims().get("iat")).longValue();
    if (Instant.now().getEpochSecond() - iat > 3600) {
      return new Http2StandIn.Reply(403, "{\"reason\":\"ExpiredProviderToken\"}");
    }
    tokensSeen.add(auth);
    if (r.header("apns-topic") == null) {
      return new Http2StandIn.Reply(400, "{\"reason\":\"MissingTopic\"}");
    }
    Stub stub = stubs.get(r.path().substring("/3/device/".length()));
    if (stub != null && stub.failuresLeft().getAndDecrement() > 0) {
      return new Http2StandIn.Reply(stub.status(), "{\"reason\":\"" + stub.reason() + "\"}");
    }
    return new Http2StandIn.Reply(200, "");
  }

  /** The next {@code times} requests for {@code deviceToken} get this answer. */
  public void stub(String deviceToken, int status, String reason, int times) {
    stubs.put(deviceToken, new Stub(status, reason, new AtomicInteger(times)));
  }

  public Http2StandIn server() {
    return server;
  }

  /** Distinct provider tokens accepted so far. */
  public int providerTokensSeen() {
    return tokensSeen.size();
  }

  public PublicKey key() {
    return key;
  }

  @Override
  public void close() {
    server.close();
  }
}
