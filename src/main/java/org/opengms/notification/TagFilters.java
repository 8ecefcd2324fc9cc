package org.opengms.notification;

import java.util.regex.Pattern;

/**
 * The grammar of event tags and subscription filters: tags are dot-separated English alphanumeric
 * words (underscores allowed, a word may start with a digit); a filter is a tag, a tag followed by
 * {@code .*}, or {@code *} alone.
 */
public final class TagFilters {

  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*");
  private static final Pattern FILTER =
      Pattern.compile("\\*|[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*(\\.\\*)?");

  private TagFilters() {}

  public static boolean isTag(String tag) {
    return tag != null && TAG.matcher(tag).matches();
  }

  public static boolean isFilter(String filter) {
    return filter != null && FILTER.matcher(filter).matches();
  }

  /** Whether {@code filter} selects {@code tag} (both valid). */
  public static boolean matches(String filter, String tag) {
    if (filter.equals("*")) {
      return true;
    }
    if (filter.endsWith(".*")) {
      return tag.startsWith(filter.substring(0, filter.length() - 1));
    }
    return filter.equals(tag);
  }
}
