package org.opengms.callback;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opengms.api.error.InvalidRequestException;

/**
 * The admin console's callback filter, from query parameters: {@code service}, {@code state} (a
 * comma list), {@code from}/{@code to} (desired time, ISO 8601), {@code prop.<name>=<value>} (any
 * property, ANDed), {@code limit}, {@code after} (the previous page's {@code next}), and for the
 * CSV {@code reasons} and {@code properties}. Any other parameter is refused (400), so a misspelt
 * filter never silently lists everything.
 */
record CallbackFilter(CallbackQuery query, CallbackCursor after, Map<String, String> params) {

  static final String PROPERTY_PREFIX = "prop.";

  /** Property filters at most: each is one indexed lookup the query joins. */
  static final int MAX_PROPERTIES = 10;

  private static final Set<String> NAMES =
      Set.of("service", "state", "from", "to", "limit", "after", "reasons", "properties");

  static CallbackFilter of(MultivaluedMap<String, String> query, CallbackService callbacks) {
    Map<String, String> params = new LinkedHashMap<>();
    Map<String, String> properties = new LinkedHashMap<>();
    query.forEach(
        (name, values) -> {
          String value = values.isEmpty() ? "" : values.get(0).strip();
          if (values.size() > 1) {
            throw new InvalidRequestException(shown(name) + " is given more than once");
          }
          if (name.startsWith(PROPERTY_PREFIX) && name.length() > PROPERTY_PREFIX.length()) {
            properties.put(name.substring(PROPERTY_PREFIX.length()), value);
          } else if (NAMES.contains(name)) {
            if (!value.isEmpty()) {
              params.put(name, value);
            }
          } else {
            throw new InvalidRequestException(
                "Unknown parameter "
                    + shown(name)
                    + " (known: "
                    + String.join(", ", NAMES.stream().sorted().toList())
                    + ", prop.<name>)");
          }
        });
    if (properties.size() > MAX_PROPERTIES) {
      throw new InvalidRequestException(
          "At most " + MAX_PROPERTIES + " prop.<name> filters, not " + properties.size());
    }
    String service = params.get("service");
    if (service != null) {
      callbacks.definition(service); // 404 for a service that is not a callback service
    }
    Set<CallbackState> states = null;
    if (params.containsKey("state")) {
      states = EnumSet.noneOf(CallbackState.class);
      for (String s : CallbackOptions.split(params.get("state"))) {
        states.add(
            CallbackState.parse(s)
                .orElseThrow(
                    () ->
                        new InvalidRequestException(
                            "Unknown state "
                                + s
                                + " (known: "
                                + List.of(CallbackState.values())
                                + ")")));
      }
    }
    Instant from = time(params, "from");
    Instant to = time(params, "to");
    if (from != null && to != null && from.isAfter(to)) {
      throw new InvalidRequestException("from must not be after to");
    }
    CallbackCursor after =
        params.containsKey("after") ? CallbackCursor.parse(params.get("after")) : null;
    return new CallbackFilter(
        new CallbackQuery(service, null, false, states, from, to, Map.copyOf(properties), false),
        after,
        params);
  }

  /** {@code limit}: 1 to {@code max}, {@code fallback} when absent; 400 else. */
  int limit(int fallback, int max) {
    String text = params.get("limit");
    if (text == null) {
      return fallback;
    }
    try {
      int limit = Integer.parseInt(text);
      if (limit >= 1 && limit <= max) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new InvalidRequestException("limit must be a whole number from 1 to " + max);
  }

  /** A comma-list parameter, empty when absent. */
  List<String> list(String name) {
    return params.containsKey(name) ? CallbackOptions.split(params.get(name)) : List.of();
  }

  /** A parameter name as error messages quote it: at most 64 characters. */
  private static String shown(String name) {
    return name.length() > 64 ? name.substring(0, 64) + "..." : name;
  }

  private static Instant time(Map<String, String> params, String name) {
    return params.containsKey(name) ? CallbackViews.parseTime(name, params.get(name)) : null;
  }
}
