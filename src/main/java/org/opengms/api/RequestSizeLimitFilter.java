package org.opengms.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.opengms.api.error.PayloadTooLargeException;
import org.opengms.config.ConfigurationProvider;

/**
 * Refuses a request whose declared body is over {@code [server] max_request_bytes} before any of it
 * is read. Bodies without a length (chunked) are bounded while they are read.
 */
@Provider
@PreMatching
public class RequestSizeLimitFilter implements ContainerRequestFilter {

  @Inject ConfigurationProvider configuration;

  @Override
  public void filter(ContainerRequestContext request) {
    long limit = configuration.current().server().maxRequestBytes();
    if (request.getLength() > limit) {
      throw new PayloadTooLargeException(
          "Request body of "
              + request.getLength()
              + " bytes exceeds the limit of "
              + limit
              + " bytes");
    }
  }
}
