package org.opengms.app;

import java.util.Set;
import org.opengms.api.MalformedBodyInterceptor;
import org.opengms.api.NoCacheHeadersFilter;
import org.opengms.api.RequestSizeLimitFilter;
import org.opengms.api.SharedJsonb;
import org.opengms.api.error.GmsExceptionMapper;
import org.opengms.api.error.UnexpectedErrorMapper;
import org.opengms.api.error.WebApplicationExceptionMapper;
import org.opengms.security.BasicAuthenticationFilter;
import org.opengms.security.ServiceCredentialsFilter;

/**
 * The providers every API version shares (filters, body readers, error mappers, JSON-B): both
 * applications list their classes explicitly, so a resource is served under exactly one version.
 */
final class ApiProviders {

  private ApiProviders() {}

  static final Set<Class<?>> SHARED =
      Set.of(
          MalformedBodyInterceptor.class,
          NoCacheHeadersFilter.class,
          RequestSizeLimitFilter.class,
          SharedJsonb.class,
          GmsExceptionMapper.class,
          UnexpectedErrorMapper.class,
          WebApplicationExceptionMapper.class,
          BasicAuthenticationFilter.class,
          ServiceCredentialsFilter.class);

  /**
   * Jersey (Payara) reads multipart only with this feature; named by class so we need no Jersey
   * dependency. RESTEasy (WildFly) ignores these properties and reads EntityPart natively. Jersey
   * would also publish a WADL description (GET /1/application.wadl, OPTIONS bodies) that WildFly
   * does not have: off, so both servers expose the same API.
   */
  static final java.util.Map<String, Object> PROPERTIES =
      java.util.Map.of(
          "jersey.config.server.provider.classnames",
          "org.glassfish.jersey.media.multipart.MultiPartFeature",
          "jersey.config.server.wadl.disableWadl",
          "true");

  static Set<Class<?>> with(Set<Class<?>> resources) {
    Set<Class<?>> all = new java.util.LinkedHashSet<>(SHARED);
    all.addAll(resources);
    return java.util.Collections.unmodifiableSet(all);
  }
}
