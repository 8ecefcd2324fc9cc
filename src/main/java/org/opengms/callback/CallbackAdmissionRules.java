package org.opengms.callback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.opengms.calendar.CalendarKeys;
import org.opengms.calendar.CalendarServices;
import org.opengms.calendar.CallbackServiceException;
import org.opengms.calendar.OfficeHours;
import org.opengms.calendar.Slot;
import org.opengms.calendar.SlotCalendar;
import org.opengms.config.ConfigurationProvider;
import org.opengms.config.GmsConfiguration;
import org.opengms.patterns.PatternCatalog;
import org.opengms.patterns.PatternMatcher;
import org.opengms.phonenumber.PhoneNumbers;
import org.opengms.service.ServiceDefinition;
import org.opengms.time.ServerClock;

/**
 * The admission rules of callback requests, in the order GMS applies them: the customer number
 * against the exception patterns and the phone number options, then the office hours and the
 * capacity of the desired time's slot.
 */
@ApplicationScoped
public class CallbackAdmissionRules implements CallbackAdmission {

  private static final Logger LOG = Logger.getLogger(CallbackAdmissionRules.class.getName());

  /** How far around a full slot other slots are proposed. */
  private static final Duration PROPOSE_BEFORE = Duration.ofHours(1);

  private static final Duration PROPOSE_AFTER = Duration.ofHours(2);
  private static final int MAX_PROPOSALS = 12;

  @Inject ConfigurationProvider configuration;
  @Inject CalendarServices calendars;
  @Inject ServerClock clock;

  @Override
  public void check(
      ServiceDefinition callbackService,
      Map<String, String> options,
      String customerNumber,
      Instant desiredTime) {
    check(
        configuration.current(),
        calendars.slots(callbackService.name(), options),
        options,
        customerNumber,
        desiredTime,
        clock.now());
  }

  /** The rules against {@code config} and {@code slots}, at server time {@code now}. */
  static void check(
      GmsConfiguration config,
      SlotCalendar slots,
      Map<String, String> options,
      String customerNumber,
      Instant desiredTime,
      Instant now) {
    Instant desired = desiredTime == null ? now : desiredTime;
    if (customerNumber != null && !customerNumber.isBlank()) {
      checkExceptions(config, options, customerNumber);
      checkPhoneNumber(options, customerNumber);
    }
    if (slots.officeHours() != null) {
      OfficeHours.Status status = slots.officeHours().statusAt(desired);
      if (!status.open()) {
        throw new CallbackServiceException(status.toJson());
      }
    }
    Slot slot = slots.slotAt(desired);
    if (slots.remaining(slot) <= 0) {
      Instant from = slot.start().minus(PROPOSE_BEFORE);
      Map<Instant, Long> proposals =
          slots.available(
              from.isBefore(now) ? now : from, slot.end().plus(PROPOSE_AFTER), MAX_PROPOSALS);
      proposals.remove(slot.start());
      throw new CallbackAvailabilityException(slot, proposals);
    }
  }

  private static void checkExceptions(
      GmsConfiguration config, Map<String, String> options, String customerNumber) {
    String group = options.get(CalendarKeys.EXCEPTIONS);
    if (group == null || group.isBlank()) {
      return;
    }
    Map<String, Pattern> patterns =
        config.get(PatternCatalog.class).group(group.trim()).orElse(null);
    if (patterns == null) {
      LOG.warning(() -> "_exceptions names pattern group " + group + ", which is not configured");
      return;
    }
    Map<String, String> matched =
        PatternMatcher.match(
            Map.of(group.trim(), customerNumber),
            patterns,
            config.get(PatternCatalog.class).matchTimeoutMillis());
    if (!matched.isEmpty()) {
      throw new CallbackServiceException(
          "Customer Number ["
              + customerNumber
              + "] is not allowed. Check option 'exceptions' : details="
              + matched);
    }
  }

  private static void checkPhoneNumber(Map<String, String> options, String customerNumber) {
    boolean premium = "true".equalsIgnoreCase(options.get(CalendarKeys.DISALLOW_PREMIUM));
    boolean impossible = "true".equalsIgnoreCase(options.get(CalendarKeys.DISALLOW_IMPOSSIBLE));
    if (!premium && !impossible) {
      return;
    }
    var number = PhoneNumbers.parse(customerNumber, options.get(CalendarKeys.DEFAULT_COUNTRY));
    if (impossible && (number.isEmpty() || !PhoneNumbers.isValid(number.get()))) {
      throw new CallbackServiceException(
          "Customer Number ["
              + customerNumber
              + "] is disallowed, because it is invalid. Check option "
              + CalendarKeys.DISALLOW_IMPOSSIBLE);
    }
    if (premium && number.isPresent() && PhoneNumbers.isPremium(number.get())) {
      throw new CallbackServiceException(
          "Customer Number ["
              + customerNumber
              + "] is disallowed, because it's a premium number. Check option "
              + CalendarKeys.DISALLOW_PREMIUM);
    }
  }
}
