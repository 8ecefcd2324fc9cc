package org.opengms.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opengms.testing.ApiAssertions.assertJson;
import static org.opengms.testing.ApiAssertions.assertOkJson;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengms.testing.Deployments;
import org.opengms.testing.Http;
import org.opengms.testing.Json;
import org.opengms.testing.ServerClockControl;

/**
 * Office hours on the Service API, the availability of a callback service and the phone number API,
 * against it-gms.ini's {@code cal-*} services (Paris time, Mon-Fri 09:00-17:00, capacity 3 per
 * 30-minute slot from 09:00 and 2 from 10:00 on Mondays). The server clock is moved to the moments
 * the tests need.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CalendarApiIT {

  private static final Jsonb JSONB = JsonbBuilder.create();
  private static final Type ORDERED_MAP =
      new LinkedHashMap<String, Object>() {}.getClass().getGenericSuperclass();

  /** Monday 2030-01-07. */
  private static final String MONDAY = "2030-01-07";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL base;

  @AfterEach
  void resetClock() {
    new ServerClockControl(new Http(base)).reset();
  }

  /** Moves the server clock to {@code target} (give or take the seconds a request takes). */
  private void clockAt(String target) {
    ServerClockControl clock = new ServerClockControl(new Http(base));
    Instant now = clock.now();
    clock.advance(Duration.between(now, Instant.parse(target)));
  }

  private Map<String, Object> officeHours() {
    Map<String, Object> body =
        assertOkJson(new Http(base).postNothing("1/service/cal-office-hours"));
    assertTrue(body.get("_id") instanceof String id && !id.isBlank(), body.toString());
    return body;
  }

  @Test
  void shouldAnswerOpenOrClosedWithTheReasonAtTheServerTime() {
    clockAt(MONDAY + "T09:30:00Z"); // 10:30 in Paris
    Map<String, Object> open = officeHours();
    assertEquals("open", open.get("status"));
    assertEquals(null, open.get("reason"));

    clockAt("2030-01-12T09:30:00Z"); // Saturday
    Map<String, Object> saturday = officeHours();
    assertEquals("closed", saturday.get("status"));
    assertEquals("closed_day_of_week", saturday.get("reason"));

    clockAt(MONDAY + "T16:30:00Z"); // 17:30 in Paris
    assertEquals("closed_no_match", officeHours().get("reason"));

    clockAt("2030-12-25T09:30:00Z"); // a Wednesday, Christmas
    Map<String, Object> christmas = officeHours();
    assertEquals("closed_holiday", christmas.get("reason"));

    clockAt("2030-12-26T09:30:00Z");
    Map<String, Object> status =
        assertOkJson(new Http(base).postNothing("1/service/" + christmas.get("_id") + "/status"));
    assertEquals(christmas.get("_id"), status.get("_id"));
    assertEquals("open", status.get("status"));
  }

  @Test
  void shouldFollowParisSummerTime() {
    clockAt("2030-07-01T07:30:00Z"); // Monday 09:30 CEST
    assertEquals("open", officeHours().get("status"));
    clockAt("2030-07-01T15:30:00Z"); // 17:30 CEST, though 16:30 in winter time
    assertEquals("closed_no_match", officeHours().get("reason"));
  }

  private HttpResponse<String> availability(String query) {
    return new Http(base).get("1/service/callback/cal-callback/availability" + query);
  }

  private static List<String> keys(HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response.body());
    assertJson(response);
    Map<String, Object> body = JSONB.fromJson(response.body(), ORDERED_MAP);
    return new ArrayList<>(body.keySet());
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void shouldListOpenSlotsWithCapacityInTimeOrder() {
    HttpResponse<String> response =
        availability(
            "?start=" + q(MONDAY + "T07:00:00.000Z") + "&end=" + q(MONDAY + "T12:00:00.000Z"));

    // 08:00-13:00 in Paris: closed before 09:00, no capacity from 11:00
    assertEquals(
        List.of(
            MONDAY + "T08:00:00.000Z",
            MONDAY + "T08:30:00.000Z",
            MONDAY + "T09:00:00.000Z",
            MONDAY + "T09:30:00.000Z"),
        keys(response));
    Map<String, Object> body = Json.object(response.body());
    assertEquals(3, ((Number) body.get(MONDAY + "T08:00:00.000Z")).intValue());
    assertEquals(2, ((Number) body.get(MONDAY + "T09:30:00.000Z")).intValue());
  }

  @Test
  void shouldTakeTimestampNumberOfDaysAndMaxTimeSlots() {
    assertEquals(
        List.of(MONDAY + "T08:00:00.000Z"),
        keys(
            availability(
                "?timestamp="
                    + q(MONDAY + "T00:00:00.000Z")
                    + "&number-of-days=1&max-time-slots=1")));
    // Tuesday has no weekly capacity, but a dated table for 2030-01-08 at 09:00
    assertEquals(
        List.of("2030-01-08T08:00:00.000Z", "2030-01-08T08:30:00.000Z"),
        keys(availability("?start=" + q(MONDAY + "T12:00:00Z") + "&number-of-days=2")));
  }

  @Test
  void shouldStartNowAndEndWithTheDayWithoutParameters() {
    clockAt(MONDAY + "T08:10:00Z"); // 09:10 in Paris

    assertEquals(
        List.of(MONDAY + "T08:30:00.000Z", MONDAY + "T09:00:00.000Z", MONDAY + "T09:30:00.000Z"),
        keys(availability("")));
  }

  @Test
  void shouldRefuseUnknownServicesAndBadParameters() {
    HttpResponse<String> unknown =
        new Http(base).get("1/service/callback/no-such-service/availability");
    assertEquals(404, unknown.statusCode(), unknown.body());
    assertJson(unknown);
    HttpResponse<String> notCallback =
        new Http(base).get("1/service/callback/request-chat/availability");
    assertEquals(404, notCallback.statusCode(), notCallback.body());

    for (String bad :
        List.of(
            "?start=yesterday",
            "?start=" + q(MONDAY + "T12:00:00Z") + "&end=" + q(MONDAY + "T11:00:00Z"),
            "?number-of-days=0",
            "?number-of-days=40",
            "?max-time-slots=zero")) {
      HttpResponse<String> response = availability(bad);
      assertEquals(400, response.statusCode(), bad + " " + response.body());
      assertEquals(
          "org.opengms.api.error.InvalidRequestException",
          Json.object(response.body()).get("exception"));
    }
  }

  @Test
  void shouldDescribePhoneNumbers() {
    Map<String, Object> body =
        assertOkJson(new Http(base).get("1/phonenumber?number=" + q("+1 650-253-0000")));
    assertEquals("+16502530000", body.get("number-E164"));
    assertEquals("US", body.get("region-code"));
    assertEquals(1, ((Number) body.get("country-code")).intValue());
    assertEquals(true, body.get("is-valid-number"));
    assertEquals(false, body.get("is-premium"));
    assertTrue(
        String.valueOf(body.get("time-zone")).contains("America/Los_Angeles"), body.toString());

    Map<String, Object> french =
        assertOkJson(
            new Http(base).get("1/phonenumber?number=0142685300&country=FR&geocodingLocale=fr"));
    assertEquals("+33 1 42 68 53 00", french.get("number-international"));
    assertEquals("FROM_DEFAULT_COUNTRY", french.get("country-code-source"));
  }

  @Test
  void shouldRefuseUnparsablePhoneNumbers() {
    HttpResponse<String> response = new Http(base).get("1/phonenumber?number=hello&country=US");
    assertEquals(400, response.statusCode(), response.body());
    assertJson(response);
    Map<String, Object> body = Json.object(response.body());
    assertEquals(
        "Invalid Phone Number hello for Country US (parsing impossible)", body.get("message"));
    assertEquals("org.opengms.phonenumber.PhoneNumberException", body.get("exception"));
    assertEquals(400, new Http(base).get("1/phonenumber").statusCode());
  }
}
