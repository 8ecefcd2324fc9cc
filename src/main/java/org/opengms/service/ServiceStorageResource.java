package org.opengms.service;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opengms.api.FormBodies;
import org.opengms.api.PublicUrls;
import org.opengms.config.ConfigurationProvider;
import org.opengms.storage.FormField;
import org.opengms.storage.StorageService;
import org.opengms.storage.StorageUploads;
import org.opengms.storage.StoredValue;

/**
 * Service storage: the user data of a service, living as long as the service.
 *
 * <pre>
 * curl http://localhost:8080/genesys/1/service/{id}/storage          → {"Key1":"Value1",...}
 * curl http://localhost:8080/genesys/1/service/{id}/storage/Key1     → {"Key1":"Value1"}
 * curl -F Key2=v http://localhost:8080/genesys/1/service/{id}/storage → {}
 * curl -X DELETE http://localhost:8080/genesys/1/service/{id}/storage/Key1 → {}
 * </pre>
 */
@Path("service/{id}/storage")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceStorageResource {

  @EJB ServiceManager services;
  @EJB StorageService storage;
  @Inject StorageUploads uploads;
  @Inject ConfigurationProvider configuration;
  @Context UriInfo uri;
  @Context HttpHeaders headers;

  @GET
  public Map<String, String> readAll(@PathParam("id") String id) {
    Map<String, String> json = new LinkedHashMap<>();
    storage
        .readAll(services.find(id).getStorageId())
        .forEach((key, value) -> json.put(key, display(id, key, value)));
    return json;
  }

  /** One key as {@code {"key":"value"}} (the reference: "not the key value itself"). */
  @GET
  @Path("{key}")
  public Map<String, String> readOne(@PathParam("id") String id, @PathParam("key") String key) {
    return Map.of(key, display(id, key, storage.read(services.find(id).getStorageId(), key)));
  }

  @GET
  @Path("binary/{key}")
  @Produces(MediaType.WILDCARD)
  public Response readBinary(@PathParam("id") String id, @PathParam("key") String key) {
    return uploads.download(storage.read(services.find(id).getStorageId(), key));
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Map<String, String> write(
      @PathParam("id") String id, MultivaluedMap<String, String> form) {
    return store(id, uploads.read(FormBodies.required(form)));
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Map<String, String> write(@PathParam("id") String id, List<EntityPart> parts) {
    return store(id, uploads.read(FormBodies.required(parts)));
  }

  @DELETE
  public Map<String, String> clear(@PathParam("id") String id) {
    uploads.deleteFiles(storage.clear(services.find(id).getStorageId()));
    return Map.of();
  }

  @DELETE
  @Path("{key}")
  public Map<String, String> deleteKey(@PathParam("id") String id, @PathParam("key") String key) {
    uploads.deleteFiles(storage.deleteKey(services.find(id).getStorageId(), key));
    return Map.of();
  }

  private Map<String, String> store(String id, List<FormField> fields) {
    ServiceSession session;
    try {
      session = services.find(id);
    } catch (RuntimeException e) {
      uploads.discard(fields);
      throw e;
    }
    uploads.update(session.getStorageId(), session.getExpiresAt(), fields);
    return Map.of();
  }

  private String display(String id, String key, StoredValue value) {
    if (value instanceof StoredValue.Binary) {
      return PublicUrls.apiBase(uri, headers, configuration.current())
          .path("service")
          .path(id)
          .path("storage/binary")
          .path(key)
          .build()
          .toString();
    }
    return ((StoredValue.Text) value).value();
  }
}
