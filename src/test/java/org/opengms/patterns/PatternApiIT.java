package org.opengms.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opengms.testing.ApiAssertions.assertError;
import static org.opengms.testing.ApiAssertions.assertOkJson;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengms.testing.Deployments;
import org.opengms.testing.Http;
import org.opengms.testing.Json;
import org.opengms.testing.Multipart;

/** The Pattern Matcher API with the reference's examples (patterns of it-gms.ini). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PatternApiIT {

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
  void shouldNameMatchingPatternsWhenMultipartPosted() {
    HttpResponse<String> response =
        http.postMultipart(
            "1/patterns",
            new Multipart()
                .text("param1", "")
                .text("param2", "john.doe@gmail.com")
                .text("param3", "911-"));

    assertEquals(Map.of("param2", "email", "param3", "911"), assertOkJson(response));
  }

  @Test
  void shouldMatchAgainstGroupWhenUrlEncodedPosted() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("param1", "john.doe@gmail.com");
    form.put("param2", "blabla");

    HttpResponse<String> response = http.postForm("1/patterns/group/patterns_def1", form);

    assertEquals(Map.of("param1", "email"), assertOkJson(response));
  }

  @Test
  void shouldAnswerEmptyObjectWhenNothingMatches() {
    HttpResponse<String> response = http.postForm("1/patterns", Map.of("p", "nothing here"));

    assertEquals(Map.of(), assertOkJson(response));
  }

  @Test
  void shouldAnswer403WithGmsMessageWhenGroupUnknown() {
    HttpResponse<String> response =
        http.postForm("1/patterns/group/patterns_def1s", Map.of("p", "x"));

    assertError(response, 403, "AccessDeniedException");
    assertEquals("Group (patterns_def1s) unknown.", Json.object(response.body()).get("message"));
  }

  @Test
  void shouldAnswer415WhenBodyIsJson() {
    assertError(
        http.post("1/patterns", "application/json", "{}"), 415, "UnsupportedMediaTypeException");
  }

  @Test
  void shouldAnswer415WhenPostHasNeitherContentTypeNorBody() {
    assertError(http.postNothing("1/patterns"), 415, "UnsupportedMediaTypeException");
    assertError(
        http.postNothing("1/patterns/group/patterns_def1"), 415, "UnsupportedMediaTypeException");
  }

  @Test
  void shouldAnswer415WhenBodyHasNoContentType() {
    assertError(http.post("1/patterns", null, "p=x"), 415, "UnsupportedMediaTypeException");
  }

  @Test
  void shouldAnswer413WhenTooManyParameters() {
    Map<String, String> form = new LinkedHashMap<>();
    for (int i = 0; i < 11; i++) {
      form.put("p" + i, "x");
    }
    assertError(http.postForm("1/patterns", form), 413, "PayloadTooLargeException");
  }
}
