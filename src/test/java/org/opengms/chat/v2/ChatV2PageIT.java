package org.opengms.chat.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Chat API v2 customer demo page (/genesys/chat2/: CometD JavaScript client, channel
 * /service/chatV2/console-chat, a session without gms_user, files through /genesys/2/chat-ntf) and
 * the agent console (/genesys/agent/), each in its own headless Chromium, through a whole
 * conversation both ways: messages, typing, a file each way, the end.
 */
@DatabaseIndependent
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChatV2PageIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL base;
  Http http;
  AgentClient agentApi;
  Browser agent;
  Browser customer;
  final List<Path> files = new ArrayList<>();

  @BeforeEach
  void open() {
    http = new Http(base);
    agentApi = new AgentClient(http, "consoleagent", "consoleagent");
    agent = Browser.start(base);
    customer = Browser.start(base);
  }

  @AfterEach
  void close() throws IOException {
    try {
      agentApi.reset();
    } finally {
      agent.close();
      customer.close();
      for (Path file : files) {
        Files.deleteIfExists(file);
      }
    }
  }

  @Test
  void shouldConverseAndExchangeFilesWithTheAgentConsole() {
    logInAndGoReady();
    startChat("Broken lamp");
    customer.awaitText("connection", "the customer's CometD session", "online"::equals);
    assertEquals("websocket", customer.byId("connection").getDomAttribute("data-transport"));
    String entry =
        agent.awaitText("chats", "the chat assigned by push", t -> t.contains("Buzz Brain"));
    assertTrue(entry.contains("Broken lamp"), entry);
    customer.awaitText("status", "the agent's name", "Chatting with Frank"::equals);
    customer.awaitText("transcript", "the agent joined", t -> t.contains("Frank"));

    customer.type("message", "My lamp does not light");
    agent.awaitText("customerTyping", "the customer typing", "Buzz Brain is typing…"::equals);
    customer.click("sendButton");
    agent.awaitText("transcript", "the customer's message", t -> t.contains("does not light"));
    agent.awaitText("customerTyping", "typing indicator gone", String::isEmpty);
    customer.awaitText("message", "the input emptied", String::isEmpty);

    agent.type("message", "Send me a photo of the receipt");
    customer.awaitText("agentTyping", "the agent typing", "Frank is typing…"::equals);
    agent.click("sendButton");
    customer.awaitText(
        "transcript", "the agent's message", t -> t.contains("photo of the receipt"));
    customer.awaitText("agentTyping", "typing indicator gone", String::isEmpty);

    // the customer's file: a link on the console that downloads the same bytes
    Path receipt = file("receipt", ".txt", "paid 19.90");
    customer.byId("fileInput").sendKeys(receipt.toString());
    customer.click("fileButton");
    String receiptName = receipt.getFileName().toString();
    customer.awaitText("fileStatus", "the upload done", ("Sent " + receiptName)::equals);
    agent.awaitText("transcript", "the customer's file", t -> t.contains(receiptName));
    String fileId = link(agent, receiptName).getDomAttribute("data-file-id");
    assertEquals(fileId, link(customer, receiptName).getDomAttribute("data-file-id"));
    String chatId = agentApi.chats().get(0).get("chatSessionId").toString();
    HttpResponse<String> bytes = agentApi.get("chats/" + chatId + "/file/" + fileId + "/download");
    assertEquals(200, bytes.statusCode(), bytes.body());
    assertEquals("paid 19.90", bytes.body());

    // a type the service does not allow: the page shows the v2 refusal, nothing reaches the agent
    Path script = file("virus", ".exe", "MZ");
    customer.byId("fileInput").sendKeys(script.toString());
    customer.click("fileButton");
    customer.awaitText("chatError", "the refusal", t -> t.startsWith("400 "));
    assertEquals(1, agent.driver().findElements(By.cssSelector("#transcript a.file-link")).size());

    // the agent's file (console file button): a link on the customer page that downloads
    Path offer = file("offer", ".txt", "20% off");
    agent.byId("fileInput").sendKeys(offer.toString());
    agent.click("fileButton");
    String offerName = offer.getFileName().toString();
    customer.awaitText("transcript", "the agent's file", t -> t.contains(offerName));
    link(customer, offerName).click();
    customer.awaitText(
        "fileStatus", "the download", ("Downloaded " + offerName + " (7 bytes)")::equals);
    // every message line carries the clock time of its v2 utcTime
    assertEquals(
        Boolean.TRUE,
        customer.script(
            "const lines = [...document.querySelectorAll('#transcript .event')]"
                + ".filter(e => e.textContent.includes('does not light'));"
                + "return lines.length === 1 && /\\d:\\d\\d/.test(lines[0].querySelector('time').textContent);"));
    customer.screenshot("chat2-demo");

    customer.click("disconnectButton");
    customer.awaitText("status", "the end on the customer page", "Chat ended"::equals);
    agent.awaitText("chatState", "the end on the console", "Chat ended"::equals);
    agent.awaitText("transcript", "the customer left", t -> t.contains("has left the session"));
    assertTrue(agentApi.chats().isEmpty());
    List<String> types =
        agentApi.transcript(chatId).stream()
            .map(e -> e.get(0))
            .filter(type -> !type.startsWith("Notice.Typing"))
            .toList();
    assertEquals(
        List.of(
            "Notice.Joined",
            "Message.Text",
            "Message.Text",
            "Notice.FileUploaded",
            "Notice.FileUploaded",
            "Notice.Left"),
        types);
  }

  @Test
  void shouldEndOnBothPagesWhenTheAgentLeaves() {
    logInAndGoReady();
    startChat("Quick question");
    customer.awaitText("status", "the agent's name", "Chatting with Frank"::equals);
    agent.click("leaveButton");
    agent.awaitText("chatState", "the end on the console", "Chat ended"::equals);
    customer.awaitText("status", "the end on the customer page", "Chat ended"::equals);
    customer.awaitText("transcript", "the agent left", t -> t.contains("has left the session"));
    assertTrue(customer.byId("fileButton").getDomProperty("disabled").equals("true"));
  }

  @Test
  void shouldShowTheRefusalOfAnUnknownServiceAndStartNothing() {
    customer.open(http.uri("chat2/?service=no-such-service"));
    customer.type("firstName", "Buzz");
    customer.type("subject", "Anyone?");
    customer.click("startButton");
    customer.awaitText("startError", "the v2 refusal", t -> t.startsWith("404 "));
    assertTrue(customer.byId("conversation").getDomAttribute("hidden") != null);
    assertTrue(agentApi.chats().isEmpty());
  }

  @Test
  void shouldServeThePageUnderTheStrictPolicy() {
    HttpResponse<String> page = http.get("chat2/");
    assertEquals(200, page.statusCode());
    String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
    assertTrue(policy.contains("script-src 'self'"), policy);
    assertTrue(policy.contains("style-src 'self'"), policy);
    assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertTrue(!page.body().contains("<script>") && !page.body().contains("style="), page.body());
    assertEquals(200, http.get("chat2/chat2.js").statusCode());
  }

  private void logInAndGoReady() {
    agent.open(http.uri("agent/"));
    agent.type("login", "consoleagent");
    agent.type("password", "consoleagent");
    agent.click("loginButton");
    agent.awaitText("connection", "the CometD session", "online"::equals);
    agent.click("readyButton");
    agent.awaitText("presence", "the agent ready", "ready"::equals);
  }

  private void startChat(String subject) {
    customer.open(http.uri("chat2/?service=console-chat"));
    customer.type("firstName", "Buzz");
    customer.type("lastName", "Brain");
    customer.type("subject", subject);
    customer.click("startButton");
    customer.awaitText("status", "the chat started", t -> !t.isEmpty());
  }

  private static WebElement link(Browser page, String name) {
    return page.driver().findElements(By.cssSelector("#transcript a.file-link")).stream()
        .filter(a -> a.getText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no link to " + name));
  }

  private Path file(String prefix, String suffix, String content) {
    try {
      Path file = Files.createTempFile(prefix, suffix);
      files.add(file);
      Files.writeString(file, content, StandardCharsets.UTF_8);
      return file.toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
