package org.opengms.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
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

/**
 * The customer chat demo page (/genesys/chat/) and the agent console (/genesys/agent/), each in its
 * own headless Chromium, through whole conversations. The console learns of the chat only by its
 * CometD push (it loads chats once, when it subscribes); the customer page follows its chat by
 * CometD pushes (notify_by=comet: it never polls then) or, with ?notify=poll, by polling.
 */
@DatabaseIndependent
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChatPagesIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL base;
  Http http;
  AgentClient agentApi;
  Browser agent;
  Browser customer;

  @BeforeEach
  void open() {
    http = new Http(base);
    agentApi = new AgentClient(http, "consoleagent", "consoleagent");
    agent = Browser.start(base);
    customer = Browser.start(base);
  }

  @AfterEach
  void close() {
    try {
      logOutOfTheConsole();
      agentApi.reset();
    } finally {
      agent.close();
      customer.close();
    }
  }

  @Test
  void shouldConverseUntilTheAgentLeaves() {
    logInAndGoReady();
    startChat("Order 42", "");
    customer.awaitText("connection", "the customer's CometD session", "online"::equals);

    String entry =
        agent.awaitText("chats", "the chat assigned by push", t -> t.contains("Buzz Brain"));
    assertTrue(entry.contains("Order 42"), entry);
    agent.awaitText("transcript", "the agent joined", t -> t.contains("has joined the session"));
    customer.awaitText("status", "the agent's name", "Chatting with Frank"::equals);
    assertEquals(1, agentApi.chats().size());

    customer.type("message", "Hello, where is my order?");
    agent.awaitText("customerTyping", "the customer typing", "Buzz Brain is typing…"::equals);
    customer.click("sendButton");
    agent.awaitText("transcript", "the customer's message", t -> t.contains("where is my order"));
    agent.awaitText("customerTyping", "typing indicator gone", String::isEmpty);
    customer.awaitText("message", "the input emptied", String::isEmpty);

    agent.type("message", "On its way");
    customer.awaitText("agentTyping", "the agent typing", "Frank is typing…"::equals);
    agent.click("sendButton");
    customer.awaitText("transcript", "the agent's message", t -> t.contains("On its way"));
    customer.awaitText("agentTyping", "typing indicator gone", String::isEmpty);

    agent.click("leaveButton");
    agent.awaitText("chatState", "the end on the console", "Chat ended"::equals);
    customer.awaitText("status", "the end on the customer page", "Chat ended"::equals);
    customer.awaitText("transcript", "the agent left", t -> t.contains("has left the session"));
    assertTrue(agentApi.chats().isEmpty());
    List<String> types =
        agentApi.transcript(chatIdOnConsole()).stream()
            .map(e -> e.get(0))
            .filter(type -> !type.startsWith("Notice.Typing"))
            .toList();
    assertEquals(List.of("Notice.Joined", "Message.Text", "Message.Text", "Notice.Left"), types);
  }

  @Test
  void shouldFollowTheChatByPollingWhenAskedTo() {
    logInAndGoReady();
    startChat("Polling please", "&notify=poll");
    customer.awaitText("connection", "no CometD session", "polling"::equals);
    agent.awaitText("transcript", "the agent joined", t -> t.contains("has joined the session"));
    customer.awaitText("status", "the agent's name", "Chatting with Frank"::equals);

    agent.type("message", "Polled answer");
    agent.click("sendButton");
    customer.awaitText("transcript", "the agent's message", t -> t.contains("Polled answer"));
    customer.click("disconnectButton");
    customer.awaitText("status", "the end on the customer page", "Chat ended"::equals);
    agent.awaitText("chatState", "the end on the console", "Chat ended"::equals);
  }

  @Test
  void shouldShowTheEndOnBothPagesWhenTheCustomerEndsTheChat() {
    logInAndGoReady();
    startChat("Quick question", "");
    agent.awaitText("transcript", "the agent joined", t -> t.contains("has joined the session"));

    customer.click("disconnectButton");
    customer.awaitText("status", "the end on the customer page", "Chat ended"::equals);
    agent.awaitText("chatState", "the end on the console", "Chat ended"::equals);
    agent.awaitText("transcript", "the customer left", t -> t.contains("has left the session"));
    assertTrue(agentApi.chats().isEmpty());
  }

  @Test
  void shouldShowWhoSaidWhatAndWhenWithBadgesAlertsAndAPhoneLayout() {
    logInAndGoReady();
    agent.click("alertsToggle"); // opted in: each assigned chat raises one alert
    startChat("Design one", "");
    agent.awaitText("transcript", "the agent joined", t -> t.contains("has joined the session"));
    assertEquals("1", alerts(), "one alert for the first chat");
    customer.type("message", "First question");
    customer.click("sendButton");
    agent.awaitText("transcript", "the message", t -> t.contains("First question"));

    // each message line: who, what and a clock time; the agent's own lines on their side
    String line =
        (String)
            agent.script(
                "const e = [...document.querySelectorAll('#transcript .event')]"
                    + ".find(e => e.textContent.includes('First question'));"
                    + "return e.querySelector('.who').textContent + '|'"
                    + " + e.querySelector('time').textContent + '|' + e.className;");
    String[] parts = line.split("\\|");
    assertEquals("Buzz Brain", parts[0], line);
    assertTrue(parts[1].matches("\\d{1,2}:\\d{2}.*"), "a clock time: " + line);
    assertTrue(parts[2].contains("client") && !parts[2].contains("mine"), line);
    agent.type("message", "Answer one");
    agent.click("sendButton");
    customer.awaitText("transcript", "the answer", t -> t.contains("Answer one"));
    assertEquals(
        Boolean.TRUE,
        customer.script(
            "const e = [...document.querySelectorAll('#transcript .event.mine')]"
                + ".find(e => e.textContent.includes('First question'));"
                + "return e !== undefined && e.querySelector('time') !== null;"),
        "the customer's own line, with its time, on the customer's side");
    String first = chatIdOnConsole();

    // a second chat while the first is on screen: marked new, one more alert
    try (Browser second = Browser.start(base)) {
      second.open(http.uri("chat/?service=console-chat"));
      second.type("firstName", "Ada");
      second.type("subject", "Design two");
      second.click("startButton");
      String other = "#chats li:not([data-chat='" + first + "'])";
      String mine = "#chats li[data-chat='" + first + "']";
      agent.awaitScript(
          "the second chat marked new",
          "return document.querySelector(\"" + other + " .badge.new\") !== null;");
      assertEquals("2", alerts(), "one alert per assigned chat");
      agent.driver().findElement(By.cssSelector(other)).click();
      agent.awaitScript(
          "opened: no longer new", "return document.querySelector('#chats .badge') === null;");
      customer.type("message", "Are you there?");
      customer.click("sendButton");
      assertEquals(
          "1",
          agent.awaitScript(
              "one unread message in the first chat",
              "const b = document.querySelector(\""
                  + mine
                  + " .badge.unread\");"
                  + "return b && b.textContent;"));
      agent.driver().findElement(By.cssSelector(mine)).click();
      agent.awaitScript("read", "return document.querySelector('#chats .badge') === null;");
      agent.awaitText("transcript", "the unread message", t -> t.contains("Are you there?"));
      agent.screenshot("agent-console");
      customer.screenshot("chat-demo");

      String agentOverflow = agent.overflowAt(390, 844);
      agent.screenshot("agent-console-phone");
      assertEquals("", agentOverflow, "the console fits a phone-sized window");
      String customerOverflow = customer.overflowAt(390, 844);
      customer.screenshot("chat-demo-phone");
      assertEquals("", customerOverflow, "the chat demo fits a phone-sized window");
    }
  }

  @Test
  void shouldShowServerErrorsOnThePage() {
    logInAndGoReady();
    startChat("Errors", "");
    agent.awaitText("transcript", "the agent joined", t -> t.contains("has joined the session"));
    agent.type("pushUrl", "ftp://example.invalid/x");
    agent.click("pushUrlButton");
    String error = agent.awaitText("chatError", "the refusal shown", t -> t.startsWith("400"));
    assertTrue(agent.byId("chatError").isDisplayed(), error);
  }

  private String alerts() {
    return (String) agent.script("return document.body.dataset.alerts || '0';");
  }

  @Test
  void shouldRefuseWrongPasswordOnTheConsole() {
    agent.open(http.uri("agent/"));
    agent.type("login", "consoleagent");
    agent.type("password", "wrong");
    agent.click("loginButton");
    agent.awaitText("loginError", "the refusal", "Wrong login or password"::equals);
  }

  @Test
  void shouldAnswerScriptsWithoutChallengeSoNoBrowserDialogOpens() {
    java.net.http.HttpResponse<String> page =
        http.send(
            java.net.http.HttpRequest.newBuilder(http.uri("1/agent/me"))
                .header("Authorization", Http.basic("consoleagent", "x"))
                .header("X-Requested-With", "XMLHttpRequest"));
    assertEquals(401, page.statusCode());
    assertTrue(page.headers().firstValue("WWW-Authenticate").isEmpty(), page.headers().toString());
    assertTrue(http.get("1/agent/me").headers().firstValue("WWW-Authenticate").isPresent());
  }

  /**
   * Logs the console out, as an agent ending the shift: its CometD session ends now instead of
   * lingering until max_interval, where it would count against max_sessions_per_user (3 in the test
   * configuration) for the next test's log-in.
   */
  private void logOutOfTheConsole() {
    if (Boolean.TRUE.equals(
        agent.script("const s = document.getElementById('session'); return s && !s.hidden;"))) {
      agent.click("logoutButton");
      agent.awaitScript(
          "the console's CometD session disconnected",
          "return document.body.dataset.cometd === 'disconnected';");
    }
  }

  private void logInAndGoReady() {
    agent.open(http.uri("agent/"));
    agent.type("login", "consoleagent");
    agent.type("password", "consoleagent");
    agent.click("loginButton");
    try {
      agent.awaitText("connection", "the CometD session", "online"::equals);
    } catch (org.openqa.selenium.TimeoutException e) {
      // what the page shows of the refusal, and what the browser said
      throw new AssertionError(
          e.getMessage().lines().findFirst().orElse("")
              + "; #chatError: "
              + agent.text("chatError")
              + "; #loginError: "
              + agent.script("return document.getElementById('loginError').textContent;")
              + "; #session hidden: "
              + agent.script("return document.getElementById('session').hidden;")
              + "; presence: "
              + agent.script("return document.getElementById('presence').textContent;")
              + "; console: "
              + agent.consoleErrors(),
          e);
    }
    agent.click("readyButton");
    agent.awaitText("presence", "the agent ready", "ready"::equals);
    assertEquals(Boolean.TRUE, agentApi.get("me").body().contains("\"ready\":true"));
  }

  /** Starts a chat on the demo page; {@code query} adds to its query string (e.g. &notify=poll). */
  private void startChat(String subject, String query) {
    customer.open(http.uri("chat/?service=console-chat" + query));
    customer.type("firstName", "Buzz");
    customer.type("lastName", "Brain");
    customer.type("subject", subject);
    customer.click("startButton");
    customer.awaitText("status", "the chat started", t -> !t.isEmpty());
  }

  private String chatIdOnConsole() {
    return agent
        .byId("chats")
        .findElement(org.openqa.selenium.By.tagName("li"))
        .getDomAttribute("data-chat");
  }
}
