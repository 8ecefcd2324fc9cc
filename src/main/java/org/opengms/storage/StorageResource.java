package org.opengms.storage;

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

/**
 * The GMS Storage API: {@code /genesys/1/storage}. Bodies are URL-encoded or multipart forms; each
 * field is a key, each file a binary key.
 *
 * <pre>
 * curl -F Key1=Value1 -F FileKey=@pic.png http://localhost:8080/genesys/1/storage/3600
 *   → 200 {"id":"..."}            (ttl not a positive number → 30 s)
 * curl http://localhost:8080/genesys/1/storage/{id}        → 200 {"Key1":"Value1","FileKey":"http://..."}
 * curl -d Key1=V http://localhost:8080/genesys/1/storage/my-own-id/60  → 200 {} (created if unknown)
 * </pre>
 *
 * Errors: 400 key beginning with "_" or a posted id outside {@code [A-Za-z0-9._~-]{1,128}}, 404
 * unknown or expired id or key, 413 over a limit, 415 body not a form.
 */
@Path("storage")
public class StorageResource {

  private static final String TEXT_UTF8 = "text/plain;charset=UTF-8";

  @Inject StorageService storage;
  @Inject StorageUploads uploads;
  @Inject ConfigurationProvider configuration;
  @Context UriInfo uri;
  @Context HttpHeaders headers;

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_JSON)
  public StorageCreatedResponse createWithDefaultTtl(MultivaluedMap<String, String> form) {
    return create(null, form);
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.APPLICATION_JSON)
  public StorageCreatedResponse createWithDefaultTtl(List<EntityPart> parts) {
    return create(null, parts);
  }

  // Templates are named alike ({id}, {id}/{key}) for create/read and update/read-one, because
  // JAX-RS groups methods by template text: {ttl} beside {id} would hide the GET behind a 405.
  @POST
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_JSON)
  public StorageCreatedResponse create(
      @PathParam("id") String ttl, MultivaluedMap<String, String> form) {
    return uploads.create(Ttl.secondsOrDefault(ttl), uploads.read(FormBodies.required(form)));
  }

  @POST
  @Path("{id}")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.APPLICATION_JSON)
  public StorageCreatedResponse create(@PathParam("id") String ttl, List<EntityPart> parts) {
    return uploads.create(Ttl.secondsOrDefault(ttl), uploads.read(FormBodies.required(parts)));
  }

  @POST
  @Path("{id}/{key}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, String> update(
      @PathParam("id") String id,
      @PathParam("key") String ttl,
      MultivaluedMap<String, String> form) {
    uploads.put(id, Ttl.secondsOrDefault(ttl), uploads.read(FormBodies.required(form)));
    return Map.of();
  }

  @POST
  @Path("{id}/{key}")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, String> update(
      @PathParam("id") String id, @PathParam("key") String ttl, List<EntityPart> parts) {
    uploads.put(id, Ttl.secondsOrDefault(ttl), uploads.read(FormBodies.required(parts)));
    return Map.of();
  }

  /** All keys; a binary key's value is the absolute URL of its bytes. */
  @GET
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, String> readAll(@PathParam("id") String id) {
    Map<String, String> json = new LinkedHashMap<>();
    storage.readAll(id).forEach((key, value) -> json.put(key, display(id, key, value)));
    return json;
  }

  /** One key's raw value as text (a binary key: its URL). */
  @GET
  @Path("{id}/{key}")
  @Produces(TEXT_UTF8)
  public String readOne(@PathParam("id") String id, @PathParam("key") String key) {
    return display(id, key, storage.read(id, key));
  }

  /** A binary key's bytes, with the content type and file name it was uploaded with. */
  @GET
  @Path("binary/{id}/{key}")
  public Response readBinary(@PathParam("id") String id, @PathParam("key") String key) {
    return uploads.download(storage.read(id, key));
  }

  @DELETE
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, String> delete(@PathParam("id") String id) {
    uploads.deleteFiles(storage.delete(id));
    return Map.of();
  }

  private String display(String id, String key, StoredValue value) {
    if (value instanceof StoredValue.Binary) {
      return PublicUrls.apiBase(uri, headers, configuration.current())
          .path("storage/binary")
          .path(id)
          .path(key)
          .build()
          .toString();
    }
    return ((StoredValue.Text) value).value();
  }
}
