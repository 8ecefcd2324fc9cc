package org.opengms.callback;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.opengms.api.error.InvalidRequestException;

/**
 * Where a page of the admin console's callback list ends: the last callback's desired time and id
 * (the list's order). Sent to clients as an opaque URL-safe token.
 */
record CallbackCursor(Instant desiredTime, String id) {

  static CallbackCursor after(Callback c) {
    return new CallbackCursor(c.getDesiredTime(), c.getId());
  }

  String token() {
    String text = desiredTime.toEpochMilli() + ":" + desiredTime.getNano() + ":" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor of a token this server made; 400 for anything else. */
  static CallbackCursor parse(String token) {
    try {
      String text =
          new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8);
      String[] parts = text.split(":", 3);
      long seconds = Math.floorDiv(Long.parseLong(parts[0]), 1000);
      int nanos = Integer.parseInt(parts[1]);
      if (parts[2].isEmpty() || nanos < 0 || nanos > 999_999_999) {
        throw new IllegalArgumentException(text);
      }
      Instant time = Instant.ofEpochSecond(seconds, nanos);
      if (time.isBefore(CallbackViews.EARLIEST) || time.isAfter(CallbackViews.LATEST)) {
        throw new IllegalArgumentException(text);
      }
      return new CallbackCursor(time, parts[2]);
    } catch (RuntimeException e) {
      throw new InvalidRequestException("after must be the next token of an earlier page");
    }
  }
}
