package org.opengms.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
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

/** The Storage API as a client sees it (limits from src/test/resources/it-gms.ini). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StorageApiIT {

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
  void shouldReturnIdAndStoreKeysWhenFormPosted() {
    HttpResponse<String> created =
        http.postForm("1/storage/3600", Map.of("Key1", "Value1", "Key2", "Väłue 2"));

    assertEquals(200, created.statusCode(), created.body());
    assertJson(created);
    String id = (String) Json.object(created.body()).get("id");
    assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), id);

    HttpResponse<String> all = http.get("1/storage/" + id);
    assertEquals(200, all.statusCode());
    assertJson(all);
    assertEquals(Map.of("Key1", "Value1", "Key2", "Väłue 2"), Json.object(all.body()));
  }

  @Test
  void shouldAnswerOneKeyAsRawTextWhenQueried() {
    String id = create("3600", Map.of("Key1", "Välue1"));

    HttpResponse<String> one = http.get("1/storage/" + id + "/Key1");

    assertEquals(200, one.statusCode());
    assertEquals(
        "text/plain;charset=UTF-8",
        one.headers().firstValue("Content-Type").orElse("").replace(" ", ""));
    assertEquals("Välue1", one.body());
    assertEquals("no-cache, no-store", one.headers().firstValue("Cache-Control").orElse(""));
  }

  @Test
  void shouldServeUploadedFileBackWhenStoredMultipart() {
    byte[] picture = randomBytes(10 * 1024 * 1024);
    HttpResponse<String> created =
        http.postMultipart(
            "1/storage/3600",
            new Multipart()
                .text("Key1", "Value1")
                .file("FileKey", "MyPic.png", "image/png", picture));
    assertEquals(200, created.statusCode(), created.body());
    String id = (String) Json.object(created.body()).get("id");

    Map<String, Object> all = Json.object(http.get("1/storage/" + id).body());
    String url = http.uri("1/storage/binary/" + id + "/FileKey").toString();
    assertEquals(Map.of("Key1", "Value1", "FileKey", url), all);
    assertEquals(url, http.get("1/storage/" + id + "/FileKey").body());

    HttpResponse<byte[]> file = http.getBytes("1/storage/binary/" + id + "/FileKey");
    assertEquals(200, file.statusCode());
    assertEquals("image/png", file.headers().firstValue("Content-Type").orElse(""));
    assertTrue(
        file.headers()
            .firstValue("Content-Disposition")
            .orElse("")
            .contains("filename=\"MyPic.png\""),
        file.headers().toString());
    assertArrayEquals(picture, file.body());
  }

  @Test
  void shouldIgnoreForwardedHeadersWhenProxyNotTrusted() {
    String id =
        (String)
            Json.object(
                    http.postMultipart(
                            "1/storage/60",
                            new Multipart().file("f", "a.txt", "text/plain", new byte[] {1}))
                        .body())
                .get("id");

    HttpResponse<String> all =
        http.send(
            java.net.http.HttpRequest.newBuilder(http.uri("1/storage/" + id))
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "evil.example.com")
                .GET());

    assertEquals(
        Map.of("f", http.uri("1/storage/binary/" + id + "/f").toString()), Json.object(all.body()));
  }

  @Test
  void shouldMergeKeysAndKeepOthersWhenUpdated() {
    String id = create("3600", Map.of("Key1", "Value1", "Key2", "Value2"));

    HttpResponse<String> updated =
        http.postMultipart(
            "1/storage/" + id + "/3600",
            new Multipart().text("Key1", "Value6").text("Key3", "Value8"));

    assertEquals(200, updated.statusCode(), updated.body());
    assertEquals(
        Map.of("Key1", "Value6", "Key2", "Value2", "Key3", "Value8"),
        Json.object(http.get("1/storage/" + id).body()));
  }

  @Test
  void shouldDeleteOldFileWhenBinaryKeyOverwritten() {
    byte[] first = randomBytes(4096);
    String id = storeFile("FileKey", first);
    assertEquals(1, DataFiles.blobsWithContent(first));

    http.postForm("1/storage/" + id + "/3600", Map.of("FileKey", "now text"));

    assertEquals("now text", http.get("1/storage/" + id + "/FileKey").body());
    assertEquals(0, DataFiles.blobsWithContent(first));
  }

  @Test
  void shouldDeleteOldUploadFilesNoKeyRefersToAndKeepTheOthers() throws Exception {
    byte[] kept = randomBytes(3000);
    String id = storeFile("FileKey", kept);
    List<Path> keptFiles = DataFiles.blobFilesWithContent(kept);
    assertEquals(1, keptFiles.size());
    // as old as the orphan: only the reference from a stored key keeps it
    DataFiles.age(keptFiles.get(0), Duration.ofHours(2));
    Path orphan = DataFiles.strayBlob(randomBytes(3001));
    DataFiles.age(orphan, Duration.ofHours(2));
    Path young = DataFiles.strayBlob(randomBytes(3002));
    try {
      // it-gms.ini: orphan_sweep_interval = 1 s; orphan_grace is the default hour
      Conditions.await(
          "the old orphan deleted by the sweep",
          Duration.ofSeconds(20),
          () -> !Files.exists(orphan));
      assertTrue(Files.exists(keptFiles.get(0)), "a file a key refers to stays, however old");
      HttpResponse<byte[]> file = http.getBytes("1/storage/binary/" + id + "/FileKey");
      assertEquals(200, file.statusCode());
      assertArrayEquals(kept, file.body());
      assertTrue(
          Files.exists(young), "a file younger than orphan_grace may be an upload in flight");
    } finally {
      Files.deleteIfExists(young);
    }
  }

  @Test
  void shouldBeGoneWhenDeleted() {
    String id = create("3600", Map.of("Key1", "Value1"));

    HttpResponse<String> deleted = http.delete("1/storage/" + id);

    assertEquals(200, deleted.statusCode());
    assertNotFound(http.get("1/storage/" + id));
    assertNotFound(http.get("1/storage/" + id + "/Key1"));
    assertNotFound(http.delete("1/storage/" + id));
  }

  @Test
  void shouldExpireAndSweepFilesWhenTtlPasses() {
    byte[] content = randomBytes(2048);
    HttpResponse<String> created =
        http.postMultipart(
            "1/storage/1",
            new Multipart()
                .text("Key1", "Value1")
                .file("FileKey", "f.bin", "application/octet-stream", content));
    String id = (String) Json.object(created.body()).get("id");

    Conditions.await(
        "storage unreadable after its ttl",
        Duration.ofSeconds(10),
        () -> http.get("1/storage/" + id).statusCode() == 404);
    assertNotFound(http.get("1/storage/" + id + "/Key1"));
    // Posting to the expired id starts a new area under it: the old keys and file are gone.
    assertEquals(200, http.postForm("1/storage/" + id + "/60", Map.of("Key2", "v")).statusCode());
    assertEquals(Map.of("Key2", "v"), Json.object(http.get("1/storage/" + id).body()));
    Conditions.await(
        "uploaded file deleted by the sweep",
        Duration.ofSeconds(20),
        () -> DataFiles.blobsWithContent(content) == 0);
  }

  @Test
  void shouldLiveThirtySecondsWhenTtlMissingOrInvalid() {
    List<String> ids =
        List.of(
            create("abc", Map.of("k", "v")),
            create("0", Map.of("k", "v")),
            create("-5", Map.of("k", "v")),
            createWithoutTtl());
    long start = System.nanoTime();

    // Still there well after any short ttl, gone after 30 s (plus sweep slack).
    Conditions.await(
        "20 s passed", Duration.ofSeconds(25), () -> System.nanoTime() - start > 20_000_000_000L);
    ids.forEach(id -> assertEquals(200, http.get("1/storage/" + id).statusCode(), id));
    Conditions.await(
        "all expired after 30 s",
        Duration.ofSeconds(20),
        () -> ids.stream().allMatch(id -> http.get("1/storage/" + id).statusCode() == 404));
    assertTrue(System.nanoTime() - start >= 29_000_000_000L, "expired too early");
  }

  @Test
  void shouldRefuseUnderscoreKeyAndStoreNothing() {
    HttpResponse<String> refused = http.postForm("1/storage/60", Map.of("a", "1", "_b", "2"));

    assertEquals(400, refused.statusCode());
    assertError(refused, "org.opengms.api.error.InvalidRequestException");

    String id = create("60", Map.of("a", "1"));
    byte[] content = randomBytes(1000);
    HttpResponse<String> refusedUpdate =
        http.postMultipart(
            "1/storage/" + id + "/60",
            new Multipart()
                .text("b", "2")
                .text("_c", "3")
                .file("f", "f.bin", "text/plain", content));
    assertEquals(400, refusedUpdate.statusCode());
    assertEquals(Map.of("a", "1"), Json.object(http.get("1/storage/" + id).body()));
    assertEquals(0, DataFiles.blobsWithContent(content));
  }

  @Test
  void shouldAnswer404WhenIdOrKeyUnknown() {
    String id = create("60", Map.of("a", "1"));

    assertNotFound(http.get("1/storage/no-such-id"));
    assertNotFound(http.get("1/storage/no-such-id/a"));
    assertNotFound(http.get("1/storage/binary/no-such-id/a"));
    assertNotFound(http.delete("1/storage/no-such-id"));
    assertNotFound(http.get("1/storage/" + id + "/nokey"));
    assertNotFound(http.get("1/storage/binary/" + id + "/nokey"));
  }

  @Test
  void shouldCreateAreaUnderClientChosenIdWhenPostedToUnknownId() {
    String id = "app.Device-" + UUID.randomUUID() + "_x~" + "y".repeat(78);
    assertEquals(128, id.length());

    HttpResponse<String> created = http.postForm("1/storage/" + id + "/60", Map.of("a", "1"));

    assertEquals(200, created.statusCode(), created.body());
    assertJson(created);
    assertEquals(Map.of("a", "1"), Json.object(http.get("1/storage/" + id).body()));
    assertEquals("1", http.get("1/storage/" + id + "/a").body());
    HttpResponse<String> merged = http.postForm("1/storage/" + id + "/60", Map.of("b", "2"));
    assertEquals(200, merged.statusCode(), merged.body());
    assertEquals(Map.of("a", "1", "b", "2"), Json.object(http.get("1/storage/" + id).body()));
    assertEquals(200, http.delete("1/storage/" + id).statusCode());
    assertNotFound(http.get("1/storage/" + id));
  }

  @Test
  void shouldAnswer400AndCreateNothingWhenChosenIdOutsideCharset() {
    for (String id :
        new String[] {"has%20space", "semi%3Bcolon", "%C3%BC-umlaut", "z".repeat(129)}) {
      HttpResponse<String> refused = http.postForm("1/storage/" + id + "/60", Map.of("a", "1"));
      assertEquals(400, refused.statusCode(), id + ": " + refused.body());
      assertError(refused, "org.opengms.api.error.InvalidRequestException");
      assertNotFound(http.get("1/storage/" + id));
    }
    String id = "refused-keys-" + UUID.randomUUID();
    HttpResponse<String> badKey = http.postForm("1/storage/" + id + "/60", Map.of("_a", "1"));
    assertEquals(400, badKey.statusCode(), badKey.body());
    assertNotFound(http.get("1/storage/" + id));
  }

  @Test
  void shouldAnswer415WhenBodyIsNotAForm() {
    HttpResponse<String> json = http.post("1/storage/60", "application/json", "{\"a\":\"1\"}");
    HttpResponse<String> text = http.post("1/storage/60", "text/plain", "a=1");

    assertEquals(415, json.statusCode());
    assertError(json, "org.opengms.api.error.UnsupportedMediaTypeException");
    assertEquals(415, text.statusCode());
  }

  @Test
  void shouldAnswer415WhenBodyHasNoContentType() {
    HttpResponse<String> response = http.post("1/storage/60", null, "a=1");

    assertEquals(415, response.statusCode(), response.body());
    assertError(response, "org.opengms.api.error.UnsupportedMediaTypeException");
  }

  @Test
  void shouldAnswer415WhenPostHasNeitherContentTypeNorBody() {
    String id = create("60", Map.of("a", "1"));
    for (String path : List.of("1/storage", "1/storage/60", "1/storage/" + id + "/60")) {
      HttpResponse<String> empty =
          http.send(HttpRequest.newBuilder(http.uri(path)).POST(BodyPublishers.noBody()));

      assertEquals(415, empty.statusCode(), path + " " + empty.body());
      assertError(empty, "org.opengms.api.error.UnsupportedMediaTypeException");
    }
  }

  @Test
  void shouldAnswer400WhenFormIsMalformed() {
    HttpResponse<String> noBoundary = http.post("1/storage/60", "multipart/form-data", "a=1");
    HttpResponse<String> badEscape =
        http.post("1/storage/60", "application/x-www-form-urlencoded", "a=%zz");

    assertEquals(400, noBoundary.statusCode(), noBoundary.body());
    assertError(noBoundary, "org.opengms.api.error.InvalidRequestException");
    assertEquals(400, badEscape.statusCode(), badEscape.body());
    assertError(badEscape, "org.opengms.api.error.InvalidRequestException");
  }

  @Test
  void shouldAnswer413AndStoreNothingWhenLimitsExceeded() {
    Map<String, String> elevenKeys = new LinkedHashMap<>();
    for (int i = 0; i < 11; i++) {
      elevenKeys.put("k" + i, "v");
    }
    HttpResponse<String> tooManyKeys = http.postForm("1/storage/60", elevenKeys);
    assertEquals(413, tooManyKeys.statusCode());
    assertError(tooManyKeys, "org.opengms.api.error.PayloadTooLargeException");

    String id = create("60", Map.of("a", "1"));
    HttpResponse<String> valueTooLarge =
        http.postMultipart("1/storage/" + id + "/60", new Multipart().text("a", "x".repeat(1025)));
    assertEquals(413, valueTooLarge.statusCode());
    assertEquals(Map.of("a", "1"), Json.object(http.get("1/storage/" + id).body()));

    byte[] huge = randomBytes(13 * 1024 * 1024);
    HttpResponse<String> bodyTooLarge =
        http.postMultipart(
            "1/storage/60", new Multipart().file("f", "big.bin", "application/octet-stream", huge));
    assertEquals(413, bodyTooLarge.statusCode());
    assertError(bodyTooLarge, "org.opengms.api.error.PayloadTooLargeException");
    assertEquals(0, DataFiles.blobsWithContent(huge));
  }

  @Test
  void shouldKeepEveryKeyWhenUpdatedConcurrently() {
    String id = create("60", Map.of("start", "0"));

    List<CompletableFuture<HttpResponse<String>>> updates =
        java.util.stream.IntStream.range(0, 8)
            .mapToObj(
                i ->
                    CompletableFuture.supplyAsync(
                        () -> http.postForm("1/storage/" + id + "/60", Map.of("k" + i, "v" + i))))
            .toList();

    updates.forEach(u -> assertEquals(200, u.join().statusCode(), u.join().body()));
    assertEquals(9, Json.object(http.get("1/storage/" + id).body()).size());
  }

  private String create(String ttl, Map<String, String> fields) {
    HttpResponse<String> created = http.postForm("1/storage/" + ttl, fields);
    assertEquals(200, created.statusCode(), created.body());
    return (String) Json.object(created.body()).get("id");
  }

  private String createWithoutTtl() {
    HttpResponse<String> created = http.postForm("1/storage", Map.of("k", "v"));
    assertEquals(200, created.statusCode(), created.body());
    return (String) Json.object(created.body()).get("id");
  }

  private static void assertJson(HttpResponse<String> response) {
    assertTrue(
        response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
        response.headers().toString());
    assertEquals("no-cache, no-store", response.headers().firstValue("Cache-Control").orElse(""));
    assertEquals("no-cache", response.headers().firstValue("Pragma").orElse(""));
  }

  private static void assertNotFound(HttpResponse<String> response) {
    assertEquals(404, response.statusCode(), response.body());
    assertError(response, "org.opengms.api.error.ResourceNotFoundException");
  }

  private static void assertError(HttpResponse<String> response, String exception) {
    assertJson(response);
    Map<String, Object> body = Json.object(response.body());
    assertEquals(exception, body.get("exception"), response.body());
    assertTrue(body.get("message") instanceof String m && !m.isBlank(), response.body());
  }

  /** A new storage area (1 h) with one uploaded file under {@code key}; answers its id. */
  private String storeFile(String key, byte[] content) {
    HttpResponse<String> created =
        http.postMultipart(
            "1/storage/3600",
            new Multipart().file(key, key + ".bin", "application/octet-stream", content));
    assertEquals(200, created.statusCode(), created.body());
    return (String) Json.object(created.body()).get("id");
  }

  private static byte[] randomBytes(int size) {
    byte[] bytes = new byte[size];
    new Random().nextBytes(bytes);
    return bytes;
  }
}
