package org.opengms.comet;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a long-polling request body before CometD does, bounded by {@code [cometd]
 * max_message_bytes}, and refuses what CometD would fail on with a Bayeux error in JSON (HTTP 413
 * for a body over the limit, 400 for malformed Bayeux, {@link BayeuxRequestCheck}), never a
 * container error page. CometD then gets a stream over the bytes that keeps the non-blocking
 * contract.
 *
 * <p>The read-ahead also works around Payara's HTTP layer (Grizzly), which tells CometD's
 * non-blocking reader that a body is finished before any of it was read.
 */
public final class BufferedBodyFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  private final int maxBytes;

  BufferedBodyFilter(int maxBytes) {
    this.maxBytes = maxBytes;
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
      refuse(
          response,
          HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
          "the message is longer than " + maxBytes + " bytes ([cometd] max_message_bytes)");
      return;
    }
    String refusal = BayeuxRequestCheck.refusal(body);
    if (refusal != null) {
      refuse(response, HttpServletResponse.SC_BAD_REQUEST, refusal);
      return;
    }
    chain.doFilter(new BufferedRequest(request, body), response);
  }

  /** A Bayeux error reply; the advice tells the client not to send the same again. */
  private static void refuse(HttpServletResponse response, int status, String reason)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.setHeader("Cache-Control", "no-cache, no-store");
    response
        .getOutputStream()
        .write(BayeuxRequestCheck.errorReply(status, reason).getBytes(StandardCharsets.UTF_8));
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
