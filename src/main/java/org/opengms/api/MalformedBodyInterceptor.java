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
 * (Payara) already answers so; RESTEasy (WildFly) lets the reader's exception through as a 500.
 */
@Provider
public class MalformedBodyInterceptor implements ReaderInterceptor {

  private static final Logger LOG = Logger.getLogger(MalformedBodyInterceptor.class.getName());

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    try {
      return context.proceed();
    } catch (IOException | IllegalArgumentException e) {
      LOG.log(Level.FINE, "Unreadable request body", e);
      MediaType type = context.getMediaType();
      throw new InvalidRequestException(
          type == null
              ? "Malformed request body"
              : "Malformed " + type.getType() + "/" + type.getSubtype() + " body");
    }
  }
}
