package org.opengms.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ClosingDelimiterWatchTest {

  private static final String PART =
      "--zz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n";

  @Test
  void aWholeBodyPasses() throws IOException {
    assertFalse(readAll(PART + "--zz--\r\n", 7).endedWithoutDelimiter());
    assertFalse(readAll(PART + "--zz--", 1).endedWithoutDelimiter());
  }

  @Test
  void aBodyCutOffBeforeItsClosingDelimiterIsNoticed() throws IOException {
    assertTrue(readAll(PART, 7).endedWithoutDelimiter());
    assertTrue(readAll(PART + "--zz-", 3).endedWithoutDelimiter());
    assertTrue(readAll(PART + "--zz\r\n", 64).endedWithoutDelimiter());
  }

  @Test
  void aDelimiterSplitOverReadsAndAfterPartialMatchesIsFound() throws IOException {
    // "---zz--" starts one byte early: the match must fall back, not restart past it
    assertFalse(readAll(PART + "\r\n---zz--", 2).endedWithoutDelimiter());
    assertFalse(readAllByteByByte(PART + "--zz--").endedWithoutDelimiter());
  }

  @Test
  void aReaderThatStopsAtTheDelimiterIsNotBlamed() throws IOException {
    ClosingDelimiterWatch watch = watch(PART);
    watch.read(new byte[8]);
    assertFalse(watch.endedWithoutDelimiter(), "not at the end yet");
  }

  private static ClosingDelimiterWatch readAll(String body, int chunk) throws IOException {
    ClosingDelimiterWatch watch = watch(body);
    byte[] buffer = new byte[chunk];
    while (watch.read(buffer, 0, chunk) >= 0) {
      // drain
    }
    return watch;
  }

  private static ClosingDelimiterWatch readAllByteByByte(String body) throws IOException {
    ClosingDelimiterWatch watch = watch(body);
    while (watch.read() >= 0) {
      // drain
    }
    return watch;
  }

  private static ClosingDelimiterWatch watch(String body) {
    return new ClosingDelimiterWatch(
        new ByteArrayInputStream(body.getBytes(StandardCharsets.ISO_8859_1)), "zz");
  }
}
