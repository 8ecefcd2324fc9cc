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

  static boolean verbose(Map<String, String> params) {
    return "true".equalsIgnoreCase(params.getOrDefault("_verbose", params.get("verbose")));
  }
}
