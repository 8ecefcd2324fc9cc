package org.opengms.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opengms.testing.ApiAssertions.assertError;
import static org.opengms.testing.ApiAssertions.assertOkJson;

import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengms.testing.Deployments;
import org.opengms.testing.Http;

/**
 * Query-Availability v2 ({@code /genesys/2/...}) against it-gms.ini's {@code cal-callback}: Paris
 * office hours Mon-Fri 09:00-17:00, 30-minute slots, 3 callbacks per slot from 09:00, 2 from 10:00
 * and none from 11:00 on Mondays.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AvailabilityV2IT {

  private static final String MONDAY = "2030-01-07";
  private static final String PATH = "2/service/callback/cal-callback/availability";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL base;

  private Map<String, Object> availability(String query) {
    return assertOkJson(new Http(base).get(PATH + query));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> slots(Map<String, Object> answer) {
    return (List<Map<String, Object>>) answer.get("slots");
  }

  private static List<Object> field(Map<String, Object> answer, String name) {
    return slots(answer).stream().map(s -> s.get(name)).toList();
  }

  private static String q(String v) {
    return URLEncoder.encode(v, StandardCharsets.UTF_8);
  }

  @Test
  void shouldListSlotsWithUtcAndLocalTimesAndCapacity() {
    Map<String, Object> answer =
        availability(
            "?start="
                + q(MONDAY + "T07:00:00.000Z")
                + "&end="
                + q(MONDAY + "T12:00:00.000Z")
                + "&timezone=Europe/Paris");
    assertEquals("Europe/Paris", answer.get("timezone"));
    assertEquals(30, ((Number) answer.get("durationMin")).intValue());
    assertEquals(
        List.of(
            MONDAY + "T08:00:00.000Z",
            MONDAY + "T08:30:00.000Z",
            MONDAY + "T09:00:00.000Z",
            MONDAY + "T09:30:00.000Z"),
        field(answer, "utcTime"));
    Map<String, Object> first = slots(answer).get(0);
    assertEquals(MONDAY + "T09:00:00.000+01:00", first.get("localTime"));
    assertEquals(3, ((Number) first.get("capacity")).intValue());
    assertEquals(3, ((Number) first.get("total")).intValue());
    assertEquals(2, ((Number) slots(answer).get(2).get("capacity")).intValue());

    // the same period in epoch milliseconds, times shown in New York
    long from = Instant.parse(MONDAY + "T07:00:00Z").toEpochMilli();
    long to = Instant.parse(MONDAY + "T12:00:00Z").toEpochMilli();
    Map<String, Object> ms =
        availability("?start-ms=" + from + "&end-ms=" + to + "&timezone=" + q("America/New_York"));
    assertEquals(field(answer, "utcTime"), field(ms, "utcTime"));
    assertEquals(MONDAY + "T03:00:00.000-05:00", slots(ms).get(0).get("localTime"));
    assertEquals("America/New_York", ms.get("timezone"));
  }

  @Test
  void shouldReportFullSlotsWithZeroWhenAskedAndCapTheCount() {
    Map<String, Object> busy =
        availability(
            "?start="
                + q(MONDAY + "T09:30:00.000Z")
                + "&end="
                + q(MONDAY + "T11:00:00.000Z")
                + "&report-busy=true");
    // 10:30 in Paris takes 2; 11:00 and 11:30 are open but take none: listed with 0
    assertEquals(
        List.of(MONDAY + "T09:30:00.000Z", MONDAY + "T10:00:00.000Z", MONDAY + "T10:30:00.000Z"),
        field(busy, "utcTime"));
    assertEquals(
        List.of(2L, 0L, 0L),
        field(busy, "capacity").stream().map(n -> ((Number) n).longValue()).toList());
    // without report-busy the full ones are left out
    assertEquals(
        List.of(MONDAY + "T09:30:00.000Z"),
        field(
            availability(
                "?start=" + q(MONDAY + "T09:30:00.000Z") + "&end=" + q(MONDAY + "T11:00:00.000Z")),
            "utcTime"));
    // number-of-days and max-time-slots; the calendar's own zone by default
    Map<String, Object> capped =
        availability("?start=" + q(MONDAY + "T00:00:00Z") + "&number-of-days=1&max-time-slots=2");
    assertEquals(
        List.of(MONDAY + "T08:00:00.000Z", MONDAY + "T08:30:00.000Z"), field(capped, "utcTime"));
    assertEquals("Europe/Paris", capped.get("timezone"));
  }

  @Test
  void shouldRefuseBadParametersWithA400() {
    Http http = new Http(base);
    String bad = "InvalidRequestException";
    assertError(http.get(PATH + "?timezone=Mars/Olympus"), 400, bad);
    assertError(http.get(PATH + "?start-ms=yesterday"), 400, bad);
    assertError(http.get(PATH + "?start=" + q(MONDAY + "T07:00:00Z") + "&start-ms=1"), 400, bad);
    assertError(http.get(PATH + "?report-busy=maybe"), 400, bad);
    assertError(http.get(PATH + "?number-of-days=40"), 400, bad);
    assertEquals(404, http.get("2/service/callback/no-such/availability").statusCode());
    // v1 keeps its own shape: slot start → callbacks left
    Map<String, Object> v1 =
        assertOkJson(
            http.get(
                "1/service/callback/cal-callback/availability?start="
                    + q(MONDAY + "T08:00:00.000Z")
                    + "&end="
                    + q(MONDAY + "T08:30:00.000Z")));
    assertEquals(
        Map.of(MONDAY + "T08:00:00.000Z", 3L),
        Map.of(
            MONDAY + "T08:00:00.000Z", ((Number) v1.get(MONDAY + "T08:00:00.000Z")).longValue()));
  }
}
