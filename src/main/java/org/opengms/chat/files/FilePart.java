package org.opengms.chat.files;

import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.opengms.api.error.InvalidRequestException;

/**
 * The {@code file} part of a multipart upload, its name reduced to a plain file name (browsers may
 * send a path) and its type to a valid media type.
 */
public record FilePart(String fileName, String contentType, EntityPart part) {

  private static final int MAX_NAME = 255;

  /** The first part named {@code file} that is a file; 400 when there is none. */
  public static FilePart of(List<EntityPart> parts) {
    if (parts != null) {
      for (EntityPart part : parts) {
        if ("file".equals(part.getName()) && part.getFileName().isPresent()) {
          return new FilePart(name(part.getFileName().get()), type(part.getMediaType()), part);
        }
      }
    }
    throw new InvalidRequestException("file is mandatory (a multipart part with a file name)");
  }

  public InputStream content() {
    try {
      return part.getContent();
    } catch (IllegalStateException e) {
      throw new UncheckedIOException(new IOException("The file part was already read", e));
    }
  }

  private static String name(String raw) {
    String name = raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1);
    name = name.replaceAll("\\p{Cntrl}", "").strip();
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      throw new InvalidRequestException("The file needs a file name");
    }
    if (name.length() > MAX_NAME) {
      throw new InvalidRequestException("The file name is longer than " + MAX_NAME + " characters");
    }
    return name;
  }

  /** {@code type/subtype} only: servers add parameters (a charset) the client never sent. */
  private static String type(MediaType type) {
    String text = type == null ? "" : type.getType() + "/" + type.getSubtype();
    return text.isBlank() || text.length() > 255 ? MediaType.APPLICATION_OCTET_STREAM : text;
  }
}
