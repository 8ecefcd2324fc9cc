package org.opengms.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opengms.testing.ApiAssertions.assertError;
import static org.opengms.testing.ApiAssertions.assertOkJson;

import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengms.testing.DatabaseIndependent;
import org.opengms.testing.Deployments;
import org.opengms.testing.Http;

/** The effective configuration for admins, with Basic authentication against [user.*]. */
@DatabaseIndependent
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminConfigIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL base;

  private HttpResponse<String> getConfig(String login, String password) {
    Http http = new Http(base);
    HttpRequest.Builder request = HttpRequest.newBuilder(http.uri("1/admin/config")).GET();
    if (login != null) {
      request.header("Authorization", Http.basic(login, password));
    }
    return http.send(request);
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldShowOptionsWithSecretsMaskedWhenAdminLogsIn() {
    HttpResponse<String> response = getConfig("admin", "admin");

    Map<String, Object> body = assertOkJson(response);
    Map<String, Map<String, String>> sections =
        (Map<String, Map<String, String>>) body.get("sections");
    assertEquals("1024", sections.get("storage").get("max_value_bytes"));
    assertEquals("8003449999", sections.get("service.request-interaction").get("_access_number"));
    assertEquals("********", sections.get("user.admin").get("password"));
    assertFalse(response.body().contains("PBKDF2"), "no password hash leaks");
    assertFalse(response.body().contains("plain-text"), "no plain password leaks");
    assertTrue(((String) body.get("source")).endsWith("it-gms.ini"));
  }

  @Test
  void shouldChallengeWhenCredentialsMissingOrWrong() {
    HttpResponse<String> missing = getConfig(null, null);
    HttpResponse<String> wrong = getConfig("admin", "nope");
    HttpResponse<String> unknown = getConfig("ghost", "admin");

    for (HttpResponse<String> r : new HttpResponse[] {missing, wrong, unknown}) {
      assertError(r, 401, "AuthenticationRequiredException");
      assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic realm="));
    }
  }

  @Test
  void shouldRefuseWhenLoginLacksAdminRole() {
    assertError(getConfig("agent1", "agent1"), 403, "AccessDeniedException");
  }

  @Test
  void shouldAcceptPlainTextPasswordFromConfiguration() {
    // [user.plain] has a plain-text password and no admin role: authenticated, then refused.
    assertError(getConfig("plain", "plain-text"), 403, "AccessDeniedException");
    assertError(getConfig("plain", "plain-textx"), 401, "AuthenticationRequiredException");
  }
}
