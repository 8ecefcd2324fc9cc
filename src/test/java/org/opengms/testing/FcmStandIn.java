package org.opengms.testing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Behaves like Google's OAuth2 token endpoint (POST /token, JWT bearer grant: the RS256 assertion
 * is verified against the test service account's public key, with iss, aud, scope and a lifetime of
 * at most an hour) and FCM HTTP v1 (POST /v1/projects/opengms-it/messages:send with an issued
 * access token, else 401 UNAUTHENTICATED); answers 200, or what the test stubbed for a token.
 */
public final class FcmStandIn implements AutoCloseable {

  public static final String CLIENT_EMAIL = "gms-push@opengms-it.iam.gserviceaccount.com";
  public static final String SEND_PATH = "/v1/projects/opengms-it/messages:send";

  private final Http2StandIn server = new Http2StandIn(1);
  private final PublicKey key = JwtCheck.publicKey("push/fcm-service-account.pub.pem", "RSA");
  private final Set<String> issued = ConcurrentHashMap.newKeySet();
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private final Map<String, Stub> stubs = new ConcurrentHashMap<>();

  private record Stub(int status, String json, AtomicInteger failuresLeft) {}

  public FcmStandIn() {
    server.answer(this::answer);
  }

  private Http2StandIn.Reply answer(Http2StandIn.Received r) {
    if (r.path().equals("/token")) {
      return token(r);
    }
    if (!r.path().equals(SEND_PATH)) {
      return new Http2StandIn.Reply(404, error(404, "NOT_FOUND", "no such path", null));
    }
    String auth = r.header("authorization");
    if (auth == null || !auth.startsWith("Bearer ") || !issued.contains(auth.substring(7))) {
      return new Http2StandIn.Reply(401, error(401, "UNAUTHENTICATED", "bad token", null));
    }
    Object message = Json.object(r.body()).get("message");
    Object token = message instanceof Map<?, ?> m ? m.get("token") : null;
    if (!(token instanceof String t)) {
      return new Http2StandIn.Reply(400, error(400, "INVALID_ARGUMENT", "no token", null));
    }
    Stub stub = stubs.get(t);
    if (stub != null && stub.failuresLeft().getAndDecrement() > 0) {
      return new Http2StandIn.Reply(stub.status(), stub.json());
    }
    return new Http2StandIn.Reply(200, "{\"name\":\"projects/opengms-it/messages/1\"}");
  }

  private Http2StandIn.Reply token(Http2StandIn.Received r) {
    tokenRequests.incrementAndGet();
    Map<String, String> form = new HashMap<>();
    for (String pair : r.body().split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(
            pair.substring(0, eq),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    JwtCheck.Verified jwt = JwtCheck.verify(form.get("assertion"), key);
    long now = Instant.now().getEpochSecond();
    boolean valid =
        "urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type"))
            && jwt != null
            && CLIENT_EMAIL.equals(jwt.claims().get("iss"))
            && ("https://127.0.0.1:" + server.port(0) + "/token").equals(jwt.claims().get("aud"))
            && String.valueOf(jwt.claims().get("scope")).contains("firebase.messaging")
            && jwt.claims().get("iat") instanceof Number iat
            && jwt.claims().get("exp") instanceof Number exp
            && Math.abs(iat.longValue() - now) < 300
            && exp.longValue() - iat.longValue() <= 3600;
    if (!valid) {
      return new Http2StandIn.Reply(400, "{\"error\":\"invalid_grant\"}");
    }
    String accessToken = "ya29.it-" + tokenRequests.get();
    issued.add(accessToken);
    return new Http2StandIn.Reply(
        200,
        "{\"access_token\":\"" + accessToken + "\",\"expires_in\":3599,\"token_type\":\"Bearer\"}");
  }

  /** An FCM v1 error body; {@code errorCode} (FcmError) and a fieldViolation on the token. */
  public static String error(int code, String status, String message, String errorCode) {
    String details =
        errorCode == null
            ? "[]"
            : "[{\"@type\":\"type.googleapis.com/google.firebase.fcm.v1.FcmError\",\"errorCode\":\""
                + errorCode
                + "\"}"
                + (status.equals("INVALID_ARGUMENT")
                    ? ",{\"@type\":\"type.googleapis.com/google.rpc.BadRequest\",\"fieldViolations\":"
                        + "[{\"field\":\"message.token\",\"description\":\"Invalid registration token\"}]}"
                    : "")
                + "]";
    return "{\"error\":{\"code\":"
        + code
        + ",\"message\":\""
        + message
        + "\",\"status\":\""
        + status
        + "\",\"details\":"
        + details
        + "}}";
  }

  /** The next {@code times} sends to {@code token} get this answer. */
  public void stub(String token, int status, String json, int times) {
    stubs.put(token, new Stub(status, json, new AtomicInteger(times)));
  }

  public int tokenRequests() {
    return tokenRequests.get();
  }

  public Http2StandIn server() {
    return server;
  }

  @Override
  public void close() {
    server.close();
  }
}
