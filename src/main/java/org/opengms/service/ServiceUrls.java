package org.opengms.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.opengms.api.PublicUrls;
import org.opengms.config.ConfigurationProvider;

/** Absolute URLs of service storage for answers built outside a resource (match-interaction). */
@ApplicationScoped
public class ServiceUrls {

  @Inject HttpServletRequest request;
  @Inject ConfigurationProvider configuration;

  /** {@code .../genesys/1/service/{id}/storage/binary/{key}} as the client reached the server. */
  public String binary(String serviceId, String key) {
    return PublicUrls.apiBase(request, configuration.current())
        .path("service")
        .path(serviceId)
        .path("storage/binary")
        .path(key)
        .build()
        .toString();
  }
}
