package org.opengms.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opengms.api.error.InvalidRequestException;

class CallbackCursorTest {

  @Test
  void shouldReadBackTheTokenItWrote() {
    CallbackCursor cursor =
        new CallbackCursor(Instant.parse("2026-12-04T10:15:30.123456789Z"), "a:b-c");
    assertEquals(cursor, CallbackCursor.parse(cursor.token()));
  }

  @Test
  void shouldRefuseTokensItDidNotWrite() {
    for (String bad :
        new String[] {"", "not-a-token", "MTIz", "eDp5Ono", "OTk5OTk5OTk5OTk5OTk5OTk5OjA6aWQ"}) {
      assertThrows(InvalidRequestException.class, () -> CallbackCursor.parse(bad), bad);
    }
  }

  private static String token(String text) {
    return java.util.Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
