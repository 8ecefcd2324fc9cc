package org.opengms.chat.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opengms.chat.files.FileClient.userData;
import static org.opengms.testing.ApiAssertions.assertOkJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengms.testing.AgentClient;
import org.opengms.testing.Browser;
import org.opengms.testing.DatabaseIndependent;
import org.opengms.testing.Deployments;
import org.opengms.testing.Http;
import org.opengms.testing.Json;
import org.openqa.selenium.By;

/**
 * The agent console's files in headless Chromium: a customer's upload appears in the transcript as
 * a link, and the file button sends the agent's file, which the customer then downloads.
 */
@DatabaseIndependent
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChatFilesConsoleIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL base;
  Http http;
  AgentClient gina;
  Browser console;
  String serviceId;

  @BeforeEach
  void open() {
    http = new Http(base);
    gina = new AgentClient(http, "fileagent", "fileagent");
    console = Browser.start(base);
  }

  @AfterEach
  void close() {
    try {
      if (serviceId != null) {
        http.postForm("1/service/" + serviceId + "/ixn/chat/disconnect", Map.of());
      }
      gina.reset();
    } finally {
      console.close();
    }
  }

  @Test
  void shouldShowFilesAsLinksAndSendOneWithTheFileButton() throws IOException {
    console.open(http.uri("agent/"));
    console.type("login", "fileagent");
    console.type("password", "fileagent");
    console.click("loginButton");
    console.awaitText("connection", "the CometD session", "online"::equals);
    console.click("readyButton");
    console.awaitText("presence", "the agent ready", "ready"::equals);

    serviceId = (String) assertOkJson(http.postForm("1/service/chat-files", Map.of())).get("_id");
    Map<String, Object> started =
        assertOkJson(
            http.postForm(
                "1/service/" + serviceId + "/ixn/chat",
                Map.of("subject", "Receipt", "userDisplayName", "Vic", "_verbose", "true")));
    FileClient vic =
        new FileClient(
            http,
            "chat-files",
            serviceId,
            (String) started.get("chatSessionId"),
            (String) started.get("secureKey"));
    console.awaitText("transcript", "the agent joined", t -> t.contains("has joined the session"));

    String id =
        userData(
                vic.ok(
                    vic.upload(
                        "receipt.txt", "text/plain", "paid".getBytes(StandardCharsets.UTF_8))))
            .get("file-id");
    console.awaitText("transcript", "the customer's file", t -> t.contains("receipt.txt"));
    assertEquals(
        id,
        console
            .driver()
            .findElement(By.cssSelector("#transcript a.file-link"))
            .getAttribute("data-file-id"));

    Path file = Files.createTempFile("offer", ".txt");
    try {
      Files.writeString(file, "20% off");
      console.byId("fileInput").sendKeys(file.toAbsolutePath().toString());
      console.click("fileButton");
      String name = file.getFileName().toString();
      console.awaitText("transcript", "the agent's file", t -> t.contains(name));
      List<Map<String, Object>> files = Json.list(gina.get("chats/" + vic.chatId + "/file").body());
      assertEquals(
          List.of("receipt.txt", name), files.stream().map(f -> f.get("file-name")).toList());
      String offerId = (String) files.get(1).get("file-id");
      assertArrayEquals("20% off".getBytes(StandardCharsets.UTF_8), vic.download(offerId).body());
      assertEquals(
          2, console.driver().findElements(By.cssSelector("#transcript a.file-link")).size());
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
