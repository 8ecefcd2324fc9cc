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

  private Map<String, Object> calendar(String query) {
    return assertOkJson(new Http(base).get("1/service/cal-office-hours" + query));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return (List<Map<String, Object>>) value;
  }

  @Test
  void shouldAnswerTheCalendarServiceQueryWithOpenPeriodsPerDay() {
    Map<String, Object> body =
        calendar("?start=" + q(MONDAY + "T00:00:00.000Z") + "&number-of-days=2");

    assertEquals("Europe/Paris", body.get("timezone"));
    List<Map<String, Object>> days = list(body.get("days"));
    assertEquals(
        List.of(MONDAY, "2030-01-08", "2030-01-09"),
        days.stream().map(d -> d.get("date")).toList());
    assertEquals(
        List.of(Map.of("start", MONDAY + "T08:00:00.000Z", "end", MONDAY + "T16:00:00.000Z")),
        days.get(0).get("periods"));
    // the range ends Wednesday 00:00 UTC (01:00 Paris), before Wednesday's hours
    assertEquals(List.of(), days.get(2).get("periods"));

    // a holiday has no period
    Map<String, Object> christmas =
        calendar("?start=" + q("2030-12-25T10:00:00Z") + "&end=" + q("2030-12-25T20:00:00Z"));
    assertEquals(List.of(), list(christmas.get("days")).get(0).get("periods"));
  }

  @Test
  void shouldAnswerTheOpenPeriodNowWithoutParameters() {
    clockAt(MONDAY + "T09:30:00Z"); // 10:30 in Paris
    List<Map<String, Object>> open = list(calendar("").get("days"));
    assertEquals(1, open.size());
    assertEquals(
        List.of(Map.of("start", MONDAY + "T08:00:00.000Z", "end", MONDAY + "T16:00:00.000Z")),
        open.get(0).get("periods"));

    clockAt(MONDAY + "T17:30:00Z"); // 18:30 in Paris: closed, no period
    assertEquals(List.of(), list(calendar("").get("days")).get(0).get("periods"));
  }

  @Test
  void shouldAnswerTheCapacityQueryPerSlotInTheServiceZone() {
    // Monday 2030-01-14, local times without zone as GMS takes them (Paris)
    Map<String, Object> body =
        assertOkJson(
            new Http(base)
                .get(
                    "1/service/cal-capacity?start="
                        + q("2030-01-14T09:50:00.000")
                        + "&end="
                        + q("2030-01-14T10:10:00.000")));

    assertEquals("Europe/Paris", body.get("timezone"));
    List<Map<String, Object>> slots = list(body.get("slots"));
    assertEquals(
        List.of(
            "2030-01-14T09:50:00.000",
            "2030-01-14T09:55:00.000",
            "2030-01-14T10:00:00.000",
            "2030-01-14T10:05:00.000"),
        slots.stream().map(s -> s.get("start")).toList());
    assertEquals("2030-01-14T09:55:00.000", slots.get(0).get("end"));
    assertEquals(3, ((Number) slots.get(0).get("capacity")).intValue());
    assertEquals(3, ((Number) slots.get(0).get("remaining")).intValue());
    assertEquals(2, ((Number) slots.get(3).get("capacity")).intValue());

    // another zone for input and output; slots without capacity are left out
    Map<String, Object> utc =
        assertOkJson(
            new Http(base)
                .get(
                    "1/service/cal-capacity?timezone=UTC&start="
                        + q("2030-01-14T07:00:00")
                        + "&end="
                        + q("2030-01-14T08:10:00")));
    assertEquals(
        List.of("2030-01-14T08:00:00.000", "2030-01-14T08:05:00.000"),
        list(utc.get("slots")).stream().map(s -> s.get("start")).toList());
  }

  @Test
  void shouldRefuseBadQueriesAndKeepTheOtherServiceApiAnswers() {
    Http http = new Http(base);
    for (String bad :
        List.of(
            "1/service/cal-capacity",
            "1/service/cal-capacity?start=2030-01-14T09:00:00&end=soon",
            "1/service/cal-capacity?start=2030-01-14T09:00:00&end=2030-03-14T09:00:00",
            "1/service/cal-capacity?start=2030-01-14T09:00:00&end=2030-01-14T10:00:00&timezone=Mars",
            "1/service/cal-office-hours?start=later",
            "1/service/cal-office-hours?number-of-days=32")) {
      HttpResponse<String> response = http.get(bad);
      assertEquals(400, response.statusCode(), bad + " " + response.body());
      assertEquals(
          "org.opengms.api.error.InvalidRequestException",
          Json.object(response.body()).get("exception"));
    }
    assertEquals(404, http.get("1/service/no-such-service").statusCode());
    HttpResponse<String> chat = http.get("1/service/request-chat");
    assertEquals(405, chat.statusCode(), chat.body());
    assertJson(chat);
    // a capacity service creates nothing; office hours still do
    assertEquals(405, http.postNothing("1/service/cal-capacity").statusCode());
    assertEquals(200, http.postNothing("1/service/cal-office-hours").statusCode());
    // the callback query and availability keep their own resources
    assertEquals(200, http.get("1/service/callback/cal-callback/availability").statusCode());
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
