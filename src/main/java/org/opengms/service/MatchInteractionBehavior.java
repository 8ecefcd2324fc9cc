package org.opengms.service;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.opengms.api.error.InvalidRequestException;
import org.opengms.api.error.ResourceNotFoundException;
import org.opengms.config.ConfigurationProvider;
import org.opengms.storage.StorageService;
import org.opengms.storage.StoredValue;

/**
 * {@code match-interaction} (the IVR half of app-to-connect): the caller dialled {@code
 * _access_number} and typed {@code _access_code}; answers the live interaction they belong to,
 * {@code {"_id": ..., "_data_id": <its storage id>, <its user data>...}}, or 404. {@code _ani} (the
 * caller's number) is accepted and not used for the match. Creates nothing.
 */
@ApplicationScoped
public class MatchInteractionBehavior implements ServiceBehavior {

  @EJB ServiceManager services;
  @EJB StorageService storage;
  @Inject ConfigurationProvider configuration;
  @Inject ServiceUrls urls;

  @Override
  public boolean handles(ServiceDefinition definition) {
    return definition.isBuiltin(BuiltinService.MATCH_INTERACTION);
  }

  @Override
  public Map<String, Object> created(
      ServiceSession session, ServiceDefinition definition, Map<String, String> serviceParams) {
    throw new IllegalStateException("match-interaction creates no service");
  }

  @Override
  public Optional<Map<String, Object>> answer(
      ServiceDefinition definition, Map<String, String> params) {
    String number = required(params, "_access_number");
    String code = required(params, "_access_code");
    ServiceSession session =
        services
            .findByAccessCode(code)
            .filter(s -> number.equals(numberOf(s)))
            .orElseThrow(
                () ->
                    new ResourceNotFoundException(
                        "No interaction for access number " + number + " and code " + code));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("_id", session.getId());
    answer.put("_data_id", session.getStorageId());
    storage
        .readAll(session.getStorageId())
        .forEach(
            (key, value) ->
                answer.putIfAbsent(
                    key,
                    value instanceof StoredValue.Text text
                        ? text.value()
                        : urls.binary(session.getId(), key)));
    return Optional.of(answer);
  }

  /** The number the session was given; rows from before numbers were stored: the service's. */
  private String numberOf(ServiceSession session) {
    if (session.getAccessNumber() != null) {
      return session.getAccessNumber();
    }
    return configuration
        .current()
        .get(ServiceCatalog.class)
        .find(session.getServiceName())
        .flatMap(d -> d.option("_access_number"))
        .orElse(null);
  }

  static String required(Map<String, String> params, String name) {
    String value = params.get(name);
    if (value == null || value.isBlank()) {
      throw new InvalidRequestException(name + " is mandatory");
    }
    return value.strip();
  }
}
