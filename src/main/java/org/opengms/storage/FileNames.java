package org.opengms.storage;

/**
 * An uploaded file's name as we keep and send it back: only its last path segment (a client's
 * {@code ../../x} or {@code C:\\dir\\x} names no directory of ours; names are never used as paths
 * anyway: files are stored under random ids), without control characters, at most 255 characters.
 */
final class FileNames {

  static final int MAX_CHARS = 255;

  private FileNames() {}

  static String safe(String fileName) {
    String name = fileName == null ? "" : fileName;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    StringBuilder kept = new StringBuilder(name.length());
    name.codePoints()
        .filter(c -> Character.getType(c) != Character.CONTROL)
        .forEach(kept::appendCodePoint);
    String result = kept.toString().strip();
    if (result.isEmpty() || result.equals(".") || result.equals("..")) {
      result = "file";
    }
    return result.length() > MAX_CHARS ? result.substring(0, MAX_CHARS) : result;
  }
}
