package org.opengms.callback;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opengms.api.error.InvalidRequestException;
import org.opengms.config.ConfigTokens;
import org.opengms.service.ServiceDefinition;

/**
 * The options of one callback service as one request sees them: the {@code [service.<name>]}
 * options with {@code $token$} variables replaced by the request's parameters, the options listed
 * in {@code _overwritable_options} replaced by the request's own values, and the {@code [callback]}
 * section as defaults.
 */
final class CallbackOptions {

  private final ServiceDefinition definition;
  private final Map<String, String> options;
  private final Map<String, String> defaults;
  private final Map<String, String> request;

  private CallbackOptions(
      ServiceDefinition definition,
      Map<String, String> options,
      Map<String, String> defaults,
      Map<String, String> request) {
    this.definition = definition;
    this.options = options;
    this.defaults = defaults;
    this.request = request;
  }

  static CallbackOptions of(
      ServiceDefinition definition, Map<String, String> request, CallbackSettings settings) {
    Map<String, String> resolved = new LinkedHashMap<>();
    definition.options().forEach((k, v) -> resolved.put(k, ConfigTokens.substitute(v, request)));
    for (String key : split(resolved.get("_overwritable_options"))) {
      if (request.containsKey(key)) {
        resolved.put(key, request.get(key));
      }
    }
    return new CallbackOptions(
        definition,
        resolved,
        settings.defaults(),
        Map.copyOf(
            request.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getValue() != null)
                .collect(
                    java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
  }

  /** The request (or the callback's properties) these options were resolved for. */
  Map<String, String> request() {
    return request;
  }

  ServiceDefinition definition() {
    return definition;
  }

  /** The service's options after request overrides (what admission checks see). */
  Map<String, String> asMap() {
    return options;
  }

  /**
   * A non-blank option of the service, else of {@code [callback]} (where it may also be written
   * without its leading underscore, as GMS names {@code max_queued_callbacks_per_service}); an
   * empty service value inherits the section's.
   */
  Optional<String> get(String key) {
    String v = options.get(key);
    if (v == null || v.isBlank()) {
      v = defaults.get(key);
    }
    if ((v == null || v.isBlank()) && key.startsWith("_")) {
      v = defaults.get(key.substring(1));
    }
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }

  boolean flag(String key) {
    return get(key).map(Boolean::parseBoolean).orElse(false);
  }

  /** A whole-number option; {@code fallback} when absent; 500-free: a bad value is the fallback. */
  long number(String key, long fallback) {
    return get(key)
        .map(
            v -> {
              try {
                return Long.parseLong(v);
              } catch (NumberFormatException e) {
                return fallback;
              }
            })
        .orElse(fallback);
  }

  List<String> listOption(String key) {
    return split(get(key).orElse(null));
  }

  static List<String> split(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** {@code _request_execution_time_buffer} (seconds, default 60). */
  Duration executionBuffer() {
    return Duration.ofSeconds(Math.max(0, number("_request_execution_time_buffer", 60)));
  }

  /** {@code _ttl}: how long after its desired time a callback may wait to be handled. */
  Duration ttl() {
    return Duration.ofSeconds(Math.max(1, number("_ttl", definition.ttlSeconds())));
  }

  /** {@code _urs_virtual_queue} of the request, else of the service, else the service name. */
  String queue(Map<String, String> request) {
    String fromRequest = request.get("_urs_virtual_queue");
    if (fromRequest != null && !fromRequest.isBlank()) {
      return fromRequest.strip();
    }
    return get("_urs_virtual_queue").orElse(definition.name());
  }

  boolean isOrs() {
    return ServiceDefinition.ORS.equals(definition.type());
  }

  static void requireNumber(String key, String value) {
    try {
      Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(key + " must be a whole number, not '" + value + "'");
    }
  }
}
