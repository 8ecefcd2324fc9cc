package org.opengms.callback;

import java.util.List;
import java.util.Map;

/** Reading the parameters of a Start-Callback (and Update-Callback) request that steer it. */
final class CallbackStartParams {

  private CallbackStartParams() {}

  static String customerNumber(CallbackOptions options, Map<String, String> request) {
    String number = request.get("_customer_number");
    if (number != null && !number.isBlank()) {
      return number.strip();
    }
    List<String> keys = options.listOption("_mandatory_customer_lookup_keys");
    for (String k : keys) {
      String v = request.get(k);
      if (v != null && !v.isBlank()) {
        return null;
      }
    }
    throw new CallbackException(
        "Mandatory parameter _customer_number is missing"
            + (keys.isEmpty() ? "" : " (or one of _mandatory_customer_lookup_keys: " + keys + ")"));
  }

  static CallbackState forcedState(Map<String, String> request) {
    String value = request.get("_callback_state");
    if (value == null || value.isBlank()) {
      return null;
    }
    return CallbackState.parse(value)
        .orElseThrow(() -> new CallbackException("Unknown _callback_state: " + value));
  }

  static String firstNonBlank(String a, String b) {
    if (a != null && !a.isBlank()) {
      return a;
    }
    return b != null && !b.isBlank() ? b : null;
  }
}
