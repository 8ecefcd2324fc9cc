package org.opengms.service;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opengms.api.FormParameters;
import org.opengms.api.error.GmsException;
import org.opengms.api.error.InvalidRequestException;
import org.opengms.api.error.ResourceNotFoundException;
import org.opengms.config.ConfigurationProvider;
import org.opengms.config.GmsConfiguration;
import org.opengms.storage.FormField;
import org.opengms.storage.FormReader;
import org.opengms.storage.StorageUploads;

/**
 * The Service API's use cases: split a form into service parameters and user data, create the
 * service, answer its requests, end it. Files of refused requests are deleted again.
 */
@ApplicationScoped
public class ServiceRequests {

  @EJB ServiceManager services;
  @Inject ServiceBehaviors behaviors;
  @Inject StorageUploads uploads;
  @Inject FormReader forms;
  @Inject ConfigurationProvider configuration;
  @Inject Event<ServiceEnded> ended;

  public List<FormField> read(MultivaluedMap<String, String> form) {
    return uploads.read(form);
  }

  public List<FormField> read(List<EntityPart> parts) {
    return uploads.read(parts);
  }

  public Map<String, String> parameters(MultivaluedMap<String, String> form) {
    return FormParameters.of(form, configuration.current());
  }

  public Map<String, String> parameters(List<EntityPart> parts) {
    return FormParameters.of(parts, configuration.current());
  }

  public Map<String, Object> create(String serviceName, List<FormField> fields, String gmsUser) {
    GmsConfiguration config = configuration.current();
    Map<String, String> serviceParams = new LinkedHashMap<>();
    List<FormField> userData = new ArrayList<>();
    List<FormField> ignored = new ArrayList<>();
    for (FormField field : fields) {
      if (!field.name().startsWith("_")) {
        userData.add(field);
      } else if (field instanceof FormField.Text text) {
        serviceParams.put(text.name(), text.value());
      } else {
        ignored.add(field); // a file under a service parameter's name: not user data
      }
    }
    forms.discard(ignored);
    ServiceDefinition definition;
    ServiceBehavior behavior;
    try {
      definition =
          config
              .get(ServiceCatalog.class)
              .find(serviceName)
              .orElseThrow(
                  () ->
                      new ResourceNotFoundException("Service " + serviceName + " not configured"));
      behavior = behaviors.of(definition);
      Optional<Map<String, Object>> answer = behavior.answer(definition, serviceParams);
      if (answer.isPresent()) {
        forms.discard(userData); // such kinds keep no user data
        return answer.get();
      }
      if (!behavior.creates()) {
        throw notAllowed(definition, "POST");
      }
    } catch (RuntimeException e) {
      forms.discard(userData);
      throw e;
    }
    ServiceSession session =
        uploads.storing(
            userData, () -> services.create(definition, userData, gmsUser, serviceParams));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("_id", session.getId());
    answer.putAll(behavior.created(session, definition, serviceParams));
    return answer;
  }

  public Map<String, Object> request(String id, String request, Map<String, String> params) {
    ServiceSession session = services.find(id);
    ServiceDefinition definition = definitionOf(session);
    return behaviors
        .of(definition)
        .request(request, session, definition, params)
        .orElseThrow(
            () ->
                new InvalidRequestException(
                    "Request '" + request + "' is not supported by service " + definition.name()));
  }

  /** {@code GET /1/service/{service}}: the query of a configured service (404, 501, 405). */
  public Map<String, Object> query(String serviceName, Map<String, String> params) {
    ServiceDefinition definition =
        configuration
            .current()
            .get(ServiceCatalog.class)
            .find(serviceName)
            .orElseThrow(
                () -> new ResourceNotFoundException("Service " + serviceName + " not configured"));
    return behaviors
        .of(definition)
        .query(definition, params)
        .orElseThrow(() -> notAllowed(definition, "GET"));
  }

  private static GmsException notAllowed(ServiceDefinition definition, String method) {
    return new GmsException(
        Response.Status.METHOD_NOT_ALLOWED,
        "Service " + definition.name() + " (" + definition.service() + ") answers no " + method);
  }

  public void delete(String id) {
    uploads.deleteFiles(services.delete(id));
    ended.fire(new ServiceEnded(id));
  }

  private ServiceDefinition definitionOf(ServiceSession session) {
    return configuration
        .current()
        .get(ServiceCatalog.class)
        .find(session.getServiceName())
        .orElseThrow(
            () ->
                new ResourceNotFoundException(
                    "Service " + session.getServiceName() + " is no longer configured"));
  }
}
