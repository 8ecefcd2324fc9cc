package org.opengms.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Watches a multipart body for its closing delimiter ({@code --boundary--}) as the reader pulls it
 * through. RESTEasy (WildFly) reads a body that ends without one as complete, so a truncated upload
 * would be stored as if whole; {@link MalformedBodyInterceptor} refuses it when the reader reached
 * the end of the stream without the delimiter having passed. One pass, no buffering: a
 * Knuth-Morris-Pratt match over the bytes as they go by.
 */
final class ClosingDelimiterWatch extends FilterInputStream {

  private final byte[] delimiter;
  private final int[] fallback;
  private int matched;
  private boolean seen;
  private boolean ended;

  ClosingDelimiterWatch(InputStream in, String boundary) {
    super(in);
    this.delimiter = ("--" + boundary + "--").getBytes(StandardCharsets.ISO_8859_1);
    this.fallback = fallbackTable(delimiter);
  }

  /** True when the whole body was read and no closing delimiter was in it. */
  boolean endedWithoutDelimiter() {
    return ended && !seen;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b < 0) {
      ended = true;
    } else {
      watch((byte) b);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n < 0) {
      ended = true;
    }
    for (int i = 0; i < n && !seen; i++) {
      watch(buffer[offset + i]);
    }
    return n;
  }

  private void watch(byte b) {
    if (seen) {
      return;
    }
    while (matched > 0 && delimiter[matched] != b) {
      matched = fallback[matched - 1];
    }
    if (delimiter[matched] == b) {
      matched++;
    }
    if (matched == delimiter.length) {
      seen = true;
    }
  }

  private static int[] fallbackTable(byte[] pattern) {
    int[] table = new int[pattern.length];
    for (int i = 1, k = 0; i < pattern.length; i++) {
      while (k > 0 && pattern[k] != pattern[i]) {
        k = table[k - 1];
      }
      if (pattern[k] == pattern[i]) {
        k++;
      }
      table[i] = k;
    }
    return table;
  }
}
