package org.opengms.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opengms.config.ConfigurationException;
import org.opengms.config.GmsConfiguration;
import org.opengms.config.IniParser;
import org.opengms.service.ServiceCatalog;

/** Calendar options are checked when the configuration loads: a bad rule refuses the file. */
class CalendarOptionsTest {

  private static GmsConfiguration load(String text) throws IOException {
    return new GmsConfiguration(IniParser.parse("t.ini", new StringReader(text)));
  }

  private static void assertRefused(String text, String expected) {
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> load(text));
    assertTrue(e.getMessage().startsWith(expected), e.getMessage());
  }

  @Test
  void shouldLoadGoodOfficeHoursAndCapacityServices() throws IOException {
    GmsConfiguration config =
        load(
            """
            [service.oh]
            _type = builtin
            _service = office-hours
            _bh_regular1 = Mon-Fri 09:00-17:00
            _holiday1 = 12-25
            _timezone = Europe/Paris

            [service.cap]
            _type = builtin
            _service = capacity
            _capacity_1 = {"1":{"0900":5}}
            _request_time_bucket = 15
            """);

    assertTrue(config.get(ServiceCatalog.class).find("oh").isPresent());
    assertTrue(config.get(ServiceCatalog.class).find("cap").isPresent());
  }

  @Test
  void shouldRefuseABadWeeklyRuleWithItsLine() {
    assertRefused(
        """
        [service.oh]
        _type = builtin
        _service = office-hours
        _bh_regular1 = Mon-Fri 09:00-17:00
        _bh_regular2 = Someday 09:00-17:00
        """,
        "t.ini:5: [service.oh] _bh_regular2: ");
  }

  @Test
  void shouldRefuseABadTimeZoneHolidayAndCapacity() {
    assertRefused(
        "[service.oh]\n_type = builtin\n_service = office-hours\n_timezone = Mars/Olympus\n",
        "t.ini:4: [service.oh] _timezone: ");
    assertRefused(
        "[service.oh]\n_type = builtin\n_service = office-hours\n_holiday1 = 2026-02-30\n",
        "t.ini:4: [service.oh] _holiday1: ");
    assertRefused(
        "[service.cap]\n_type = builtin\n_service = capacity\n_capacity_3 = {\"3\":{\"0900\":x}}\n",
        "t.ini:4: [service.cap] _capacity_3: ");
  }

  @Test
  void shouldRefuseABucketGmsDoesNotAllow() {
    assertRefused(
        "[service.cap]\n_type = builtin\n_service = capacity\n_request_time_bucket = 7\n",
        "t.ini:4: [service.cap] _request_time_bucket: ");
    assertRefused(
        "[service.cb]\n_type = builtin\n_service = callback\n_request_time_bucket = 45\n",
        "t.ini:4: [service.cb] _request_time_bucket: ");
    assertRefused(
        "[service.cb]\n_type = ors\n_capacity_service = cap\n_max_request_by_time_bucket = -1\n",
        "t.ini:4: [service.cb] _max_request_by_time_bucket: ");
  }

  @Test
  void shouldRefuseReferencesToMissingOrWrongServices() {
    assertRefused(
        "[service.cb]\n_type = builtin\n_service = callback\n_business_hours_service = nope\n",
        "t.ini:4: [service.cb] _business_hours_service names 'nope'");
    assertRefused(
        "[service.chat]\n_type = builtin\n_service = request-chat\n\n"
            + "[service.cb]\n_type = builtin\n_service = callback\n_capacity_service = chat\n",
        "t.ini:8: [service.cb] _capacity_service names 'chat'");
  }

  @Test
  void shouldAcceptTokensInCallbackOptions() throws IOException {
    GmsConfiguration config =
        load(
            "[service.cb]\n_type = builtin\n_service = callback\n_request_time_bucket = $b$\n_capacity_service = $cap$\n");

    assertEquals(
        "$b$",
        config
            .get(ServiceCatalog.class)
            .find("cb")
            .orElseThrow()
            .options()
            .get("_request_time_bucket"));
  }

  @Test
  void shouldLoadTheShippedConfiguration() throws IOException {
    try (Reader reader = Files.newBufferedReader(Path.of("server-config/gms.ini"))) {
      new GmsConfiguration(IniParser.parse("server-config/gms.ini", reader));
    }
  }
}
