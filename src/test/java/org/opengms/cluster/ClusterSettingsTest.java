package org.opengms.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.opengms.config.ConfigurationException;
import org.opengms.config.IniParser;

class ClusterSettingsTest {

  private static ClusterSettings parse(String text) throws IOException {
    return ClusterSettings.from(IniParser.parse("t.ini", new StringReader(text)));
  }

  @Test
  void shouldDefaultToABeatEveryTenSecondsAndDownAfterThirty() throws IOException {
    assertEquals(new ClusterSettings(10, 30, 86_400), parse("[server]\n"));
  }

  @Test
  void shouldRefuseATimeoutShorterThanTwoHeartbeatsNamingItsLine() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> parse("[cluster]\nheartbeat_interval = 10\nnode_timeout = 15\n"));
    assertEquals(
        "t.ini:3: [cluster] node_timeout (15) must be at least twice heartbeat_interval (10)",
        e.getMessage());
  }

  @Test
  void shouldRefuseAnIntervalWhoseDefaultTimeoutIsTooShort() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class, () -> parse("[cluster]\nheartbeat_interval = 20\n"));
    assertEquals(
        "t.ini:2: [cluster] node_timeout (30) must be at least twice heartbeat_interval (20)",
        e.getMessage());
  }
}
