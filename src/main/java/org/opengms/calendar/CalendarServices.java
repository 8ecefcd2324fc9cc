package org.opengms.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.opengms.config.ConfigurationProvider;
import org.opengms.config.GmsConfiguration;
import org.opengms.service.BuiltinService;
import org.opengms.service.ServiceCatalog;
import org.opengms.service.ServiceDefinition;

/**
 * Finds the office hours and capacity of callback services in the configuration in force, parsed
 * once per configuration version.
 */
@ApplicationScoped
public class CalendarServices {

  @Inject ConfigurationProvider configuration;
  @Inject Instance<SlotBookings> bookings;

  /** The office hours of the office-hours service {@code definition}. */
  public OfficeHours officeHours(ServiceDefinition definition) {
    OfficeHours hours =
        configuration.current().get(CalendarPlans.class).officeHours().get(definition.name());
    // a definition of a version no longer in force (a reload in between) is parsed again
    return hours != null ? hours : OfficeHours.from(definition.options());
  }

  private CapacityPlan plan(ServiceDefinition definition) {
    CapacityPlan plan =
        configuration.current().get(CalendarPlans.class).capacity().get(definition.name());
    return plan != null ? plan : CapacityPlan.from(definition.options());
  }

  /**
   * The slots of a callback service whose (request-merged) options are {@code options}.
   *
   * @throws CallbackServiceException when an option names a service that is not configured as an
   *     office-hours or capacity service
   */
  public SlotCalendar slots(String callbackService, Map<String, String> options) {
    return resolve(
        configuration.current(),
        callbackService,
        options,
        this::booked,
        this::officeHours,
        this::plan);
  }

  /**
   * The slots of a callback service in {@code config}, the services it names parsed by {@code
   * hours} and {@code plans}.
   */
  public static SlotCalendar resolve(
      GmsConfiguration config,
      String callbackService,
      Map<String, String> options,
      SlotBookings bookings,
      Function<ServiceDefinition, OfficeHours> hours,
      Function<ServiceDefinition, CapacityPlan> plans) {
    OfficeHours officeHours =
        referenced(
                config, options, CalendarKeys.BUSINESS_HOURS_SERVICE, BuiltinService.OFFICE_HOURS)
            .map(hours)
            .orElse(null);
    Optional<ServiceDefinition> capacityService =
        referenced(config, options, CalendarKeys.CAPACITY_SERVICE, BuiltinService.CAPACITY);
    CapacityPlan plan = capacityService.map(plans).orElse(null);
    Map<String, String> capacityOptions =
        capacityService.map(ServiceDefinition::options).orElse(Map.of());
    Integer bucket = readOption(() -> CalendarOptions.bucket(options));
    if (bucket == null) {
      bucket = CalendarOptions.bucket(capacityOptions);
    }
    Integer max = readOption(() -> CalendarOptions.maxPerBucket(options));
    if (max == null) {
      max = CalendarOptions.maxPerBucket(capacityOptions);
    }
    return new SlotCalendar(
        capacityService.map(ServiceDefinition::name).orElse(callbackService),
        bucket == null ? SlotCalendar.DEFAULT_BUCKET : bucket,
        officeHours,
        plan,
        max,
        bookings);
  }

  private long booked(String key, Instant from, Instant to) {
    return bookings.isResolvable() ? bookings.get().booked(key, from, to) : 0;
  }

  private static Integer readOption(java.util.function.Supplier<Integer> read) {
    try {
      return read.get();
    } catch (InvalidOptionException e) {
      throw new CallbackServiceException("Invalid option " + e.getMessage());
    }
  }

  private static Optional<ServiceDefinition> referenced(
      GmsConfiguration config, Map<String, String> options, String key, String kind) {
    String name = options.get(key);
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    ServiceDefinition d =
        config
            .get(ServiceCatalog.class)
            .find(name.trim())
            .filter(s -> s.isBuiltin(kind))
            .orElseThrow(
                () ->
                    new CallbackServiceException(
                        "Service "
                            + name
                            + " named by "
                            + key
                            + " is not a configured "
                            + kind
                            + " service"));
    return Optional.of(d);
  }
}
