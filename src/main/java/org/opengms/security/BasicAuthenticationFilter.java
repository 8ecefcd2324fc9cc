package org.opengms.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Arrays;
import org.opengms.api.error.AccessDeniedException;
import org.opengms.api.error.AuthenticationRequiredException;
import org.opengms.config.ConfigurationProvider;
import org.opengms.config.GmsConfiguration;

/**
 * HTTP Basic authentication of {@link Secured} resources against the {@code [user.*]} sections: 401
 * with a challenge for missing or wrong credentials, 403 for a login without the role. Written
 * against JAX-RS alone, so it behaves the same on WildFly and Payara without server-side security
 * realms.
 */
@Provider
@Secured
@Priority(Priorities.AUTHENTICATION)
public class BasicAuthenticationFilter implements ContainerRequestFilter {

  @Inject ConfigurationProvider configuration;
  @Context ResourceInfo resource;
  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    GmsConfiguration config = configuration.current();
    User user =
        BasicCredentials.parse(request.getHeaderString("Authorization"))
            .flatMap(
                c ->
                    c.authenticate(
                        config.get(UserSettings.class),
                        config.get(SecuritySettings.class),
                        servletRequest.getRemoteAddr()))
            .orElseThrow(() -> new AuthenticationRequiredException("Authentication required"));
    String[] roles = requiredRoles();
    if (roles.length > 0 && Arrays.stream(roles).noneMatch(user::hasRole)) {
      throw new AccessDeniedException("User " + user.login() + " may not do this");
    }
    boolean secure = request.getSecurityContext().isSecure();
    request.setSecurityContext(new UserSecurityContext(user, secure));
  }

  private String[] requiredRoles() {
    Secured onMethod = resource.getResourceMethod().getAnnotation(Secured.class);
    if (onMethod != null) {
      return onMethod.value();
    }
    Secured onClass = resource.getResourceClass().getAnnotation(Secured.class);
    return onClass == null ? new String[0] : onClass.value();
  }

  /** The logged-in user, for resources that act on "their own" work. */
  record UserSecurityContext(User user, boolean secure) implements SecurityContext {

    @Override
    public Principal getUserPrincipal() {
      return user::login;
    }

    @Override
    public boolean isUserInRole(String role) {
      return user.hasRole(role);
    }

    @Override
    public boolean isSecure() {
      return secure;
    }

    @Override
    public String getAuthenticationScheme() {
      return BASIC_AUTH;
    }
  }
}
