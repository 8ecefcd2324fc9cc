package org.opengms.chat.files;

import java.util.List;
import java.util.Locale;

/**
 * The file limits of one chat.
 *
 * @param maxFiles most files uploaded to one chat, by customer and agents together (deleted ones
 *     count: the limit is on uploads)
 * @param maxFileSize largest file in bytes
 * @param maxTotalSize most bytes uploaded to one chat
 * @param types allowed file name extensions, lower case
 * @param downloadAttempts most downloads by the customer of one chat (0: none allowed)
 * @param needAgent uploads refused until an agent has the chat
 * @param deleteEnabled whether files may be deleted
 * @param retentionSeconds how long files stay after their chat ended
 */
public record ChatFileLimits(
    int maxFiles,
    long maxFileSize,
    long maxTotalSize,
    List<String> types,
    int downloadAttempts,
    boolean needAgent,
    boolean deleteEnabled,
    int retentionSeconds) {

  /** Whether {@code fileName} ends with an allowed extension. */
  public boolean allows(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 && types.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
  }
}
