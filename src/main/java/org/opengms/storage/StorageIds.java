package org.opengms.storage;

import java.util.regex.Pattern;
import org.opengms.api.error.InvalidRequestException;

/** Storage ids a client may choose: 1–128 characters of {@code [A-Za-z0-9._~-]} (URL-safe). */
public final class StorageIds {

  /** Longest id; the id column is this wide. */
  public static final int MAX_LENGTH = 128;

  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._~-]{1," + MAX_LENGTH + "}");

  private StorageIds() {}

  /** {@code id} itself, or a 400 naming the allowed characters. */
  public static String require(String id) {
    if (id == null || !ALLOWED.matcher(id).matches()) {
      throw new InvalidRequestException(
          "Storage ids are 1 to "
              + MAX_LENGTH
              + " characters of letters, digits and . _ ~ -, not '"
              + (id == null ? "" : id.length() > 40 ? id.substring(0, 40) + "..." : id)
              + "'");
    }
    return id;
  }
}
