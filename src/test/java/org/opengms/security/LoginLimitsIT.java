package org.opengms.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opengms.testing.ApiAssertions.assertError;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import org.cometd.bayeux.Message;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengms.testing.AdminView;
import org.opengms.testing.AgentClient;
import org.opengms.testing.CometClient;
import org.opengms.testing.Conditions;
import org.opengms.testing.DatabaseIndependent;
import org.opengms.testing.Deployments;
import org.opengms.testing.Http;
import org.opengms.testing.ItConfigFile;

/**
 * Failed logins are limited per login and per address ({@code [security]}), answered 429 with
 * Retry-After in the API's error shape; an unknown login costs what a wrong password costs.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
// The address's counter is shared by every test (all come from 127.0.0.1): its test goes first.
@DatabaseIndependent
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoginLimitsIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL base;

  private static void limits(
      ItConfigFile config, Http http, int perLogin, int perAddress, int window) {
    config.write(
        text ->
            text.replace(
                    "max_failed_logins_per_login = 0", "max_failed_logins_per_login = " + perLogin)
                .replace(
                    "max_failed_logins_per_address = 0",
                    "max_failed_logins_per_address = " + perAddress)
                .replace("failed_login_window = 300", "failed_login_window = " + window));
    Conditions.await(
        "limits in force",
        Duration.ofSeconds(20),
        () ->
            String.valueOf(window)
                .equals(AdminView.option(http, "security", "failed_login_window")));
  }

  private static void awaitOff(Http http) {
    Conditions.await(
        "limits off again",
        Duration.ofSeconds(20),
        () -> "300".equals(AdminView.option(http, "security", "failed_login_window")));
  }

  @Test
  @Order(2)
  void shouldRefuseALoginWithRetryAfterOnceItFailedTooOften() {
    Http http = new Http(base);
    try (ItConfigFile config = new ItConfigFile()) {
      limits(config, http, 3, 1000, 60);
      AgentClient wrong = new AgentClient(http, "agent3", "wrong");
      for (int i = 0; i < 3; i++) {
        assertEquals(401, wrong.get("me").statusCode());
      }
      HttpResponse<String> limited = wrong.get("me");
      assertError(limited, 429, "TooManyRequestsException");
      long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElse("0"));
      assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
      assertError(
          new AgentClient(http, "agent3", "agent3").get("me"), 429, "TooManyRequestsException");
      try (CometClient agent =
          CometClient.agent(base, CometClient.Transport.LONG_POLLING, "agent3", "agent3")) {
        Message reply = agent.handshake();
        assertFalse(reply.isSuccessful(), "the CometD handshake is refused too: " + reply);
      }
      assertEquals(
          200, new AgentClient(http, "agent4", "agent4").get("me").statusCode(), "others go on");
    }
    awaitOff(http);
  }

  @Test
  @Order(1)
  void shouldRefuseAnAddressThatFailedTooOftenUntilTheWindowEnds() {
    Http http = new Http(base);
    try (ItConfigFile config = new ItConfigFile()) {
      // a window long enough for four decoy-hash checks on a busy machine
      limits(config, http, 1000, 4, 30);
      for (String login : new String[] {"nobody1", "nobody2", "agent4", "nobody3"}) {
        assertEquals(401, new AgentClient(http, login, "wrong").get("me").statusCode());
      }
      AgentClient right = new AgentClient(http, "agent4", "agent4");
      assertError(right.get("me"), 429, "TooManyRequestsException");
      Conditions.await(
          "the window ends", Duration.ofSeconds(60), () -> right.get("me").statusCode() == 200);
    }
    awaitOff(http);
  }

  @Test
  @Order(3)
  void shouldTakeAsLongForAnUnknownLoginAsForAWrongPassword() {
    Http http = new Http(base);
    awaitOff(http);
    // admin's password is a 210 000-round PBKDF2 hash; failures are never remembered
    AgentClient wrong = new AgentClient(http, "admin", "wrong");
    AgentClient unknown = new AgentClient(http, "no-such-login", "wrong");
    wrong.get("me");
    unknown.get("me");
    long[] wrongTimes = new long[7];
    long[] unknownTimes = new long[7];
    for (int i = 0; i < 7; i++) {
      wrongTimes[i] = timed(() -> assertEquals(401, wrong.get("me").statusCode()));
      unknownTimes[i] = timed(() -> assertEquals(401, unknown.get("me").statusCode()));
    }
    Arrays.sort(wrongTimes);
    Arrays.sort(unknownTimes);
    long w = wrongTimes[3];
    long u = unknownTimes[3];
    assertTrue(
        u > w / 2 && u < w * 2, "median unknown " + u / 1000 + " µs, wrong " + w / 1000 + " µs");
  }

  private static long timed(Runnable request) {
    long start = System.nanoTime();
    request.run();
    return System.nanoTime() - start;
  }
}
