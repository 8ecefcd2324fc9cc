package org.opengms.chat.files;

import jakarta.ws.rs.core.Response;
import org.opengms.api.error.InvalidRequestException;
import org.opengms.api.error.UnsupportedMediaTypeException;

/** Requests of the file operations without a form: refused in the v2 error body. */
final class FileBodies {

  private FileBodies() {}

  static Response refused(String chatId, String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return FileAnswers.error(
          chatId, false, new InvalidRequestException("secureKey is mandatory (send a form)"));
    }
    return FileAnswers.error(
        chatId,
        false,
        new UnsupportedMediaTypeException(
            "Unsupported media type "
                + contentType
                + ": send application/x-www-form-urlencoded or multipart/form-data"));
  }
}
