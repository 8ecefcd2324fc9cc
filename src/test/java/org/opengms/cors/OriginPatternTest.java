package org.opengms.cors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.opengms.config.ConfigurationException;
import org.opengms.config.IniParser;

class OriginPatternTest {

  private static CorsSettings cors(String options) {
    try {
      return CorsSettings.from(IniParser.parse("t.ini", new StringReader("[cors]\n" + options)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void shouldMatchExactOriginsAndSubdomainsOnly() {
    CorsSettings cors = cors("allowedOrigins = https://app.example.com, https://*.example.net\n");
    assertTrue(cors.enabled());
    assertTrue(cors.allows("https://app.example.com"));
    assertTrue(cors.allows("HTTPS://APP.EXAMPLE.COM"));
    assertTrue(cors.allows("https://a.b.example.net"));
    assertFalse(cors.allows("https://example.net"));
    assertFalse(cors.allows("https://evil-example.net"));
    assertFalse(cors.allows("https://example.net.evil.com"));
    assertFalse(cors.allows("http://app.example.com"));
    assertFalse(cors.allows("https://app.example.com:8443"));
    assertFalse(cors.allows("null"));
  }

  @Test
  void shouldBeOffWhenNoOriginListed() {
    assertFalse(cors("").enabled());
    assertFalse(cors("allowedOrigins =\n").enabled());
    assertTrue(cors("allowedOrigins = *\n").allows("https://anything.example"));
  }

  @Test
  void shouldRefuseFileWhenOriginsCannotWork() {
    for (String bad :
        new String[] {
          "allowedOrigins = https://app.example.com/\n",
          "allowedOrigins = app.example.com\n",
          "allowedOrigins = ftp://x.example\n",
          "allowedOrigins = https://a.*.example\n",
          "allowedOrigins = *\nallowCredentials = true\n",
          "allowedOrigins = https://a.example\npreflightMaxAge = -1\n"
        }) {
      assertThrows(ConfigurationException.class, () -> cors(bad), bad);
    }
  }
}
