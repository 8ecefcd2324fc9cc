package org.opengms.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opengms.config.ConfigurationException;
import org.opengms.config.IniParser;

class InternalNetworksTest {

  private static StatisticsSettings load(String text) throws IOException {
    return StatisticsSettings.from(IniParser.parse("t.ini", new StringReader(text)));
  }

  @Test
  void shouldAdmitOnlyLoopbackWhenNotConfigured() throws IOException {
    InternalNetworks networks = load("").internalNetworks();

    assertTrue(networks.contains("127.0.0.1"));
    assertTrue(networks.contains("127.10.0.1"));
    assertTrue(networks.contains("0:0:0:0:0:0:0:1"));
    assertTrue(networks.contains("[::1]"));
    assertTrue(networks.contains("::ffff:127.0.0.1"), "IPv4-mapped loopback");
    assertFalse(networks.contains("10.0.0.1"));
    assertFalse(networks.contains("192.168.1.20"));
    assertFalse(networks.contains("fe80::1%eth0"));
    assertEquals(300, load("").defaultHandleTimeSeconds());
  }

  @Test
  void shouldRefuseLoopbackWhenNetworksExcludeIt() throws IOException {
    InternalNetworks networks =
        load("[statistics]\ninternal_networks = 10.0.0.0/8, 192.168.1.7, fd00::/8\n")
            .internalNetworks();

    assertFalse(networks.contains("127.0.0.1"));
    assertFalse(networks.contains("::1"));
    assertTrue(networks.contains("10.200.3.4"));
    assertTrue(networks.contains("192.168.1.7"));
    assertFalse(networks.contains("192.168.1.8"));
    assertTrue(networks.contains("fd12:3456::1"));
    assertFalse(networks.contains("11.0.0.1"));
  }

  @Test
  void shouldRefuseEveryoneWhenListIsEmpty() throws IOException {
    InternalNetworks networks = load("[statistics]\ninternal_networks =\n").internalNetworks();

    assertFalse(networks.contains("127.0.0.1"));
  }

  @Test
  void shouldNeverLookUpNamesOrAcceptGarbage() throws IOException {
    InternalNetworks networks = load("").internalNetworks();

    assertFalse(networks.contains("localhost"));
    assertFalse(networks.contains(""));
    assertFalse(networks.contains(null));
  }

  @Test
  void shouldRefuseFileWhenRangeIsMalformed() {
    assertThrows(
        ConfigurationException.class,
        () -> load("[statistics]\ninternal_networks = 10.0.0.0/33\n"));
    assertThrows(
        ConfigurationException.class, () -> load("[statistics]\ninternal_networks = intranet\n"));
    assertThrows(
        ConfigurationException.class, () -> load("[statistics]\ndefault_handle_time = 0\n"));
  }

  @Test
  void shouldReadMaxAgeFromCacheControl() {
    assertEquals(Optional.of(Duration.ofSeconds(5)), StatisticRequests.maxAge("max-age=5"));
    assertEquals(
        Optional.of(Duration.ofSeconds(2)), StatisticRequests.maxAge("no-store, Max-Age = 2"));
    assertEquals(Optional.of(Duration.ZERO), StatisticRequests.maxAge("no-cache"));
    assertEquals(Optional.empty(), StatisticRequests.maxAge("s-maxage=5"));
    assertEquals(Optional.empty(), StatisticRequests.maxAge(null));
  }

  @Test
  void shouldNameOpenMetricsAfterStatistics() {
    assertEquals(
        "current_number_waiting_chats", MetricsResource.snake("CurrentNumberWaitingChats"));
    assertEquals("queue", MetricsResource.snake("Queue"));
  }
}
