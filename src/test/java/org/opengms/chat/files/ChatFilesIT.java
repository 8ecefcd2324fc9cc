package org.opengms.chat.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opengms.chat.files.FileClient.error;
import static org.opengms.chat.files.FileClient.messages;
import static org.opengms.chat.files.FileClient.userData;
import static org.opengms.testing.ApiAssertions.assertError;
import static org.opengms.testing.ApiAssertions.assertOkJson;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengms.testing.AgentClient;
import org.opengms.testing.Conditions;
import org.opengms.testing.Deployments;
import org.opengms.testing.Http;
import org.opengms.testing.Multipart;

/**
 * Chat file transfer ({@code [service.chat-files]} of it-gms.ini: 3 files, 2000 bytes each, 3000 in
 * all, txt/png/html, 4 customer downloads, an agent needed, 2 s retention): both ways, customer and
 * agent, over REST and chat-ntf; the limits; every refusal leaves nothing stored; downloads carry
 * the safe headers; files survive a restart and go after their retention.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChatFilesIT {

  private static final String GMS = "gms";
  private static final String SERVICE = "chat-files";

  @Deployment(name = GMS, managed = false, testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource Deployer deployer;

  private final Http http = new Http(Deployments.baseUrl());
  private final AgentClient gina = new AgentClient(http, "fileagent", "fileagent");
  private final List<String> services = new ArrayList<>();

  @Test
  void shouldTransferFilesBothWays() {
    deployer.deploy(GMS);
    try {
      gina.ready();
      FileClient zoe = chat("Zoe");
      Conditions.await("Gina has the chat", Duration.ofSeconds(10), () -> gina.has(zoe.chatId));

      Map<String, Object> limits = zoe.ok(zoe.limits());
      Map<String, Object> notice = messages(limits).get(0);
      assertEquals("Notice", notice.get("type"));
      assertEquals("file-client-cfg-get", notice.get("text"));
      assertEquals(
          Map.of(
              "download-attempts", "4",
              "upload-max-files", "3",
              "upload-max-file-size", "2000",
              "upload-max-total-size", "3000",
              "upload-need-agent", "true",
              "upload-file-types", "txt:png:html",
              "used-upload-max-files", "0",
              "used-upload-max-total-size", "0",
              "used-download-attempts", "0",
              "delete-file", "enabled"),
          userData(notice));

      // the customer uploads over REST; the agent sees the event and downloads the file
      byte[] note = "hello from Zoe".getBytes(StandardCharsets.UTF_8);
      Map<String, Object> up = zoe.ok(zoe.upload("note.txt", "text/plain", note));
      String noteId = userData(up).get("file-id");
      Map<String, Object> uploaded = messages(up).get(0);
      assertEquals("FileUploaded", uploaded.get("type"));
      int next = FileClient.number(limits.get("nextPosition"));
      assertEquals(next, FileClient.number(uploaded.get("index")), "the chat's next event");
      assertEquals(next + 1, FileClient.number(up.get("nextPosition")));
      assertEquals(
          Map.of(
              "file-id", noteId,
              "file-name", "note.txt",
              "file-size", "14",
              "file-type", "text/plain",
              "file-description", "about note.txt"),
          userData(uploaded));
      Map<String, Object> refreshed =
          zoe.ok(
              http.postForm(
                  "2/chat/" + SERVICE + "/" + zoe.chatId + "/refresh",
                  Map.of("secureKey", zoe.secureKey, "transcriptPosition", "1")));
      Map<String, Object> inV2 = messages(refreshed).get(messages(refreshed).size() - 1);
      assertEquals("FileUploaded", inV2.get("type"), "the v2 transcript numbers it alike");
      assertEquals(next, FileClient.number(inV2.get("index")));
      assertEquals(noteId, userData(inV2).get("file-id"));
      List<Object> event = lastEvent(zoe.chatId);
      assertEquals(List.of("Notice.FileUploaded", "Zoe", "note.txt"), event.subList(0, 3));
      assertEquals(noteId, ((Map<?, ?>) event.get(5)).get("file-id"));
      HttpResponse<byte[]> agentCopy = agentDownload(zoe.chatId, noteId);
      assertEquals(200, agentCopy.statusCode());
      assertArrayEquals(note, agentCopy.body());
      assertSafe(agentCopy, "text/plain", "inline", "note.txt");

      // the agent uploads through the Agent API; the customer sees it (v1) and downloads it twice
      byte[] page = "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
      Map<String, Object> agentUp =
          assertOkJson(agentUpload(zoe.chatId, "page.html", "text/html", page));
      String pageId = (String) agentUp.get("fileId");
      List<List<String>> v1 = v1Refresh(zoe);
      List<String> v1Event = v1.get(v1.size() - 1);
      assertEquals(List.of("Notice.FileUploaded", "Gina", "page.html"), v1Event.subList(0, 3));
      assertEquals(5, v1Event.size(), "v1 events keep their five elements");
      HttpResponse<byte[]> html = zoe.download(pageId);
      assertEquals(200, html.statusCode());
      assertArrayEquals(page, html.body());
      assertSafe(html, "text/html", "attachment", "page.html");
      HttpResponse<byte[]> byNtf = zoe.ntfDownload(pageId);
      assertEquals(200, byNtf.statusCode());
      assertArrayEquals(page, byNtf.body());

      // chat-ntf: upload, limits (both spellings), delete
      byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
      Map<String, Object> ntfUp = zoe.ok(zoe.ntfUpload("pic.PNG", "image/png", png));
      String picId = userData(ntfUp).get("file-id");
      for (String op : List.of("fileGetLimits", "fileGetsLimits")) {
        Map<String, String> used =
            userData(
                messages(zoe.ok(zoe.ntf(Map.of("operation", op, "secureKey", zoe.secureKey))))
                    .get(0));
        assertEquals("3", used.get("used-upload-max-files"));
        assertEquals(
            Integer.toString(14 + page.length + png.length),
            used.get("used-upload-max-total-size"));
        assertEquals("2", used.get("used-download-attempts"), "the agent's download is free");
      }
      Map<String, Object> deleted =
          zoe.ok(
              zoe.ntf(
                  Map.of("operation", "fileDelete", "secureKey", zoe.secureKey, "fileId", picId)));
      assertEquals("FileDeleted", messages(deleted).get(0).get("type"));
      error(zoe.ntfDownload(picId), 404);
      assertEquals(
          List.of("Notice.FileDeleted", "Zoe", "pic.PNG"), lastEvent(zoe.chatId).subList(0, 3));

      // the customer deletes over REST, the agent through the Agent API
      zoe.ok(zoe.delete(noteId));
      error(zoe.download(noteId), 404);
      assertOkJson(gina.post("chats/" + zoe.chatId + "/file/" + pageId + "/delete", Map.of()));
      assertEquals(
          List.of("Notice.FileDeleted", "Gina", "page.html"), lastEvent(zoe.chatId).subList(0, 3));
      assertEquals(List.of(), assertList(gina.get("chats/" + zoe.chatId + "/file")));
      assertEquals(404, agentDownload(zoe.chatId, pageId).statusCode());
    } finally {
      cleanUp();
    }
  }

  @Test
  void shouldRefuseBadUploadsAndStoreNothing() {
    deployer.deploy(GMS);
    try {
      FileClient yan = chat("Yan");
      byte[] small = "x".getBytes(StandardCharsets.UTF_8);
      // no agent yet: refused, nothing stored
      error(yan.upload("a.txt", "text/plain", small), 403);
      assertEquals("0", used(yan).get("used-upload-max-files"));

      gina.ready();
      Conditions.await("Gina has the chat", Duration.ofSeconds(10), () -> gina.has(yan.chatId));
      error(yan.upload("evil.exe", "application/octet-stream", small), 400);
      error(yan.upload("noextension", "text/plain", small), 400);
      error(yan.upload("big.txt", "text/plain", new byte[2001]), 413);
      error(yan.withKey("wrong").upload("a.txt", "text/plain", small), 403);
      error(yan.withKey("wrong").limits(), 403);
      error(yan.withKey("wrong").ntfUpload("a.txt", "text/plain", small), 403);
      error(http.postMultipart(yan.base(), new Multipart().text("secureKey", yan.secureKey)), 400);
      error(http.post(yan.base() + "/limits", "application/json", "{\"secureKey\":\"x\"}"), 415);
      error(http.post("2/chat-ntf", "application/json", "{}"), 415);
      error(yan.ntf(Map.of("operation", "fileDance", "secureKey", yan.secureKey)), 400);
      error(yan.of("request-chat", yan.chatId).limits(), 404);
      error(yan.of(SERVICE, "nosuchchat").limits(), 404);
      Map<String, String> used = used(yan);
      assertEquals("0", used.get("used-upload-max-files"), "nothing stored");
      assertEquals("0", used.get("used-upload-max-total-size"), "nothing stored");

      // sizes: 1000 + 1000, then 1500 is over the 3000 in all; 500 fits; a fourth file does not
      yan.ok(yan.upload("one.txt", "text/plain", new byte[1000]));
      String two =
          userData(yan.ok(yan.upload("two.txt", "text/plain", new byte[1000]))).get("file-id");
      error(yan.upload("three.txt", "text/plain", new byte[1500]), 413);
      yan.ok(yan.upload("three.txt", "text/plain", new byte[500]));
      error(yan.upload("four.txt", "text/plain", small), 413);
      assertError(
          agentUpload(yan.chatId, "four.txt", "text/plain", small),
          413,
          "PayloadTooLargeException");
      assertEquals("3", used(yan).get("used-upload-max-files"));
      assertEquals("2500", used(yan).get("used-upload-max-total-size"));

      // another chat's file id is refused to its customer and to the agent of this chat
      FileClient xia = chat("Xia");
      Conditions.await("Gina has it", Duration.ofSeconds(10), () -> gina.has(xia.chatId));
      error(xia.download(two), 404);
      error(xia.delete(two), 404);
      assertEquals(404, agentDownload(xia.chatId, two).statusCode());
      assertEquals(
          403,
          new AgentClient(http, "agent1", "agent1")
              .get("chats/" + yan.chatId + "/file/" + two + "/download")
              .statusCode());

      // four customer downloads, then no more; the agent still may
      for (int i = 0; i < 4; i++) {
        assertEquals(200, yan.download(two).statusCode());
      }
      error(yan.download(two), 403);
      assertEquals(200, agentDownload(yan.chatId, two).statusCode());
    } finally {
      cleanUp();
    }
  }

  @Test
  void shouldKeepFilesAcrossRestartAndRemoveThemAfterRetention() {
    deployer.deploy(GMS);
    try {
      gina.ready();
      FileClient wes = chat("Wes");
      Conditions.await("Gina has the chat", Duration.ofSeconds(10), () -> gina.has(wes.chatId));
      byte[] note = "kept".getBytes(StandardCharsets.UTF_8);
      String id = userData(wes.ok(wes.upload("kept.txt", "text/plain", note))).get("file-id");

      deployer.undeploy(GMS);
      deployer.deploy(GMS);

      assertArrayEquals(note, wes.download(id).body());
      assertArrayEquals(note, agentDownload(wes.chatId, id).body());
      assertEquals("1", used(wes).get("used-upload-max-files"));

      assertOkJson(http.postForm("1/service/" + wes.serviceId + "/ixn/chat/disconnect", Map.of()));
      Conditions.await(
          "the file is gone after its retention",
          Duration.ofSeconds(20),
          () -> wes.download(id).statusCode() == 404);
      assertEquals(404, agentDownload(wes.chatId, id).statusCode());
    } finally {
      cleanUp();
    }
  }

  // ---------------------------------------------------------------- helpers

  /** A new chat of {@code chat-files} (v1 start, verbose for its secureKey). */
  private FileClient chat(String nickname) {
    String service =
        (String) assertOkJson(http.postForm("1/service/" + SERVICE, Map.of())).get("_id");
    services.add(service);
    Map<String, Object> started =
        assertOkJson(
            http.postForm(
                "1/service/" + service + "/ixn/chat",
                Map.of("subject", "files", "userDisplayName", nickname, "_verbose", "true")));
    return new FileClient(
        http,
        SERVICE,
        service,
        (String) started.get("chatSessionId"),
        (String) started.get("secureKey"));
  }

  private Map<String, String> used(FileClient client) {
    return userData(messages(client.ok(client.limits())).get(0));
  }

  @SuppressWarnings("unchecked")
  private List<Object> lastEvent(String chatId) {
    List<Object> transcript =
        (List<Object>) assertOkJson(gina.get("chats/" + chatId)).get("transcript");
    return (List<Object>) transcript.get(transcript.size() - 1);
  }

  @SuppressWarnings("unchecked")
  private List<List<String>> v1Refresh(FileClient client) {
    return (List<List<String>>)
        assertOkJson(
                http.postForm(
                    "1/service/" + client.serviceId + "/ixn/chat/refresh",
                    Map.of("transcriptPosition", "1")))
            .get("transcriptToShow");
  }

  private HttpResponse<String> agentUpload(
      String chatId, String name, String type, byte[] content) {
    Multipart body =
        new Multipart().text("description", "from Gina").file("file", name, type, content);
    return http.send(
        HttpRequest.newBuilder(http.uri("1/agent/chats/" + chatId + "/file"))
            .header("Authorization", Http.basic("fileagent", "fileagent"))
            .header("Content-Type", body.contentType())
            .POST(body.publisher()));
  }

  private HttpResponse<byte[]> agentDownload(String chatId, String fileId) {
    return FileClient.send(
        HttpRequest.newBuilder(
                http.uri("1/agent/chats/" + chatId + "/file/" + fileId + "/download"))
            .header("Authorization", Http.basic("fileagent", "fileagent"))
            .GET());
  }

  private static List<Map<String, Object>> assertList(HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response.body());
    return org.opengms.testing.Json.list(response.body());
  }

  private static void assertSafe(
      HttpResponse<byte[]> response, String type, String disposition, String name) {
    assertEquals(type, response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertEquals("sandbox", response.headers().firstValue("Content-Security-Policy").orElse(""));
    String header = response.headers().firstValue("Content-Disposition").orElse("");
    assertTrue(header.startsWith(disposition + "; filename=\"" + name + "\""), header);
  }

  private void cleanUp() {
    try {
      for (String id : services) {
        http.postForm("1/service/" + id + "/ixn/chat/disconnect", Map.of());
      }
      gina.reset();
    } finally {
      deployer.undeploy(GMS);
    }
  }
}
