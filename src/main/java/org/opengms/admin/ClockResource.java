package org.opengms.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.opengms.api.FormParameters;
import org.opengms.api.RequestParams;
import org.opengms.api.error.AccessDeniedException;
import org.opengms.config.ConfigurationProvider;
import org.opengms.security.Secured;
import org.opengms.time.ServerClock;

/**
 * The server clock for admins: {@code GET} shows it; {@code POST advance=<seconds>} moves it and
 * {@code DELETE} puts it back on system time, both only when {@code [server] clock_control = true}
 * (403 otherwise, nothing changed).
 */
@Path("admin/clock")
@Secured("admin")
@Produces(MediaType.APPLICATION_JSON)
public class ClockResource {

  /** What the clock reads now and how far it is from system time. */
  public record ClockView(String now, long offsetSeconds, boolean adjustable) {}

  private static final long CENTURY_SECONDS = 100L * 366 * 86_400;

  @Inject ServerClock clock;
  @Inject ConfigurationProvider configuration;

  @GET
  public ClockView get() {
    return view();
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public ClockView advance(MultivaluedMap<String, String> form) {
    requireControl();
    String seconds = FormParameters.of(form, configuration.current()).get("advance");
    // a century either way: far beyond any test or demo, well within Instant's range
    long amount = RequestParams.longInRange("advance", seconds, -CENTURY_SECONDS, CENTURY_SECONDS);
    clock.advance(Duration.ofSeconds(amount));
    return view();
  }

  @DELETE
  public Response reset() {
    requireControl();
    clock.reset();
    return Response.ok(view()).build();
  }

  private void requireControl() {
    if (!configuration.current().server().clockControl()) {
      throw new AccessDeniedException(
          "The clock is not adjustable: [server] clock_control = false");
    }
  }

  private ClockView view() {
    return new ClockView(
        clock.now().toString(),
        clock.offset().toSeconds(),
        configuration.current().server().clockControl());
  }
}
