package org.opengms.service;

import java.util.Map;
import java.util.Optional;

/**
 * One configured service, a {@code [service.<name>]} section.
 *
 * @param name the name clients use: {@code POST /1/service/<name>}
 * @param type {@code _type}: {@code builtin} (our engines) or {@code ors} (an external ORS-style
 *     HTTP endpoint)
 * @param service {@code _service}: for builtin services which one ({@code request-chat}, ...)
 * @param ttlSeconds {@code _ttl}: how long a created service and its storage live (default 3600)
 * @param options every option of the section, as written
 */
public record ServiceDefinition(
    String name, String type, String service, int ttlSeconds, Map<String, String> options) {

  public static final String BUILTIN = "builtin";
  public static final String ORS = "ors";

  public Optional<String> option(String key) {
    return Optional.ofNullable(options.get(key));
  }

  public boolean isBuiltin(String builtinService) {
    return BUILTIN.equals(type) && builtinService.equals(service);
  }
}
