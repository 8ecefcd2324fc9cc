package org.opengms.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opengms.testing.ApiAssertions.assertOkJson;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengms.testing.Browser;
import org.opengms.testing.DatabaseIndependent;
import org.opengms.testing.Deployments;
import org.opengms.testing.Http;
import org.opengms.testing.Multipart;

/**
 * Uploaded files never run as pages of our origin: an anonymous upload of HTML with a script is
 * downloaded (and sandboxed if opened), not rendered; safe types show inline; the shipped pages
 * carry a strict CSP.
 */
@DatabaseIndependent
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SafeDownloadsIT {

  private static final String SCRIPT_PAGE =
      "<html><head><title>static</title></head><body><script>document.title='ran';</script></body></html>";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL base;

  private String upload(Http http, String fileName, String contentType, String content) {
    String id =
        (String)
            assertOkJson(
                    http.postMultipart(
                        "1/storage/600",
                        new Multipart()
                            .file(
                                "F",
                                fileName,
                                contentType,
                                content.getBytes(StandardCharsets.UTF_8))))
                .get("id");
    return "1/storage/binary/" + id + "/F";
  }

  @Test
  void shouldServeActiveTypesAsSandboxedAttachments() {
    Http http = new Http(base);
    for (String type :
        new String[] {"text/html", "image/svg+xml", "application/xhtml+xml", "text/xml"}) {
      HttpResponse<String> file = http.get(upload(http, "x.html", type, SCRIPT_PAGE));
      assertEquals(200, file.statusCode());
      assertEquals("nosniff", file.headers().firstValue("X-Content-Type-Options").orElse(""), type);
      assertEquals(
          "sandbox", file.headers().firstValue("Content-Security-Policy").orElse(""), type);
      assertTrue(
          file.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"),
          type + ": " + file.headers().map());
      assertEquals(SCRIPT_PAGE, file.body(), "the bytes are unchanged");
    }
  }

  @Test
  void shouldShowSafeTypesInline() {
    Http http = new Http(base);
    for (String type :
        new String[] {"image/png", "image/jpeg", "application/pdf", "text/plain; charset=UTF-8"}) {
      HttpResponse<String> file = http.get(upload(http, "a.bin", type, "x"));
      assertEquals(
          "inline; filename=\"a.bin\"; filename*=UTF-8''a.bin",
          file.headers().firstValue("Content-Disposition").orElse(""),
          type);
      assertEquals("nosniff", file.headers().firstValue("X-Content-Type-Options").orElse(""));
      assertEquals("sandbox", file.headers().firstValue("Content-Security-Policy").orElse(""));
    }
  }

  @Test
  void shouldNotRunAnUploadedScriptInTheBrowser() {
    Http http = new Http(base);
    String html = upload(http, "page.html", "text/html", SCRIPT_PAGE);
    String plain = upload(http, "page.txt", "text/plain", SCRIPT_PAGE);
    try (Browser browser = Browser.start(base)) {
      browser.open(http.uri("chat/"));
      browser.open(http.uri(html));
      assertNotEquals("ran", browser.driver().getTitle(), "an HTML upload is downloaded, not run");
      browser.open(http.uri(plain));
      assertNotEquals("ran", browser.driver().getTitle(), "text is shown as text, never sniffed");
    }
  }

  @Test
  void shouldGiveTheShippedPagesAStrictPolicy() {
    Http http = new Http(base);
    for (String page : new String[] {"agent/", "chat/", "resources/storagetest.html"}) {
      HttpResponse<String> answer = http.get(page);
      assertEquals(200, answer.statusCode(), page);
      String policy = answer.headers().firstValue("Content-Security-Policy").orElse("");
      assertTrue(policy.contains("script-src 'self';"), page + ": " + policy);
      assertTrue(policy.contains("worker-src 'self' blob:"), policy);
      assertTrue(policy.contains("object-src 'none'"), policy);
      assertTrue(!policy.contains("unsafe-inline") && !policy.contains("unsafe-eval"), policy);
    }
  }
}
