package org.opengms.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opengms.testing.ApiAssertions.assertError;
import static org.opengms.testing.ApiAssertions.assertOkJson;

import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengms.testing.Conditions;
import org.opengms.testing.DataFiles;
import org.opengms.testing.Deployments;
import org.opengms.testing.Http;
import org.opengms.testing.Json;
import org.opengms.testing.Multipart;

/** The Service API and service storage (services of it-gms.ini). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ServiceApiIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL base;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(base);
  }

  @Test
  void shouldAnswerIdOnlyWhenBasicChatCreated() {
    Map<String, Object> body = assertOkJson(http.postForm("1/service/request-chat", Map.of()));

    assertEquals(Set.of("_id"), body.keySet());
  }

  @Test
  void shouldAddCreateUrlWhenVerbose() {
    Map<String, Object> body =
        assertOkJson(http.postForm("1/service/request-chat", Map.of("_verbose", "true")));

    String id = (String) body.get("_id");
    assertEquals("/genesys/1/service/" + id + "/ixn/chat", body.get("_chatIxnAPI-CREATE-URL"));
  }

  @Test
  void shouldCreateServiceWhenPostedWithoutBody() {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(http.uri("1/service/request-chat"))
                .POST(HttpRequest.BodyPublishers.noBody()));

    assertTrue(assertOkJson(response).get("_id") instanceof String);
  }

  @Test
  void shouldGiveAccessNumberAndFreshCodesAndKeepUserDataWhenInteractionCreated() {
    byte[] picture = new byte[5000];
    new Random().nextBytes(picture);
    Map<String, Object> body =
        assertOkJson(
            http.postMultipart(
                "1/service/request-interaction",
                new Multipart()
                    .text("_phone_number", "6504669999")
                    .text("language", "french")
                    .text("current_location_latitude", "48.8583")
                    .file("FileKey", "MyPic.png", "image/png", picture)));

    String id = (String) body.get("_id");
    assertEquals("8003449999", body.get("_access_number"));
    assertTrue(((String) body.get("_access_code")).matches("\\d{4}"), body.toString());

    Map<String, Object> stored = assertOkJson(http.get("1/service/" + id + "/storage"));
    assertEquals(
        Map.of(
            "language", "french",
            "current_location_latitude", "48.8583",
            "FileKey", http.uri("1/service/" + id + "/storage/binary/FileKey").toString()),
        stored,
        "service parameters (_...) are not user data");
    HttpResponse<byte[]> file = http.getBytes("1/service/" + id + "/storage/binary/FileKey");
    assertEquals("image/png", file.headers().firstValue("Content-Type").orElse(""));
    assertArrayEquals(picture, file.body());

    Set<Object> codes = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      codes.add(
          assertOkJson(http.postForm("1/service/request-interaction", Map.of()))
              .get("_access_code"));
    }
    assertEquals(20, codes.size(), "access codes of live services are unique");
  }

  @Test
  void shouldAnswerWaitingWhenChatPollAskedAndNoAgentReady() {
    String available = create("request-chat-poll");
    String waiting = create("chat-poll-waiting");

    assertEquals(
        Map.of("_id", available, "_status", "waiting"),
        assertOkJson(http.postForm("1/service/" + available + "/status", Map.of())));
    assertEquals(
        Map.of("_id", waiting, "_status", "waiting"),
        assertOkJson(
            http.send(
                HttpRequest.newBuilder(http.uri("1/service/" + waiting + "/status"))
                    .POST(HttpRequest.BodyPublishers.noBody()))));
  }

  @Test
  void shouldRefuseRequestsTheServiceDoesNotSupport() {
    String id = create("request-chat");

    assertError(
        http.postForm("1/service/" + id + "/status", Map.of()), 400, "InvalidRequestException");
    assertError(
        http.postForm("1/service/" + id + "/teleport", Map.of()), 400, "InvalidRequestException");
  }

  @Test
  void shouldAnswer404WhenServiceNotConfiguredOrIdUnknown() {
    assertError(
        http.postForm("1/service/no-such-service", Map.of()), 404, "ResourceNotFoundException");
    assertError(
        http.postForm("1/service/no-such-id/status", Map.of()), 404, "ResourceNotFoundException");
    assertError(http.delete("1/service/no-such-id"), 404, "ResourceNotFoundException");
    assertError(http.get("1/service/no-such-id/storage"), 404, "ResourceNotFoundException");
  }

  @Test
  void shouldAnswer501WhenServiceTypeIsNotServedByThisApi() {
    assertError(http.postForm("1/service/external", Map.of()), 501, "GmsException");
  }

  @Test
  void shouldRefuseUserDataOverLimitsAndStoreNothing() {
    assertError(
        http.postMultipart("1/service/request-chat", new Multipart().text("k", "x".repeat(1025))),
        413,
        "PayloadTooLargeException");
    assertError(
        http.post("1/service/request-chat", "application/json", "{}"),
        415,
        "UnsupportedMediaTypeException");
  }

  @Test
  void shouldAnswer415WhenBodyHasNoContentType() {
    String id = create("request-chat-poll");

    assertError(
        http.post("1/service/request-chat", null, "u=data"), 415, "UnsupportedMediaTypeException");
    assertError(
        http.post("1/service/" + id + "/status", null, "u=data"),
        415,
        "UnsupportedMediaTypeException");
    assertError(
        http.post("1/service/" + id + "/storage", null, "u=data"),
        415,
        "UnsupportedMediaTypeException");
  }

  @Test
  void shouldAnswer415WhenServiceStorageWrittenWithoutBody() {
    String id = create("request-chat");

    assertError(
        http.postNothing("1/service/" + id + "/storage"), 415, "UnsupportedMediaTypeException");
  }

  @Test
  void shouldReadWriteAndDeleteServiceStorage() {
    String id =
        (String)
            assertOkJson(
                    http.postForm(
                        "1/service/request-chat", Map.of("Key1", "Value1", "Key2", "Value2")))
                .get("_id");

    assertOkJson(
        http.postMultipart(
            "1/service/" + id + "/storage",
            new Multipart().text("Key2", "Value7").text("Key3", "Value8")));
    assertEquals(
        Map.of("Key1", "Value1", "Key2", "Value7", "Key3", "Value8"),
        assertOkJson(http.get("1/service/" + id + "/storage")));
    assertEquals(
        Map.of("Key1", "Value1"), assertOkJson(http.get("1/service/" + id + "/storage/Key1")));
    assertError(http.get("1/service/" + id + "/storage/nokey"), 404, "ResourceNotFoundException");

    assertOkJson(http.delete("1/service/" + id + "/storage/Key1"));
    assertError(http.get("1/service/" + id + "/storage/Key1"), 404, "ResourceNotFoundException");
    assertError(http.delete("1/service/" + id + "/storage/Key1"), 404, "ResourceNotFoundException");

    assertOkJson(http.delete("1/service/" + id + "/storage"));
    assertEquals(Map.of(), assertOkJson(http.get("1/service/" + id + "/storage")));
    assertError(
        http.postForm("1/service/" + id + "/storage", Map.of("_bad", "x")),
        400,
        "InvalidRequestException");
  }

  @Test
  void shouldEndServiceAndItsStorageWhenDeleted() {
    byte[] content = new byte[3000];
    new Random().nextBytes(content);
    String id =
        (String)
            assertOkJson(
                    http.postMultipart(
                        "1/service/request-chat",
                        new Multipart().file("f", "f.bin", "application/octet-stream", content)))
                .get("_id");
    assertEquals(1, DataFiles.blobsWithContent(content));

    assertOkJson(http.delete("1/service/" + id));

    assertError(http.get("1/service/" + id + "/storage"), 404, "ResourceNotFoundException");
    assertError(
        http.postForm("1/service/" + id + "/status", Map.of()), 404, "ResourceNotFoundException");
    assertEquals(0, DataFiles.blobsWithContent(content));
  }

  @Test
  void shouldExpireServiceAndStorageWithTtl() {
    String id =
        (String) assertOkJson(http.postForm("1/service/short-lived", Map.of("k", "v"))).get("_id");
    assertEquals(Map.of("k", "v"), assertOkJson(http.get("1/service/" + id + "/storage")));

    Conditions.await(
        "service gone after its _ttl of 2 s",
        Duration.ofSeconds(10),
        () -> http.get("1/service/" + id + "/storage").statusCode() == 404);
    assertError(
        http.postForm("1/service/" + id + "/storage", Map.of("k", "w")),
        404,
        "ResourceNotFoundException");
  }

  @Test
  void shouldGiveDifferentIdsToEachService() {
    assertNotEquals(create("request-chat"), create("request-chat"));
  }

  @Test
  void shouldKeepEachServiceItsOwnIdAndUserDataWhenCreatedConcurrently() throws Exception {
    // creates running at the same time: each must answer its own instance and keep its own data
    int n = 24;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<String>> ids = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String value = "v" + i;
        ids.add(
            pool.submit(
                () -> {
                  go.await();
                  return (String)
                      assertOkJson(http.postForm("1/service/request-chat", Map.of("k", value)))
                          .get("_id");
                }));
      }
      go.countDown();
      Set<String> distinct = new HashSet<>();
      for (int i = 0; i < n; i++) {
        String id = ids.get(i).get(60, TimeUnit.SECONDS);
        distinct.add(id);
        assertEquals(
            Map.of("k", "v" + i), assertOkJson(http.get("1/service/" + id + "/storage")), id);
      }
      assertEquals(n, distinct.size());
    } finally {
      pool.shutdownNow();
    }
  }

  private String create(String service) {
    return (String) Json.object(http.postForm("1/service/" + service, Map.of()).body()).get("_id");
  }
}
