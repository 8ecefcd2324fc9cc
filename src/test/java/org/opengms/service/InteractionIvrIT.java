package org.opengms.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opengms.testing.ApiAssertions.assertError;
import static org.opengms.testing.ApiAssertions.assertOkJson;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
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
import org.opengms.testing.AdminView;
import org.opengms.testing.Conditions;
import org.opengms.testing.Deployments;
import org.opengms.testing.Http;
import org.opengms.testing.ItConfigFile;
import org.opengms.testing.Json;

/**
 * App-to-connect as the app and the IVR use it: request-interaction (the app), request-access and
 * match-interaction (the IVR), resource groups and [server] access_code_prefix. Each test adds its
 * own groups and services to it-gms.ini under fresh names, so leases of earlier runs do not count.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InteractionIvrIT {

  private static final String ISO_MS = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL base;
  Http http;
  ItConfigFile file;
  String run;

  @BeforeEach
  void client() {
    http = new Http(base);
    file = new ItConfigFile();
    run = UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void restore() {
    file.close();
  }

  @Test
  void shouldAnswerExpirationTimeWhenInteractionRequested() {
    Instant before = Instant.now();
    Map<String, Object> created =
        assertOkJson(http.postForm("1/service/request-interaction", Map.of("a", "1")));

    String expiration = (String) created.get("_expiration_time");
    assertTrue(expiration.matches(ISO_MS), created.toString());
    Instant expires = Instant.parse(expiration);
    assertTrue(
        !expires.isBefore(before.plusSeconds(3599))
            && expires.isBefore(Instant.now().plusSeconds(3601)),
        "the service's _ttl (3600 s) from now: " + expiration);
    assertEquals("8003449999", created.get("_access_number"));
  }

  @Test
  void shouldMatchInteractionByAccessNumberAndCode() {
    Map<String, Object> created =
        assertOkJson(
            http.postForm(
                "1/service/request-interaction",
                Map.of("_phone_number", "6504669999", "language", "french", "topic", "billing")));
    String id = (String) created.get("_id");
    String code = (String) created.get("_access_code");

    Map<String, Object> matched =
        assertOkJson(
            http.postForm(
                "1/service/match-interaction",
                Map.of(
                    "_access_number", "8003449999", "_access_code", code, "_ani", "6505551234")));

    assertEquals(id, matched.get("_id"));
    String dataId = (String) matched.get("_data_id");
    assertEquals("french", matched.get("language"));
    assertEquals("billing", matched.get("topic"));
    assertEquals(
        Map.of("_id", id, "_data_id", dataId, "language", "french", "topic", "billing"), matched);
    assertEquals(
        Map.of("language", "french", "topic", "billing"),
        Json.object(http.get("1/storage/" + dataId).body()),
        "_data_id is the Storage API id of the interaction's data");

    String otherCode = code.equals("0000") ? "0001" : "0000";
    assertError(match("8003449999", otherCode), 404, "ResourceNotFoundException");
    assertError(match("8009999999", code), 404, "ResourceNotFoundException");
    assertError(
        http.postForm("1/service/match-interaction", Map.of("_access_number", "8003449999")),
        400,
        "InvalidRequestException");
    assertEquals(200, http.delete("1/service/" + id).statusCode());
    assertError(match("8003449999", code), 404, "ResourceNotFoundException");
  }

  @Test
  void shouldHandOutGroupNumbersRoundRobinAndFreeThemWhenInteractionEnds() {
    String n1 = "8005550101";
    String n2 = "8005550102";
    configure(
        "[resources.pool-"
            + run
            + "]\n"
            + n1
            + " = first line\n"
            + n2
            + " = second line\n\n[service.ivr-"
            + run
            + "]\n_type = builtin\n_service = request-interaction\n_resource_group = pool-"
            + run
            + "\n");
    String service = "1/service/ivr-" + run;

    Map<String, Object> a = assertOkJson(http.postForm(service, Map.of()));
    Map<String, Object> b = assertOkJson(http.postForm(service, Map.of()));
    assertEquals(List.of(n1, n2), List.of(a.get("_access_number"), b.get("_access_number")));
    HttpResponse<String> full = http.postForm(service, Map.of("k", "v"));
    assertError(full, 503, "GmsException");

    assertEquals(
        a.get("_id"),
        assertOkJson(match(n1, (String) a.get("_access_code"))).get("_id"),
        "the IVR finds the interaction by its group number");
    assertEquals(200, http.delete("1/service/" + b.get("_id")).statusCode());
    Map<String, Object> c = assertOkJson(http.postForm(service, Map.of()));
    assertEquals(n2, c.get("_access_number"), "the number of the ended interaction is free again");

    assertError(
        http.postForm(service, Map.of("_resource_group", "no-such-group")),
        400,
        "InvalidRequestException");
  }

  @Test
  void shouldFreeGroupNumberWhenInteractionExpires() {
    String number = "8006660101";
    configure(
        "[resources.one-"
            + run
            + "]\n"
            + number
            + " =\n\n[service.short-ivr-"
            + run
            + "]\n_type = builtin\n_service = request-interaction\n_ttl = 2\n"
            + "_resource_group = one-"
            + run
            + "\n");
    String service = "1/service/short-ivr-" + run;
    assertEquals(number, assertOkJson(http.postForm(service, Map.of())).get("_access_number"));
    assertError(http.postForm(service, Map.of()), 503, "GmsException");

    Conditions.await(
        "the number free again after the interaction's 2 s",
        Duration.ofSeconds(15),
        () -> http.postForm(service, Map.of()).statusCode() == 200);
  }

  @Test
  void shouldGiveGroupNumberToExistingInteractionWhenAccessRequested() {
    String number = "8007770101";
    configure("[resources.access-" + run + "]\n" + number + " = IVR entry\n");
    Map<String, Object> created =
        assertOkJson(http.postForm("1/service/request-interaction", Map.of("x", "y")));
    String id = (String) created.get("_id");

    Map<String, String> request = new HashMap<>();
    request.put("_id", id);
    request.put("_resource_group", "access-" + run);
    Map<String, Object> access = assertOkJson(http.postForm("1/service/request-access", request));

    assertEquals(id, access.get("_id"));
    assertEquals(number, access.get("_access_number"));
    assertEquals(created.get("_expiration_time"), access.get("_expiration_time"));
    assertEquals(
        number,
        assertOkJson(http.postForm("1/service/request-access", request)).get("_access_number"),
        "asking again keeps the same number");
    Map<String, Object> matched = assertOkJson(match(number, (String) created.get("_access_code")));
    assertEquals(id, matched.get("_id"));
    assertEquals("y", matched.get("x"));

    assertError(
        http.postForm(
            "1/service/request-access",
            Map.of("_id", UUID.randomUUID().toString(), "_resource_group", "access-" + run)),
        404,
        "ResourceNotFoundException");
    assertError(
        http.postForm("1/service/request-access", Map.of("_resource_group", "access-" + run)),
        400,
        "InvalidRequestException");
    assertError(
        http.postForm("1/service/request-access", Map.of("_id", id)),
        400,
        "InvalidRequestException");
    assertError(
        http.postForm("1/service/request-access", Map.of("_id", id, "_resource_group", "nope")),
        400,
        "InvalidRequestException");
  }

  @Test
  void shouldPrefixAccessCodesAndRefuseUnworkablePrefixWhenFileLoads() {
    file.write(text -> text.replace("[server]\n", "[server]\naccess_code_prefix = 7-9\n"));
    Conditions.await(
        "prefix in force",
        Duration.ofSeconds(15),
        () -> "7-9".equals(AdminView.option(http, "server", "access_code_prefix")));
    for (int i = 0; i < 10; i++) {
      String code =
          (String)
              assertOkJson(http.postForm("1/service/request-interaction", Map.of()))
                  .get("_access_code");
      assertTrue(code.matches("[7-9]\\d{3}"), code);
    }

    for (String bad : new String[] {"x", "1234", "9-7", "1-23", "5 6"}) {
      file.write(
          text -> text.replace("[server]\n", "[server]\naccess_code_prefix = " + bad + "\n"));
      Conditions.await(
          "prefix " + bad + " refused",
          Duration.ofSeconds(15),
          () -> {
            String reason = AdminView.refusedChange(http);
            return reason != null && reason.contains("access_code_prefix") && reason.contains(bad);
          });
      assertEquals("7-9", AdminView.option(http, "server", "access_code_prefix"));
    }
    file.write(text -> text + "\n[resources.empty-" + run + "]\n");
    Conditions.await(
        "empty resource group refused",
        Duration.ofSeconds(15),
        () -> {
          String reason = AdminView.refusedChange(http);
          return reason != null && reason.contains("resources.empty-" + run);
        });
  }

  private HttpResponse<String> match(String number, String code) {
    return http.postForm(
        "1/service/match-interaction", Map.of("_access_number", number, "_access_code", code));
  }

  private void configure(String sections) {
    file.write(text -> text + "\n" + sections);
    Conditions.await(
        "the test's sections in force",
        Duration.ofSeconds(15),
        () ->
            AdminView.config(http).get("sections") instanceof Map<?, ?> s
                && s.keySet().stream().anyMatch(k -> ((String) k).endsWith(run)));
  }
}
