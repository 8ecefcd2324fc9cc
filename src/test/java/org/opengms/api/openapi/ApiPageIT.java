package org.opengms.api.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
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
import org.opengms.testing.Browser;
import org.opengms.testing.DatabaseIndependent;
import org.opengms.testing.Deployments;
import org.opengms.testing.Http;
import org.opengms.testing.Json;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The API page {@code /genesys/api/} in headless Chromium: Swagger UI from the WAR loads our
 * description under the pages' strict Content-Security-Policy, shows every operation, and "Try it
 * out" reaches the server.
 */
@DatabaseIndependent
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiPageIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL base;
  Http http;
  Browser browser;

  @BeforeEach
  void open() {
    http = new Http(base);
    browser = Browser.start(base);
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void shouldShowEveryDescribedOperationUnderTheStrictPolicy() {
    HttpResponse<String> page = http.get("api/");
    assertEquals(200, page.statusCode(), page.body());
    String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
    assertTrue(policy.contains("script-src 'self';"), policy);
    assertTrue(policy.contains("connect-src 'self';"), policy);
    int described =
        new OpenApiDocument(Json.object(http.get("openapi.json").body())).operations().size();

    browser.open(URI.create(base + "api/"));
    List<WebElement> operations =
        new WebDriverWait(browser.driver(), Browser.WAIT)
            .withMessage("Swagger UI showing " + described + " operations")
            .until(
                d -> {
                  List<WebElement> blocks = d.findElements(By.cssSelector(".opblock"));
                  return blocks.size() == described ? blocks : null;
                });
    assertTrue(
        operations.stream().anyMatch(o -> o.getText().contains("Create a storage area with a TTL")),
        "an operation's summary shown");
    assertTrue(
        browser.driver().findElement(By.cssSelector(".info .title")).getText().contains("GMS"));
    assertEquals(List.of(), browser.consoleErrors());
    // and the console is really read: an error logged now is seen
    ((JavascriptExecutor) browser.driver()).executeScript("console.error('probe-error')");
    assertTrue(browser.consoleErrors().stream().anyMatch(e -> e.contains("probe-error")));
  }

  @Test
  void shouldCallTheServerFromTryItOut() {
    browser.open(URI.create(base + "api/"));
    By nodeStatus = By.id("operations-Node_API-nodeStatus");
    WebElement operation =
        new WebDriverWait(browser.driver(), Browser.WAIT)
            .withMessage("the Node API operation shown")
            .until(d -> d.findElements(nodeStatus).stream().findFirst().orElse(null));
    operation.findElement(By.cssSelector(".opblock-summary-control")).click();
    click(By.cssSelector("#operations-Node_API-nodeStatus .try-out__btn"));
    click(By.cssSelector("#operations-Node_API-nodeStatus .execute"));
    String answer =
        new WebDriverWait(browser.driver(), Browser.WAIT)
            .withMessage("the server's answer shown")
            .until(
                d ->
                    d
                        .findElements(
                            By.cssSelector("#operations-Node_API-nodeStatus .live-responses-table"))
                        .stream()
                        .map(WebElement::getText)
                        .filter(t -> t.contains("ONLINE"))
                        .findFirst()
                        .orElse(null));
    assertTrue(answer.contains("200"), answer);
    String shown = browser.driver().findElement(nodeStatus).getText();
    assertTrue(shown.contains(base + "1/admin/node/status"), shown); // the Request URL
    assertEquals(List.of(), browser.consoleErrors());
  }

  private void click(By button) {
    new WebDriverWait(browser.driver(), Browser.WAIT)
        .withMessage(() -> "button " + button)
        .until(
            d ->
                d.findElements(button).stream()
                    .filter(WebElement::isDisplayed)
                    .findFirst()
                    .orElse(null))
        .click();
  }
}
