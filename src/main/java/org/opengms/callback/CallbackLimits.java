package org.opengms.callback;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The start limits of later GMS 8.5 releases, all 503 with GMS's messages: the queued cap, the
 * same-parameter daily throttle (immediate starts only) and two rate windows per service. All are
 * decided from the database under the service's admission row lock ({@link CallbackEngine#create}),
 * so they hold under concurrent starts and for the whole cluster; the rate windows are kept in that
 * row.
 */
@ApplicationScoped
public class CallbackLimits {

  @EJB CallbackStore store;

  /**
   * Checks a start whose callback runs at {@code at} ({@code now} for an immediate one). A rate
   * window counts the callbacks due within it: one scheduled beyond the window's end is not
   * throttled. A window whose count is 0 refuses every start it counts.
   */
  void check(
      CallbackOptions options,
      Map<String, String> request,
      Instant at,
      Instant now,
      CallbackAdmissionRow row) {
    String service = options.definition().name();
    boolean immediate = !at.isAfter(now);
    if (immediate) {
      long cap = options.number("_max_queued_callbacks_per_service", 1000);
      if (cap >= 0 && store.count(service, CallbackState.QUEUED) >= cap) {
        throw new CallbackLimitException(
            "Limit of queued callbacks for " + service + " is reached.");
      }
      throttleSameParameter(options, request, now);
    }
    rateWindow(options, row, service, 1, 500, 300, at, now);
    rateWindow(options, row, service, 2, 1000, 3600, at, now);
  }

  private void throttleSameParameter(
      CallbackOptions options, Map<String, String> request, Instant now) {
    String service = options.definition().name();
    long limit = options.number("_throttle_request_parameters_limit", 6);
    if (limit < 0) {
      limit = 6;
    }
    Instant dayStart =
        now.atOffset(ZoneOffset.UTC).toLocalDate().atStartOfDay().toInstant(ZoneOffset.UTC);
    var params = options.listOption("_throttle_request_parameters");
    for (String name : params.isEmpty() ? java.util.List.of("_customer_number") : params) {
      String value = request.get(name);
      if (value == null || value.isBlank()) {
        continue;
      }
      if (limit == 0 || store.countSameParameter(service, name, value, dayStart) >= limit) {
        throw new CallbackLimitException(
            "Callback for "
                + name
                + "="
                + value
                + " rejected because previous callbacks for this parameter were requested for"
                + " more than "
                + limit
                + " times today.");
      }
    }
  }

  private void rateWindow(
      CallbackOptions options,
      CallbackAdmissionRow row,
      String service,
      int n,
      long defLimit,
      long defTtl,
      Instant at,
      Instant now) {
    long limit = options.number("_throttle_callbacks_per_service_" + n, defLimit);
    long ttl = options.number("_throttle_ttl_" + n, defTtl);
    if (limit < 0 || ttl <= 0 || !at.isBefore(now.plusSeconds(ttl))) {
      return;
    }
    if (!row.countInWindow(n, limit, ttl, now)) {
      throw new CallbackLimitException(
          "Limit of queued callbacks for " + service + " is reached for interval " + ttl + "s.");
    }
  }
}
