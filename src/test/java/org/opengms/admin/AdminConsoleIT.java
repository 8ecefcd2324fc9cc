package org.opengms.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opengms.testing.ApiAssertions.assertError;
import static org.opengms.testing.ApiAssertions.assertOkJson;

import java.io.IOException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengms.testing.Browser;
import org.opengms.testing.Conditions;
import org.opengms.testing.Deployments;
import org.opengms.testing.Http;
import org.opengms.testing.Json;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin console (/genesys/admin/) in headless Chromium, logged in as the admin of it-gms.ini:
 * each action on callbacks (filter, page, create, reschedule, edit, cancel several, the CSV), the
 * live view following a waiting chat, nodes and the masked configuration; and its API refusing
 * anonymous requests (401) and agents (403). Each test marks its callbacks with a property of its
 * own ({@code _usr_batch}) and filters on it, so callbacks of other tests never show.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminConsoleIT {

  private static final String SERVICE = "cb-admin";
  private static final String ADMIN = Http.basic("admin", "admin");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL base;
  Http http;
  Browser browser;
  Path downloads;
  String batch;

  @BeforeEach
  void open() throws IOException {
    http = new Http(base);
    downloads = Files.createTempDirectory("opengms-admin-downloads-");
    browser = Browser.start(base, downloads);
    batch = UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void close() throws IOException {
    browser.close();
    try (var files = Files.list(downloads)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
    }
    Files.deleteIfExists(downloads);
  }

  // ------------------------------------------------------------------ callbacks

  @Test
  void shouldFilterByServiceStatePropertyAndTimeAndPageOnTheServer() {
    Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
    for (int i = 0; i < 25; i++) {
      create(Map.of("_desired_time", start.plus(i, ChronoUnit.MINUTES).toString()));
    }
    logIn("admin", "admin");
    filterBatch("SCHEDULED", "20");
    browser.awaitText("pageInfo", "the first page", "1–20 of 25"::equals);
    assertEquals(20, rows().size());
    assertEquals(start.toString().replace("Z", ".000Z"), cells(rows().get(0)).get(4));
    browser.click("nextButton");
    browser.awaitText("pageInfo", "the second page", "21–25 of 25"::equals);
    assertEquals(5, rows().size());
    assertFalse(browser.byId("nextButton").isEnabled());
    browser.click("prevButton");
    browser.awaitText("pageInfo", "back on the first page", "1–20 of 25"::equals);
    screenshot("callbacks");

    // the desired-time window: minutes 5 to 14
    browser.type("filterFrom", start.plus(5, ChronoUnit.MINUTES).toString());
    browser.type("filterTo", start.plus(14, ChronoUnit.MINUTES).toString());
    browser.click("filterButton");
    browser.awaitText("pageInfo", "the window", "1–10 of 10"::equals);

    // another state: none of them is QUEUED
    new Select(browser.byId("filterState")).selectByVisibleText("QUEUED");
    browser.click("filterButton");
    browser.awaitText("pageInfo", "no queued ones", "0–0 of 0"::equals);
  }

  @Test
  void shouldCreateRescheduleEditAndCancelACallback() {
    logIn("admin", "admin");
    Instant desired = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
    new Select(browser.byId("createService")).selectByVisibleText(SERVICE);
    browser.type("createNumber", "5550100");
    browser.type("createTime", desired.toString());
    browser.type("createProperties", "_usr_batch=" + batch + "\n_usr_reason=billing");
    browser.click("createButton");
    String created =
        browser.awaitText("createResult", "the created id", t -> t.startsWith("Created "));
    String id = created.substring("Created ".length());
    assertEquals("SCHEDULED", query(id).get("_callback_state"));
    assertEquals("billing", query(id).get("_usr_reason"));

    filterBatch("", "50");
    browser.awaitText("pageInfo", "the new callback listed", "1–1 of 1"::equals);
    browser.driver().findElement(By.cssSelector("#callbackRows td.id")).click();
    browser.awaitText("editId", "the edit form", id::equals);

    Instant later = desired.plus(2, ChronoUnit.HOURS);
    browser.type("editTime", later.toString());
    browser.click("rescheduleButton");
    browser.awaitText("editResult", "rescheduled", "Rescheduled"::equals);
    assertEquals(later.toString().replace("Z", ".000Z"), query(id).get("_desired_time"));

    browser.type(
        "editProperties", "_usr_batch=" + batch + "\n_usr_reason=refund\n_usr_note=call after 5");
    browser.click("saveButton");
    browser.awaitText("editResult", "saved", "Saved"::equals);
    Map<String, Object> edited = query(id);
    assertEquals("refund", edited.get("_usr_reason"));
    assertEquals("call after 5", edited.get("_usr_note"));

    browser.click("cancelOneButton");
    browser.awaitText("callbackRows", "cancelled on the page", t -> t.contains("COMPLETED"));
    assertEquals("COMPLETED", query(id).get("_callback_state"));
    assertEquals("CANCELLED_BY_ADMIN", query(id).get("_callback_reason"));
  }

  @Test
  void shouldCancelSeveralAndExportTheCancelledOnesAsCsv() throws IOException {
    Instant start = Instant.now().plus(4, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ids.add(
          create(
              Map.of(
                  "_desired_time",
                  start.plus(i, ChronoUnit.MINUTES).toString(),
                  "_usr_name",
                  "Name, " + i)));
    }
    logIn("admin", "admin");
    filterBatch("", "50");
    browser.awaitText("pageInfo", "the batch", "1–4 of 4"::equals);
    List<WebElement> checks =
        browser.driver().findElements(By.cssSelector("#callbackRows input.select"));
    for (int i = 0; i < 3; i++) {
      checks.get(i).click();
    }
    browser.awaitText("cancelSelectedButton", "three selected", "Cancel selected (3)"::equals);
    browser.click("cancelSelectedButton");
    browser.awaitText("exportInfo", "three cancelled", "Cancelled 3"::equals);
    browser.awaitText(
        "callbackRows", "the page shows them", t -> t.split("CANCELLED_BY_ADMIN", -1).length == 4);
    for (int i = 0; i < 4; i++) {
      assertEquals(i < 3 ? "COMPLETED" : "SCHEDULED", query(ids.get(i)).get("_callback_state"));
    }

    browser.type("exportProperties", "_usr_batch,_usr_name");
    browser.click("exportButton");
    browser.awaitText("exportInfo", "exported", "Exported 3 cancelled callbacks"::equals);
    Path csv = downloads.resolve("cancelled-callbacks.csv");
    Conditions.await(
        "the CSV downloaded",
        Browser.WAIT,
        () ->
            Files.exists(csv)
                && !Files.exists(downloads.resolve("cancelled-callbacks.csv.crdownload")));
    List<String> lines = Files.readAllLines(csv);
    assertEquals(
        "_id,_service_name,_desired_time,_callback_reason,_usr_batch,_usr_name", lines.get(0));
    assertEquals(4, lines.size(), lines.toString());
    for (int i = 0; i < 3; i++) {
      assertEquals(
          ids.get(i)
              + ","
              + SERVICE
              + ","
              + start.plus(i, ChronoUnit.MINUTES).toString().replace("Z", ".000Z")
              + ",CANCELLED_BY_ADMIN,"
              + batch
              + ",\"Name, "
              + i
              + "\"",
          lines.get(i + 1));
    }
  }

  // ------------------------------------------------------------------ live, nodes, configuration

  @Test
  void shouldShowAChatWaitingInItsQueue() {
    logIn("admin", "admin");
    browser.click("tabLive");
    String before = browser.awaitText("queueRows", "the queues", t -> t.contains("admin-live"));
    long waiting = Long.parseLong(queueCell("admin-live", 2));
    assertTrue(before.contains("cb-admin"), before);
    assertFalse(
        browser.driver().findElements(By.cssSelector("#waitingChart canvas")).isEmpty(),
        "the chart is drawn");

    String service = (String) assertOkJson(http.postNothing("1/service/admin-chat")).get("_id");
    try {
      assertOkJson(
          http.postForm("1/service/" + service + "/ixn/chat", Map.of("subject", "Waiting")));
      new WebDriverWait(browser.driver(), Browser.WAIT)
          .withMessage(() -> "one more waiting chat in admin-live")
          .ignoring(StaleElementReferenceException.class)
          .until(d -> Long.parseLong(queueCell("admin-live", 2)) == waiting + 1);
      // and the JSON snapshot the page reads
      Map<String, Object> live =
          Json.object(
              http.send(
                      HttpRequest.newBuilder(http.uri("1/admin/live"))
                          .header("Authorization", ADMIN))
                  .body());
      assertTrue(live.get("history") instanceof List<?>, live.toString());
      screenshot("live");
    } finally {
      http.postForm("1/service/" + service + "/ixn/chat/disconnect", Map.of());
    }
    new WebDriverWait(browser.driver(), Browser.WAIT)
        .withMessage(() -> "the chat no longer waits")
        .ignoring(StaleElementReferenceException.class)
        .until(d -> Long.parseLong(queueCell("admin-live", 2)) == waiting);
  }

  @Test
  void shouldShowTheNodeAndTheConfigurationWithSecretsMasked() {
    logIn("admin", "admin");
    browser.click("tabNodes");
    browser.awaitText(
        "nodeRows", "this node", t -> t.contains("(this node)") && t.contains("ONLINE"));
    // the heartbeat goes on (every second here): Refresh shows a later one, read from the database
    String first = nodeCell(2);
    new WebDriverWait(browser.driver(), Browser.WAIT)
        .withMessage(() -> "a heartbeat after " + first)
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              browser.click("nodesRefresh");
              String now = nodeCell(2);
              return !now.isEmpty() && Instant.parse(now).isAfter(Instant.parse(first));
            });
    assertEquals("", nodeCell(4), "a running node has not left");
    WebElement secret =
        new WebDriverWait(browser.driver(), Browser.WAIT)
            .until(
                d ->
                    d.findElement(
                        By.cssSelector(
                            "#configSections tr[data-option='push/httpcb_signing_secret']")));
    assertEquals("********", secret.findElements(By.tagName("td")).get(1).getText());
    assertFalse(browser.driver().getPageSource().contains("it-secret"));
    assertFalse(browser.driver().getPageSource().contains("PBKDF2WithHmacSHA256"));
    assertTrue(browser.text("refusedChange").length() > 0);
    screenshot("nodes");
  }

  /** A cell of this node's row in the nodes table (0: name). */
  private String nodeCell(int column) {
    return browser
        .driver()
        .findElement(By.cssSelector("#nodeRows tr"))
        .findElements(By.tagName("td"))
        .get(column)
        .getText();
  }

  // ------------------------------------------------------------------ who may

  @Test
  void shouldRefuseAgentsOnThePage() {
    browser.open(http.uri("admin/"));
    browser.type("login", "agent1");
    browser.type("password", "agent1");
    browser.click("loginButton");
    browser.awaitText("loginError", "the refusal", "This login is not an admin"::equals);
    assertFalse(browser.byId("desk").isDisplayed());
  }

  @Test
  void shouldRefuseAnonymousRequestsAndAgentsOnEveryCallOfThePage() {
    String agent = Http.basic("agent1", "agent1");
    for (String[] call :
        new String[][] {
          {"GET", "1/admin/callbacks"},
          {"GET", "1/admin/callbacks/cancelled.csv"},
          {"POST", "1/admin/callbacks/" + SERVICE},
          {"PUT", "1/admin/callbacks/" + SERVICE + "/x"},
          {"POST", "1/admin/callback/cancel"},
          {"GET", "1/admin/live"},
          {"GET", "1/admin/nodes"},
          {"GET", "1/admin/config"}
        }) {
      // a body only where the call has one (a GET with a body is a client error of its own)
      String body = call[0].equals("GET") ? null : "{}";
      var anonymous = send(call[0], call[1], null, body);
      assertEquals(401, anonymous.statusCode(), call[0] + " " + call[1] + ": " + anonymous.body());
      assertError(anonymous, 401, "AuthenticationRequiredException");
      var asAgent = send(call[0], call[1], agent, body);
      assertEquals(403, asAgent.statusCode(), call[0] + " " + call[1] + ": " + asAgent.body());
      assertError(asAgent, 403, "AccessDeniedException");
    }
  }

  @Test
  void shouldAnswerBadInputWith4xxInTheErrorShape() {
    for (String query :
        List.of(
            "limit=0",
            "limit=201",
            "limit=ten",
            "state=WAITING",
            "from=yesterday",
            "from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z",
            "after=not-a-token",
            "sort=id",
            "limit=5&limit=6",
            "prop.a=1&prop.b=1&prop.c=1&prop.d=1&prop.e=1&prop.f=1&prop.g=1&prop.h=1&prop.i=1"
                + "&prop.j=1&prop.k=1")) {
      var response = send("GET", "1/admin/callbacks?" + query, ADMIN, null);
      assertEquals(400, response.statusCode(), query + ": " + response.body());
      Map<String, Object> body = Json.object(response.body());
      assertTrue(body.get("message") instanceof String m && !m.isBlank(), response.body());
    }
    assertError(
        send("GET", "1/admin/callbacks?service=no-such", ADMIN, null),
        404,
        "ResourceNotFoundException");
    assertError(
        send("POST", "1/admin/callbacks/" + SERVICE, ADMIN, "[1,2"),
        400,
        "InvalidRequestException");
    String id = create(Map.of("_desired_time", Instant.now().plus(5, ChronoUnit.DAYS).toString()));
    assertError(
        send("PUT", "1/admin/callbacks/" + SERVICE + "/" + id, ADMIN, "{}"),
        400,
        "InvalidRequestException");
    assertError(
        send("PUT", "1/admin/callbacks/" + SERVICE + "/no-such-id", ADMIN, "{\"_usr_x\":\"1\"}"),
        404,
        "ResourceNotFoundException");
    var badTime =
        send(
            "PUT",
            "1/admin/callbacks/" + SERVICE + "/" + id,
            ADMIN,
            "{\"_new_desired_time\":\"soon\"}");
    assertEquals(400, badTime.statusCode(), badTime.body());
  }

  // ------------------------------------------------------------------ helpers

  /** A picture of the page for the docs: target/screenshots/admin-console-<name>.png. */
  private void screenshot(String name) {
    try {
      Path dir = Files.createDirectories(Path.of("target", "screenshots"));
      browser.screenshot(dir.resolve("admin-console-" + name + ".png"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void logIn(String login, String password) {
    browser.open(http.uri("admin/"));
    browser.type("login", login);
    browser.type("password", password);
    browser.click("loginButton");
    browser.awaitText("pageInfo", "the first search", t -> t.contains(" of "));
  }

  /** Lists this test's callbacks of the service ({@code _usr_batch}), in {@code state} ("" any). */
  private void filterBatch(String state, String limit) {
    new Select(browser.byId("filterService")).selectByVisibleText(SERVICE);
    new Select(browser.byId("filterState")).selectByValue(state);
    new Select(browser.byId("filterLimit")).selectByVisibleText(limit);
    browser.type("filterPropName", "_usr_batch");
    browser.type("filterPropValue", batch);
    String old = browser.text("pageInfo");
    browser.click("filterButton");
    browser.awaitText("pageInfo", "the search answered", t -> !t.equals(old) || rowsMatchBatch());
  }

  /** Whether every row shown is of this batch (false while the page replaces its rows). */
  private boolean rowsMatchBatch() {
    try {
      return rows().stream().allMatch(r -> r.getText().contains(batch));
    } catch (StaleElementReferenceException e) {
      return false;
    }
  }

  private List<WebElement> rows() {
    return browser.driver().findElements(By.cssSelector("#callbackRows tr"));
  }

  private static List<String> cells(WebElement row) {
    return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
  }

  /** A cell of the queue's row; the page replaces the rows every few seconds, so retried. */
  private String queueCell(String queue, int column) {
    By cell =
        By.cssSelector("#queueRows tr[data-queue='" + queue + "'] td:nth-child(" + column + ")");
    return new WebDriverWait(browser.driver(), Browser.WAIT)
        .ignoring(StaleElementReferenceException.class)
        .until(d -> d.findElement(cell).getText());
  }

  /** A callback of this test's batch through the admin API; its id. */
  private String create(Map<String, String> properties) {
    StringBuilder json = new StringBuilder("{\"_customer_number\":\"5550199\",\"_usr_batch\":");
    json.append(Json.quote(batch));
    properties.forEach(
        (k, v) -> json.append(',').append(Json.quote(k)).append(':').append(Json.quote(v)));
    json.append('}');
    return (String)
        assertOkJson(send("POST", "1/admin/callbacks/" + SERVICE, ADMIN, json.toString()))
            .get("_id");
  }

  private Map<String, Object> query(String id) {
    List<Map<String, Object>> found =
        Json.objects(http.get("1/service/callback/" + SERVICE + "?_id=" + id).body());
    assertEquals(1, found.size(), found.toString());
    return found.get(0);
  }

  private java.net.http.HttpResponse<String> send(
      String method, String path, String authorization, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(http.uri(path))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request);
  }
}
