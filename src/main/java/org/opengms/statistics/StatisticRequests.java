package org.opengms.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opengms.api.error.AccessDeniedException;
import org.opengms.api.error.InvalidRequestException;
import org.opengms.api.error.ResourceNotFoundException;

/**
 * What the three Stat Server API resources share: reading a peek request, resolving the statistic
 * (the reference's 403 for one statistic, 404 for several), answering from {@link StatisticCache}
 * with the {@code Age} header.
 */
@ApplicationScoped
public class StatisticRequests {

  /** The tenant of requests that name none; we serve one tenant, whatever its name. */
  static final String DEFAULT_TENANT = "Environment";

  private static final Pattern MAX_AGE =
      Pattern.compile("(?i)(?:^|[,\\s])max-age\\s*=\\s*\"?(\\d{1,9})\"?");
  private static final Pattern NO_CACHE = Pattern.compile("(?i)(?:^|[,\\s])no-cache(?:$|[,\\s])");

  @Inject StatisticsProvider provider;
  @Inject StatisticCache cache;

  /** {@code POST /1/statistic}, {@code /1/internal_statistic}: {@code {"value": v}} + Age. */
  public Response peek(Map<String, String> form, String cacheControl) {
    String objectType = mandatory(form, "objectType");
    String objectId = mandatory(form, "objectId");
    String metric = mandatory(form, "metric");
    String tenant = tenant(form.get("tenant"));
    NotificationMode mode = NotificationMode.parse(form.get("notificationMode"));
    StatisticsProvider.Statistic statistic =
        provider
            .find(objectType, objectId, metric)
            .orElseThrow(() -> notDefined(objectType, objectId, metric, tenant));
    StatisticCache.Peeked peeked =
        cache
            .peek(statistic, maxAge(cacheControl), mode)
            .orElseThrow(() -> notDefined(objectType, objectId, metric, tenant));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("value", peeked.value());
    return Response.ok(body).header("Age", peeked.ageSeconds()).build();
  }

  /**
   * {@code POST /1/statistics}: every field is {@code name=Metric;ObjectType;ObjectId[;Tenant]};
   * answers {@code {"name": value, ...}} with the oldest value's Age, or 404 for the first
   * statistic that is not defined.
   */
  public Response peekMany(Map<String, String> form, String cacheControl) {
    if (form.isEmpty()) {
      throw new InvalidRequestException(
          "No statistic requested: send fields such as stat1=Metric;ObjectType;ObjectId;Tenant");
    }
    Optional<Duration> maxAge = maxAge(cacheControl);
    Map<String, StatisticsProvider.Statistic> statistics = new LinkedHashMap<>();
    form.forEach(
        (name, key) -> {
          String[] parts = key.split(";", -1);
          if (parts.length < 3
              || parts.length > 4
              || parts[0].isBlank()
              || parts[1].isBlank()
              || parts[2].isBlank()) {
            throw new InvalidRequestException(
                name + " must be Metric;ObjectType;ObjectId;Tenant, not '" + key + "'");
          }
          statistics.put(
              name,
              provider
                  .find(parts[1].strip(), parts[2].strip(), parts[0].strip())
                  .orElseThrow(
                      () ->
                          new ResourceNotFoundException(
                              "Statistic "
                                  + name
                                  + " ("
                                  + key
                                  + ") is not defined: "
                                  + notDefined(
                                          parts[1].strip(),
                                          parts[2].strip(),
                                          parts[0].strip(),
                                          tenant(parts.length == 4 ? parts[3] : null))
                                      .getMessage())));
        });
    Map<String, Object> body = new LinkedHashMap<>();
    long oldest = 0;
    for (Map.Entry<String, StatisticsProvider.Statistic> e : statistics.entrySet()) {
      StatisticCache.Peeked peeked =
          cache
              .peek(e.getValue(), maxAge, NotificationMode.NoNotification)
              .orElseThrow(
                  () -> new ResourceNotFoundException("Statistic " + e.getKey() + " is gone"));
      body.put(e.getKey(), peeked.value());
      oldest = Math.max(oldest, peeked.ageSeconds());
    }
    return Response.ok(body).header("Age", oldest).build();
  }

  /**
   * The bound a request's {@code Cache-Control} puts on a cached value's age: {@code max-age=N}
   * seconds, {@code no-cache} as 0; empty when neither is present.
   */
  static Optional<Duration> maxAge(String cacheControl) {
    if (cacheControl == null || cacheControl.isBlank()) {
      return Optional.empty();
    }
    Matcher m = MAX_AGE.matcher(cacheControl);
    if (m.find()) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(m.group(1))));
    }
    if (NO_CACHE.matcher(cacheControl).find()) {
      return Optional.of(Duration.ZERO);
    }
    return Optional.empty();
  }

  /** The reference's message: {@code Queue 'x' (Tenant 'Environment') not found}. */
  private AccessDeniedException notDefined(
      String objectType, String objectId, String metric, String tenant) {
    if (!provider.knowsType(objectType) || !provider.knowsObject(objectType, objectId)) {
      return new AccessDeniedException(
          objectType + " '" + objectId + "' (Tenant '" + tenant + "') not found");
    }
    return new AccessDeniedException(
        "Statistic '"
            + metric
            + "' is not defined for "
            + objectType
            + " '"
            + objectId
            + "' (Tenant '"
            + tenant
            + "')");
  }

  private static String tenant(String tenant) {
    return tenant == null || tenant.isBlank() ? DEFAULT_TENANT : tenant.strip();
  }

  private static String mandatory(Map<String, String> form, String name) {
    String value = form.get(name);
    if (value == null || value.isBlank()) {
      throw new InvalidRequestException(name + " is mandatory");
    }
    return value.strip();
  }
}
