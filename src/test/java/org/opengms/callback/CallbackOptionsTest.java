package org.opengms.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengms.config.ConfigurationException;
import org.opengms.config.GmsConfiguration;
import org.opengms.config.IniParser;
import org.opengms.service.ServiceCatalog;
import org.opengms.service.ServiceDefinition;

class CallbackOptionsTest {

  private static GmsConfiguration load(String text) throws IOException {
    return new GmsConfiguration(IniParser.parse("t.ini", new StringReader(text)));
  }

  private static final String FILE =
      """
      [callback]
      scan_interval = 2
      _throttle_request_parameters_limit = 4
      filter-keys = a, b

      [service.cb]
      _type = builtin
      _service = callback
      _urs_virtual_queue = vq-$vq$
      _overwritable_options = _redirect, _ttl
      _redirect =
      _request_execution_time_buffer = 120
      """;

  @Test
  void shouldReplaceTokensAndOverwritableOptionsAndFallBackToTheCallbackSection()
      throws IOException {
    GmsConfiguration config = load(FILE);
    ServiceDefinition d = config.get(ServiceCatalog.class).find("cb").orElseThrow();
    CallbackOptions options =
        CallbackOptions.of(
            d,
            Map.of("vq", "blue", "_redirect", "other", "_ttl", "60"),
            config.get(CallbackSettings.class));

    assertEquals("vq-blue", options.queue(Map.of()));
    assertEquals("vq-red", options.queue(Map.of("_urs_virtual_queue", "vq-red")));
    assertEquals("other", options.get("_redirect").orElseThrow());
    assertEquals(Duration.ofSeconds(60), options.ttl());
    assertEquals(Duration.ofSeconds(120), options.executionBuffer());
    assertEquals(4, options.number("_throttle_request_parameters_limit", 6));
    assertEquals(2, config.get(CallbackSettings.class).scanIntervalSeconds());
    assertEquals(List.of("a", "b"), config.get(CallbackSettings.class).filterKeys());
  }

  @Test
  void shouldKeepOptionsNotListedAsOverwritable() throws IOException {
    GmsConfiguration config = load(FILE);
    CallbackOptions options =
        CallbackOptions.of(
            config.get(ServiceCatalog.class).find("cb").orElseThrow(),
            Map.of("_request_execution_time_buffer", "0"),
            config.get(CallbackSettings.class));
    assertEquals(Duration.ofSeconds(120), options.executionBuffer());
    assertTrue(options.get("_redirect").isEmpty(), "an empty _redirect is no redirect");
    assertEquals("vq-$vq$", options.queue(Map.of()), "a token the request does not name stays");
  }

  @Test
  void shouldRefuseABadCallbackSection() {
    assertThrows(ConfigurationException.class, () -> load("[callback]\nscan_interval = 0\n"));
    assertThrows(ConfigurationException.class, () -> load("[callback]\nsubmit_attempts = x\n"));
  }
}
