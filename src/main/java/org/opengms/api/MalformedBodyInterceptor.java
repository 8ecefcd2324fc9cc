package org.opengms.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opengms.api.error.InvalidRequestException;

/**
 * A body that cannot be parsed as its declared type (a multipart form without a boundary, a broken
 * percent escape in a URL-encoded form) is the client's fault: 400 in the GMS error shape. Jersey
 * (Payara) already answers so; RESTEasy (WildFly) lets the reader's exception through as a 500, and
 * reads a multipart body cut off before its closing delimiter as complete (see {@link
 * ClosingDelimiterWatch}).
 */
@Provider
public class MalformedBodyInterceptor implements ReaderInterceptor {

  private static final Logger LOG = Logger.getLogger(MalformedBodyInterceptor.class.getName());

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    ClosingDelimiterWatch watch = watchMultipart(context);
    try {
      Object body = context.proceed();
      if (watch != null && watch.endedWithoutDelimiter()) {
        throw new InvalidRequestException(
            "Malformed multipart/form-data body: no closing boundary");
      }
      return body;
    } catch (IOException | IllegalArgumentException e) {
      LOG.log(Level.FINE, "Unreadable request body", e);
      MediaType type = context.getMediaType();
      throw new InvalidRequestException(
          type == null
              ? "Malformed request body"
              : "Malformed " + type.getType() + "/" + type.getSubtype() + " body");
    }
  }

  private static ClosingDelimiterWatch watchMultipart(ReaderInterceptorContext context) {
    MediaType type = context.getMediaType();
    if (type == null || !type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) {
      return null;
    }
    String boundary = unquoted(type.getParameters().get("boundary"));
    if (boundary == null || boundary.isEmpty()) {
      return null; // the reader refuses it itself
    }
    ClosingDelimiterWatch watch = new ClosingDelimiterWatch(context.getInputStream(), boundary);
    context.setInputStream(watch);
    return watch;
  }

  private static String unquoted(String value) {
    if (value != null && value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }
}
