package org.opengms.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opengms.testing.ApiAssertions.assertOkJson;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengms.testing.CometClient;
import org.opengms.testing.Deployments;
import org.opengms.testing.Http;
import org.opengms.testing.Json;

/**
 * The bad-input corpus ({@link BadInputCorpus}) over every API: no answer is a 500, every refusal
 * is a 4xx in the API's error shape with a message in our words (no Java type names), the resources
 * the refused requests aimed at are unchanged, and the server is healthy after.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadInputIT {

  private static final Pattern JAVA_NAME =
      Pattern.compile("java\\.|jakarta\\.|javax\\.|Exception|org\\.(?!opengms)|\\$");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL base;

  @Test
  void shouldRefuseEveryBadRequestCleanlyAndChangeNothing() {
    Http http = new Http(base);
    String storage =
        (String) assertOkJson(http.postForm("1/storage/3600", Map.of("Key1", "Value1"))).get("id");
    String desired =
        Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    String callback =
        (String)
            assertOkJson(
                    http.post(
                        "1/service/callback/cb-builtin",
                        "application/json",
                        "{\"_customer_number\":\"5550199\",\"_desired_time\":\"" + desired + "\"}"))
                .get("_id");
    String chatService =
        (String) assertOkJson(http.postForm("1/service/request-chat", Map.of())).get("_id");

    Map<String, String> before = state(http, storage, callback);

    List<BadInputCase> corpus = new ArrayList<>();
    corpus.addAll(BadInputCorpus.storage(storage));
    corpus.addAll(BadInputCorpus.notification());
    corpus.addAll(BadInputCorpus.callbacks("cb-builtin", callback, desired));
    corpus.addAll(BadInputCorpus.chat(chatService));
    corpus.addAll(BadInputCorpus.others());
    assertTrue(corpus.size() >= 200, "the corpus has " + corpus.size() + " requests");

    List<String> failures = new ArrayList<>();
    for (BadInputCase c : corpus) {
      HttpResponse<String> answer = http.send(c.request(http.uri(c.path())));
      String problem = problem(c, answer);
      if (problem != null) {
        failures.add(c + ": " + problem);
      }
    }
    for (String bayeux : BAYEUX) {
      HttpResponse<String> answer =
          http.send(
              java.net.http.HttpRequest.newBuilder(http.uri("cometd"))
                  .header("Content-Type", "application/json")
                  .header("gms_user", "bad-input")
                  .POST(java.net.http.HttpRequest.BodyPublishers.ofString(bayeux)));
      boolean bayeuxError =
          answer.statusCode() >= 400
              && answer.statusCode() < 500
              && answer.body().contains("\"successful\":false");
      if (!bayeuxError) {
        failures.add(
            "CometD "
                + abbreviate(bayeux)
                + ": "
                + answer.statusCode()
                + " "
                + abbreviate(answer.body()));
      }
    }
    assertEquals(List.of(), failures, failures.size() + " of " + corpus.size() + " requests");

    assertEquals(before, state(http, storage, callback), "refused requests changed nothing");
    assertEquals("ONLINE", http.get("1/admin/node/status").body());
    try (CometClient comet =
        CometClient.create(base, CometClient.Transport.LONG_POLLING, "bad-input-after", false)) {
      assertTrue(comet.handshake().isSuccessful(), "CometD still answers");
    }
    assertOkJson(http.postForm("1/storage/60", Map.of("after", "ok")));
  }

  /** Long-polling bodies CometD must answer with a Bayeux error (4xx). */
  private static final List<String> BAYEUX =
      List.of(
          "[{\"channel\":5}]",
          "[{\"channel\":\"/meta/handshake\",\"advice\":{\"timeout\":\"x\"}}]",
          "[{\"channel\":\"/meta/handshake\",\"ext\":" + BadInputCorpus.DEEP_OBJECT + "}]",
          "[{\"channel\":\"/meta/handshake\",\"ext\":{\"p\":\"" + BadInputCorpus.HUGE + "\"}}]",
          BadInputCorpus.DEEP_ARRAY,
          "{",
          "[]");

  /** What is wrong with the answer, or null. */
  private static String problem(BadInputCase c, HttpResponse<String> answer) {
    int status = answer.statusCode();
    if (status >= 500) {
      return "answered " + status + ": " + abbreviate(answer.body());
    }
    if (status < 400) {
      return c.mustRefuse() ? "accepted (" + status + "): " + abbreviate(answer.body()) : null;
    }
    if (!answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
      return status + " not in the error shape: " + abbreviate(answer.body());
    }
    Map<String, Object> body;
    try {
      body = Json.object(answer.body());
    } catch (RuntimeException e) {
      return status + " with a body that is not a JSON object: " + abbreviate(answer.body());
    }
    if (!(body.get("message") instanceof String message) || message.isBlank()) {
      return status + " without a message: " + abbreviate(answer.body());
    }
    if (!(body.get("exception") instanceof String exception)
        || !exception.startsWith("org.opengms.")) {
      return status + " without our exception name: " + abbreviate(answer.body());
    }
    if (JAVA_NAME.matcher(message).find()) {
      return status + " message names Java types: " + abbreviate(message);
    }
    return null;
  }

  private static Map<String, String> state(Http http, String storage, String callback) {
    Map<String, String> state = new LinkedHashMap<>();
    state.put("storage", http.get("1/storage/" + storage).body());
    state.put("callback", http.get("1/service/callback?_id=" + callback).body());
    return state;
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }
}
