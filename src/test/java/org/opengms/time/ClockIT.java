package org.opengms.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opengms.testing.ApiAssertions.assertError;

import java.net.URL;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengms.testing.DatabaseIndependent;
import org.opengms.testing.Deployments;
import org.opengms.testing.Http;
import org.opengms.testing.Json;
import org.opengms.testing.ServerClockControl;

/** The admin clock that lets tests jump ahead in business time. */
@DatabaseIndependent
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ClockIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL base;

  @AfterEach
  void resetClock() {
    new ServerClockControl(new Http(base)).reset();
  }

  @Test
  void shouldMoveForwardAndBackToSystemTime() {
    ServerClockControl clock = new ServerClockControl(new Http(base));
    Instant before = Instant.now();

    Instant moved = clock.advance(Duration.ofHours(5));
    clock.reset();
    Instant back = clock.now();

    assertTrue(moved.isAfter(before.plus(Duration.ofHours(5)).minusSeconds(1)), moved.toString());
    assertTrue(back.isBefore(before.plus(Duration.ofHours(1))), back.toString());
    Map<String, Object> view = Json.object(clock.get().body());
    assertEquals(0, ((Number) view.get("offsetSeconds")).intValue());
    assertEquals(Boolean.TRUE, view.get("adjustable"));
  }

  @Test
  void shouldRefuseBadAmountAndChangeNothing() {
    ServerClockControl clock = new ServerClockControl(new Http(base));

    java.net.http.HttpResponse<String> soon = clock.advanceRequest("soon");
    assertError(soon, 400, "InvalidRequestException");
    assertTrue(
        Json.object(soon.body())
            .get("message")
            .toString()
            .startsWith("advance must be a whole number from -"),
        soon.body());
    assertError(clock.advanceRequest("99999999999999"), 400, "InvalidRequestException");

    assertEquals(0, ((Number) Json.object(clock.get().body()).get("offsetSeconds")).intValue());
  }

  @Test
  void shouldRefuseLoginsWithoutAdminRole() {
    Http http = new Http(base);
    assertError(http.get("1/admin/clock"), 401, "AuthenticationRequiredException");
    assertError(
        http.send(
            HttpRequest.newBuilder(http.uri("1/admin/clock"))
                .header("Authorization", "Basic YWdlbnQxOmFnZW50MQ==")
                .DELETE()),
        403,
        "AccessDeniedException");
  }
}
