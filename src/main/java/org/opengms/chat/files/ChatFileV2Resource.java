package org.opengms.chat.files;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.opengms.api.FormParameters;
import org.opengms.api.error.ResourceNotFoundException;
import org.opengms.config.ConfigurationProvider;

/**
 * Chat v2 file operations over REST: {@code POST /2/chat/{service}/{chatId}/file/limits}, {@code
 * .../file} (multipart, part {@code file}), {@code .../file/{fileId}/download}, {@code
 * .../file/{fileId}/delete}; every request with the chat's {@code secureKey}, as a URL-encoded or
 * multipart form. Refusals answer the v2 error body.
 *
 * <pre>
 * curl -F secureKey=... -F file=@pic.png http://localhost:8080/genesys/2/chat/customer-support/{chatId}/file
 *   → {"chatId":...,"statusCode":0,"userData":{"file-id":"..."},"messages":[{"type":"FileUploaded",...}]}
 * </pre>
 */
@Path("chat/{service}/{chatId}/file")
public class ChatFileV2Resource {

  @Inject CustomerFileOperations operations;
  @Inject ConfigurationProvider configuration;

  @POST
  @Path("limits")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response limits(
      @PathParam("service") String service,
      @PathParam("chatId") String chatId,
      MultivaluedMap<String, String> form) {
    return operations.run(service, chatId, form(form), operations::limits);
  }

  @POST
  @Path("limits")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response limits(
      @PathParam("service") String service,
      @PathParam("chatId") String chatId,
      List<EntityPart> parts) {
    return operations.run(service, chatId, form(parts), operations::limits);
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response upload(
      @PathParam("service") String service,
      @PathParam("chatId") String chatId,
      List<EntityPart> parts) {
    Map<String, String> p = form(parts);
    return operations.run(service, chatId, p, chat -> operations.upload(chat, p, parts));
  }

  @POST
  @Path("{fileId}/download")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response download(
      @PathParam("service") String service,
      @PathParam("chatId") String chatId,
      @PathParam("fileId") String fileId,
      MultivaluedMap<String, String> form) {
    return operations.run(service, chatId, form(form), chat -> operations.download(chat, fileId));
  }

  @POST
  @Path("{fileId}/download")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response download(
      @PathParam("service") String service,
      @PathParam("chatId") String chatId,
      @PathParam("fileId") String fileId,
      List<EntityPart> parts) {
    return operations.run(service, chatId, form(parts), chat -> operations.download(chat, fileId));
  }

  @POST
  @Path("{fileId}/delete")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response delete(
      @PathParam("service") String service,
      @PathParam("chatId") String chatId,
      @PathParam("fileId") String fileId,
      MultivaluedMap<String, String> form) {
    return operations.run(service, chatId, form(form), chat -> operations.delete(chat, fileId));
  }

  @POST
  @Path("{fileId}/delete")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response delete(
      @PathParam("service") String service,
      @PathParam("chatId") String chatId,
      @PathParam("fileId") String fileId,
      List<EntityPart> parts) {
    return operations.run(service, chatId, form(parts), chat -> operations.delete(chat, fileId));
  }

  // Any other body (JSON, none) on a file path: the v2 error body, not the framework's 415.

  @POST
  @Path("limits")
  public Response limitsOtherBody(
      @PathParam("chatId") String chatId, @HeaderParam("Content-Type") String type) {
    return FileBodies.refused(chatId, type);
  }

  @POST
  public Response uploadOtherBody(
      @PathParam("chatId") String chatId, @HeaderParam("Content-Type") String type) {
    return FileBodies.refused(chatId, type);
  }

  @POST
  @Path("{fileId}/download")
  public Response downloadOtherBody(
      @PathParam("chatId") String chatId, @HeaderParam("Content-Type") String type) {
    return FileBodies.refused(chatId, type);
  }

  @POST
  @Path("{fileId}/delete")
  public Response deleteOtherBody(
      @PathParam("chatId") String chatId, @HeaderParam("Content-Type") String type) {
    return FileBodies.refused(chatId, type);
  }

  @POST
  @Path("{unknown: .+}")
  public Response unknown(@PathParam("chatId") String chatId) {
    return FileAnswers.error(
        chatId, false, new ResourceNotFoundException("Unknown file operation"));
  }

  private Map<String, String> form(MultivaluedMap<String, String> form) {
    return FormParameters.of(form, configuration.current());
  }

  private Map<String, String> form(List<EntityPart> parts) {
    return FormParameters.of(parts, configuration.current());
  }
}
