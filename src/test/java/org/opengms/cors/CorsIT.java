package org.opengms.cors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opengms.testing.ApiAssertions.assertError;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengms.testing.AdminView;
import org.opengms.testing.Browser;
import org.opengms.testing.Conditions;
import org.opengms.testing.DatabaseIndependent;
import org.opengms.testing.Deployments;
import org.opengms.testing.Http;
import org.opengms.testing.ItConfigFile;
import org.opengms.testing.Json;

/**
 * {@code [cors]} as browsers use it: preflights and response headers over plain HTTP, and the
 * Storage sample page served from another origin (http://localhost:port) calling the API at
 * http://127.0.0.1:port in headless Chromium.
 */
@DatabaseIndependent
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CorsIT {

  private static final String APP = "https://app.example.com";
  private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL base;
  Http http;
  ItConfigFile file;

  @BeforeEach
  void client() {
    http = new Http(Deployments.loopback(base));
    file = new ItConfigFile();
  }

  @AfterEach
  void restore() {
    file.close();
    awaitCorsFor(APP, false);
  }

  @Test
  void shouldSendNoCorsHeadersWhenOffByDefault() {
    HttpResponse<String> get = get("1/admin/node/status", APP);
    assertEquals(200, get.statusCode());
    assertEquals(Optional.empty(), get.headers().firstValue("Access-Control-Allow-Origin"));
    HttpResponse<String> preflight = preflight("1/storage/x", APP, "DELETE", null);
    assertEquals(Optional.empty(), preflight.headers().firstValue("Access-Control-Allow-Origin"));
  }

  @Test
  void shouldAnswerPreflightAndAllowOnlyListedOrigins() {
    configure(
        "allowedOrigins = "
            + APP
            + ", https://*.partner.example\nexposedHeaders = Age\nallowCredentials = true\n"
            + "preflightMaxAge = 600\n");

    HttpResponse<String> ok = preflight("1/storage/x", APP, "DELETE", "Content-Type, gms_user");
    assertEquals(200, ok.statusCode(), ok.body());
    assertEquals(APP, header(ok, "Access-Control-Allow-Origin"));
    assertTrue(header(ok, "Access-Control-Allow-Methods").contains("DELETE"));
    assertEquals("Content-Type, gms_user", header(ok, "Access-Control-Allow-Headers"));
    assertEquals("600", header(ok, "Access-Control-Max-Age"));
    assertEquals("true", header(ok, "Access-Control-Allow-Credentials"));
    assertTrue(ok.headers().allValues("Vary").toString().contains("Origin"));

    HttpResponse<String> sub = get("1/admin/node/status", "https://a.b.partner.example");
    assertEquals("https://a.b.partner.example", header(sub, "Access-Control-Allow-Origin"));
    assertEquals("Age", header(sub, "Access-Control-Expose-Headers"));

    for (String refused :
        new String[] {
          "https://partner.example", "https://evil.example", "http://app.example.com"
        }) {
      HttpResponse<String> pre = preflight("1/storage/x", refused, "DELETE", null);
      assertError(pre, 403, "AccessDeniedException");
      assertEquals(Optional.empty(), pre.headers().firstValue("Access-Control-Allow-Origin"));
      HttpResponse<String> simple = get("1/admin/node/status", refused);
      assertEquals(Optional.empty(), simple.headers().firstValue("Access-Control-Allow-Origin"));
    }
    assertError(preflight("1/storage/x", APP, "PATCH", null), 403, "AccessDeniedException");
    assertError(
        preflight("1/storage/x", APP, "POST", "X-Not-Listed"), 403, "AccessDeniedException");
  }

  @Test
  void shouldRefuseUnworkableCorsOptionsWhenFileLoads() {
    configure("allowedOrigins = " + APP + "\n");
    String good = file.original() + "\n[cors]\nallowedOrigins = " + APP + "\n";
    for (String bad :
        new String[] {
          "allowedOrigins = https://app.example.com/path\n",
          "allowedOrigins = *\nallowCredentials = true\n",
          "allowedOrigins = " + APP + "\npreflightMaxAge = soon\n"
        }) {
      file.write(text -> text + "\n[cors]\n" + bad);
      Conditions.await(
          "refusal of " + bad,
          Duration.ofSeconds(15),
          () -> {
            String reason = AdminView.refusedChange(http);
            return reason != null && reason.contains("[cors]");
          });
      assertEquals(APP, header(get("1/admin/node/status", APP), "Access-Control-Allow-Origin"));
      file.write(text -> good);
      Conditions.await(
          "good file in force again",
          Duration.ofSeconds(15),
          () -> AdminView.refusedChange(http) == null);
    }
  }

  @Test
  void shouldLetStoragePageFromAllowedOriginUseTheApi() {
    String pageOrigin = "http://localhost:" + http.uri("/").getPort();
    configure("allowedOrigins = " + pageOrigin + "\n");
    try (Browser browser = Browser.start(Deployments.loopback(base))) {
      browser.open(page(pageOrigin));
      browser.type("Key1", "cross");
      browser.click("create");
      String id = browser.awaitText("storage_id_label", "an id after Create", t -> t.matches(UUID));
      assertEquals("cross", Json.object(http.get("1/storage/" + id).body()).get("a"));

      browser.click("query");
      browser.awaitText(
          "query_result_label", "the area's keys", t -> t.startsWith("{") && t.contains("cross"));
      browser.type("Key2", "changed");
      browser.click("update");
      browser.awaitText("status_label", "updated", "updated"::equals);
      assertEquals("changed", Json.object(http.get("1/storage/" + id).body()).get("b"));

      browser.click("delete"); // DELETE: the browser sends a preflight first
      browser.awaitText("status_label", "deleted", "deleted"::equals);
      assertEquals(404, http.get("1/storage/" + id).statusCode());
    }
  }

  @Test
  void shouldKeepAnswersFromStoragePageWhenOriginNotAllowed() {
    String pageOrigin = "http://localhost:" + http.uri("/").getPort();
    configure("allowedOrigins = https://elsewhere.example\n");
    try (Browser browser = Browser.start(Deployments.loopback(base))) {
      browser.open(page(pageOrigin));
      browser.click("create");
      browser.awaitText("status_label", "the browser refusing the answer", "error 0"::equals);
      assertEquals("", browser.text("storage_id_label"));
    }
  }

  private URI page(String pageOrigin) {
    String server = "http://127.0.0.1:" + http.uri("/").getPort();
    return URI.create(pageOrigin + "/genesys/resources/storagetest.html?server=" + server);
  }

  private void configure(String corsOptions) {
    file.write(text -> text + "\n[cors]\n" + corsOptions);
    String origin = corsOptions.replaceAll("(?s).*allowedOrigins = ([^,\\n]+).*", "$1");
    awaitCorsFor(origin, true);
  }

  private void awaitCorsFor(String origin, boolean allowed) {
    Conditions.await(
        "CORS " + (allowed ? "on" : "off") + " for " + origin,
        Duration.ofSeconds(15),
        () ->
            get("1/admin/node/status", origin)
                    .headers()
                    .firstValue("Access-Control-Allow-Origin")
                    .isPresent()
                == allowed);
  }

  private HttpResponse<String> get(String path, String origin) {
    return http.send(HttpRequest.newBuilder(http.uri(path)).header("Origin", origin).GET());
  }

  private HttpResponse<String> preflight(
      String path, String origin, String method, String headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(http.uri(path))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", method);
    if (headers != null) {
      request.header("Access-Control-Request-Headers", headers);
    }
    return http.send(request);
  }

  private static String header(HttpResponse<String> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }
}
