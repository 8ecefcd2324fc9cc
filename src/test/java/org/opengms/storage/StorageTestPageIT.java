package org.opengms.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.net.http.HttpResponse;
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
import org.opengms.testing.Browser;
import org.opengms.testing.DatabaseIndependent;
import org.opengms.testing.Deployments;
import org.opengms.testing.Http;
import org.opengms.testing.Json;

/**
 * The Storage API sample page (/genesys/resources/storagetest.html) in a real browser: a user
 * clicks its buttons and reads its labels; the server's state is checked over plain HTTP.
 */
@DatabaseIndependent
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StorageTestPageIT {

  private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

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
    browser.open(http.uri("resources/storagetest.html"));
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void shouldCreateQueryUpdateAndDeleteWhenUserClicksThrough() {
    browser.type("Key1", "Value1");
    browser.type("Key2", "Väłue 2");
    browser.type("Key3", "Value3");

    browser.click("create");
    String id =
        browser.awaitText("storage_id_label", "a storage id after Create", t -> t.matches(UUID));
    Map<String, Object> created = Map.of("a", "Value1", "b", "Väłue 2", "c", "Value3");
    assertEquals(created, Json.object(http.get("1/storage/" + id).body()));

    browser.click("query");
    awaitQueryShows(created);

    browser.type("Key2", "Value6");
    browser.click("update");
    browser.awaitText("status_label", "\"updated\" after Update", "updated"::equals);
    Map<String, Object> updated = Map.of("a", "Value1", "b", "Value6", "c", "Value3");
    assertEquals(updated, Json.object(http.get("1/storage/" + id).body()));

    browser.click("query");
    awaitQueryShows(updated);

    browser.click("delete");
    browser.awaitText("status_label", "\"deleted\" after Delete", "deleted"::equals);
    HttpResponse<String> gone = http.get("1/storage/" + id);
    assertEquals(404, gone.statusCode(), gone.body());

    browser.click("query");
    browser.awaitText(
        "query_result_label", "404 after Query of the deleted area", t -> t.startsWith("404 "));
    assertEquals(id, browser.text("storage_id_label"));
  }

  private void awaitQueryShows(Map<String, Object> values) {
    browser.awaitText(
        "query_result_label",
        "Query showing " + values,
        t -> t.startsWith("{") && Json.object(t).equals(values));
  }
}
