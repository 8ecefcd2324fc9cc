package org.opengms.service;

import java.util.Map;
import java.util.Optional;

/** What one kind of built-in service adds to creation and which specific requests it answers. */
public interface ServiceBehavior {

  /** Whether this behavior is the one of {@code definition}. */
  boolean handles(ServiceDefinition definition);

  /** Fields added to {@code {"_id": ...}} when a service is created. */
  Map<String, Object> created(
      ServiceSession session, ServiceDefinition definition, Map<String, String> serviceParams);

  /** The answer to {@code POST /1/service/{id}/{request}}, or empty if it is not supported. */
  default Optional<Map<String, Object>> request(
      String request,
      ServiceSession session,
      ServiceDefinition definition,
      Map<String, String> params) {
    return Optional.empty();
  }

  /**
   * The answer to {@code GET /1/service/{service}} (a query of the configured service itself, such
   * as the calendar of an office-hours service), or empty if this kind answers none.
   */
  default Optional<Map<String, Object>> query(
      ServiceDefinition definition, Map<String, String> params) {
    return Optional.empty();
  }

  /**
   * For kinds that answer {@code POST /1/service/{service}} without creating a service
   * (match-interaction, request-access): the answer, given the request's {@code _...} parameters.
   */
  default Optional<Map<String, Object>> answer(
      ServiceDefinition definition, Map<String, String> serviceParams) {
    return Optional.empty();
  }

  /** Whether {@code POST /1/service/{service}} creates a service of this kind (else 405). */
  default boolean creates() {
    return true;
  }

  static boolean verbose(Map<String, String> params) {
    return "true".equalsIgnoreCase(params.getOrDefault("_verbose", params.get("verbose")));
  }
}
