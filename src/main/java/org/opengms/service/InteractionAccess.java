package org.opengms.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.opengms.api.error.InvalidRequestException;
import org.opengms.config.ConfigurationProvider;

/**
 * Where an app-to-connect caller dials: the access number of an interaction, from the resource
 * group the request or the service names ({@code _resource_group}), else the service's fixed {@code
 * _access_number}.
 */
@ApplicationScoped
public class InteractionAccess {

  public static final String RESOURCE_GROUP = "_resource_group";

  @Inject AccessNumberPool pool;
  @Inject ConfigurationProvider configuration;

  /** The number for interaction {@code id}, leased until {@code expiresAt} when from a group. */
  public String number(
      ServiceDefinition definition, Map<String, String> params, String id, Instant expiresAt) {
    String group = group(definition, params);
    if (group == null) {
      return definition.option("_access_number").orElseThrow();
    }
    return pool.lease(group, numbers(group), id, expiresAt);
  }

  /** A number of {@code group} for interaction {@code id} ({@code request-access}). */
  public String numberFromGroup(String group, String id, Instant expiresAt) {
    return pool.lease(group, numbers(group), id, expiresAt);
  }

  /** The request's {@code _resource_group}, else the service's, else null. */
  public static String group(ServiceDefinition definition, Map<String, String> params) {
    String group = params.get(RESOURCE_GROUP);
    if (group == null || group.isBlank()) {
      group = definition.option(RESOURCE_GROUP).orElse(null);
    }
    return group == null || group.isBlank() ? null : group.strip();
  }

  private List<String> numbers(String group) {
    return configuration
        .current()
        .get(ServiceCatalog.class)
        .resourceGroups()
        .numbers(group)
        .orElseThrow(
            () ->
                new InvalidRequestException(
                    "Resource group " + group + " unknown (no [resources." + group + "] section)"));
  }
}
