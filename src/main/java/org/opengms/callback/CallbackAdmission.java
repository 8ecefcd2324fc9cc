package org.opengms.callback;

import java.time.Instant;
import java.util.Map;
import org.opengms.service.ServiceDefinition;

/**
 * The rules a callback request must pass before the callback engine accepts it: exceptions (the
 * pattern group named by {@code _exceptions} against the customer number), phone number rules
 * ({@code _default_country}, {@code _disallow_premium_phone_numbers}, {@code
 * _disallow_impossible_phone_numbers}), office hours ({@code _business_hours_service}) and capacity
 * ({@code _capacity_service}).
 */
public interface CallbackAdmission {

  /**
   * Returns normally when a callback of {@code callbackService} for {@code customerNumber} at
   * {@code desiredTime} may be accepted; throws a {@link org.opengms.api.error.GmsException} (400
   * with the reference's message, plus {@code availability} for a full capacity slot) otherwise.
   *
   * @param options the service's options after request overrides ({@code $token$}, {@code
   *     _overwritable_options})
   * @param desiredTime when the customer wants the call; now for an immediate callback
   */
  void check(
      ServiceDefinition callbackService,
      Map<String, String> options,
      String customerNumber,
      Instant desiredTime);
}
