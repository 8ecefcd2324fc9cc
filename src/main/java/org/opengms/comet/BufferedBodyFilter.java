package org.opengms.comet;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Works around Payara's HTTP layer (Grizzly), which tells CometD's non-blocking reader that a
 * long-polling request body is finished before any of it was read, so CometD finds no JSON. This
 * filter reads the body first, in blocking mode and bounded by {@code [cometd] max_message_bytes}
 * (413 above it), and hands CometD a stream over those bytes that keeps the non-blocking contract.
 *
 * <p>Registered only where it is needed ({@link #isNeeded}): WildFly (Undertow) reads CometD's
 * requests correctly as they are.
 */
public final class BufferedBodyFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  private final int maxBytes;

  BufferedBodyFilter(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** Whether the container is Payara or GlassFish, whose request bodies need the workaround. */
  static boolean isNeeded(ServletContext context) {
    String server = context.getServerInfo().toLowerCase(Locale.ROOT);
    return server.contains("payara") || server.contains("glassfish");
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!"POST".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = readAtMost(request);
    if (body == null) {
      response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      return;
    }
    chain.doFilter(new BufferedRequest(request, body), response);
  }

  /** The whole body, or null when it is longer than {@link #maxBytes}. */
  private byte[] readAtMost(HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > maxBytes) {
      return null;
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(maxBytes + 1);
      return body.length > maxBytes ? null : body;
    }
  }

  private static final class BufferedRequest extends HttpServletRequestWrapper {

    private final ServletInputStream body;

    BufferedRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = new BufferedStream(body);
    }

    @Override
    public ServletInputStream getInputStream() {
      return body;
    }
  }

  /** All of the body is already here: always ready, finished once everything was read. */
  private static final class BufferedStream extends ServletInputStream {

    private final byte[] bytes;
    private int position;

    BufferedStream(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public boolean isFinished() {
      return position >= bytes.length;
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setReadListener(ReadListener listener) {
      try {
        if (isFinished()) {
          listener.onAllDataRead();
        } else {
          listener.onDataAvailable();
        }
      } catch (IOException e) {
        listener.onError(e);
      }
    }

    @Override
    public int read() {
      return isFinished() ? -1 : bytes[position++] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (length == 0) {
        return 0;
      }
      if (isFinished()) {
        return -1;
      }
      int count = Math.min(length, bytes.length - position);
      System.arraycopy(bytes, position, buffer, offset, count);
      position += count;
      return count;
    }
  }
}
