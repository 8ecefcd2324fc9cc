package org.opengms.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.opengms.api.error.AuthenticationRequiredException;
import org.opengms.config.ConfigurationProvider;
import org.opengms.config.GmsConfiguration;

/**
 * GMS's service credentials: options {@code username} / {@code password} of {@code [server]} and of
 * each {@code [service.<name>]}, merged field by field (the service's win). When a password is in
 * force, requests to the Service API ({@code /1/service/...}, callbacks included) and the Storage
 * API ({@code /1/storage/...}) and Chat API v2 ({@code /2/chat/<service>/...}; over CometD the same
 * credentials come as {@code auth.encoded}) need HTTP Basic with those credentials, else 401. The
 * service is the one named in the path ({@code /service/<name>}, {@code /service/callback/<name>});
 * requests addressed by service id use the {@code [server]} pair.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ServiceCredentialsFilter implements ContainerRequestFilter {

  @Inject ConfigurationProvider configuration;
  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    List<String> segments =
        request.getUriInfo().getPathSegments().stream().map(s -> s.getPath()).toList();
    if (segments.isEmpty()) {
      return;
    }
    String root = segments.get(0);
    if (!root.equals("service") && !root.equals("storage") && !root.equals("chat")) {
      return;
    }
    GmsConfiguration config = configuration.current();
    String service = null;
    if (root.equals("chat") && segments.size() >= 2) {
      service = segments.get(1); // Chat API v2: /2/chat/<service>/...
    } else if (root.equals("service") && segments.size() >= 2) {
      if (segments.get(1).equals("callback") && segments.size() >= 3) {
        service = segments.get(2);
      } else {
        // a service name, or a service id: an id has no section, so it gets the [server] pair
        service = segments.get(1);
      }
    }
    if (!allowed(
        config,
        service,
        request.getHeaderString("Authorization"),
        servletRequest.getRemoteAddr())) {
      throw new AuthenticationRequiredException("Authentication required");
    }
  }

  /**
   * Whether {@code authorization} (an HTTP Basic header value, or null) satisfies the credentials
   * in force for {@code service} (null: the {@code [server]} pair); true when none are.
   */
  public static boolean allowed(GmsConfiguration config, String service, String authorization) {
    return allowed(config, service, authorization, null);
  }

  /**
   * As above; a failure counts against the failed-login limits of {@code address} and the login
   * (429 once at the limit), unless {@code address} is null (CometD, which answers Bayeux errors).
   */
  static boolean allowed(
      GmsConfiguration config, String service, String authorization, String address) {
    ServiceCredentials.Pair pair = config.get(ServiceCredentials.class).of(service);
    String username = pair.username();
    Optional<String> password = pair.password();
    if (password.isEmpty()) {
      return true;
    }
    Optional<BasicCredentials> given = BasicCredentials.parse(authorization);
    if (given.isEmpty()) {
      return false;
    }
    // the password is checked even for a wrong login name: the same cost either way
    BooleanSupplier check =
        () ->
            Passwords.matches(given.get().password().toCharArray(), password.get())
                & given.get().login().equals(username);
    return address == null
        ? check.getAsBoolean()
        : FailedLogins.SHARED.attempt(
            given.get().login(), address, config.get(SecuritySettings.class), check);
  }
}
