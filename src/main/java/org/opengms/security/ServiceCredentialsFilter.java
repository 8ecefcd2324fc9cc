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
import org.opengms.api.error.AuthenticationRequiredException;
import org.opengms.config.ConfigurationProvider;
import org.opengms.config.GmsConfiguration;
import org.opengms.config.IniDocument;

/**
 * GMS's service credentials: options {@code username} / {@code password} of {@code [server]} and of
 * each {@code [service.<name>]}, merged field by field (the service's win). When a password is in
 * force, requests to the Service API ({@code /1/service/...}, callbacks included) and the Storage
 * API ({@code /1/storage/...}) need HTTP Basic with those credentials, else 401. The service is the
 * one named in the path ({@code /service/<name>}, {@code /service/callback/<name>}); requests
 * addressed by service id use the {@code [server]} pair.
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
    if (!root.equals("service") && !root.equals("storage")) {
      return;
    }
    GmsConfiguration config = configuration.current();
    String service = null;
    if (root.equals("service") && segments.size() >= 2) {
      if (segments.get(1).equals("callback") && segments.size() >= 3) {
        service = segments.get(2);
      } else if (config.services().find(segments.get(1)).isPresent()) {
        service = segments.get(1);
      }
    }
    Optional<IniDocument.Section> server = config.document().section("server");
    Optional<IniDocument.Section> own =
        service == null ? Optional.empty() : config.document().section("service." + service);
    String username = value(own, "username").or(() -> value(server, "username")).orElse("");
    Optional<String> password = value(own, "password").or(() -> value(server, "password"));
    if (password.isEmpty()) {
      return;
    }
    Optional<BasicCredentials> given =
        BasicCredentials.parse(request.getHeaderString("Authorization"));
    if (given.isEmpty()
        || !FailedLogins.SHARED.attempt(
            given.get().login(),
            servletRequest.getRemoteAddr(),
            config.security(),
            // the password is checked even for a wrong login name: the same cost either way
            () ->
                Passwords.matches(given.get().password().toCharArray(), password.get())
                    & given.get().login().equals(username))) {
      throw new AuthenticationRequiredException("Authentication required");
    }
  }

  private static Optional<String> value(Optional<IniDocument.Section> section, String key) {
    return section.flatMap(s -> s.value(key)).filter(v -> !v.isEmpty());
  }
}
