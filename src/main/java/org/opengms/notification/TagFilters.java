package org.opengms.notification;

import java.util.regex.Pattern;

/**
 * The grammar of event tags and subscription filters: tags are dot-separated English alphanumeric
 * words (underscores allowed, a word may start with a digit); a filter is a tag, a tag followed by
 * {@code .*}, or {@code *} alone.
 */
public final class TagFilters {

  /** Longest tag or filter (the subscription column holds 1024). */
  public static final int MAX_CHARS = 1024;

  /** Most words of a tag or filter. */
  public static final int MAX_WORDS = 32;

  private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_]+");

  private TagFilters() {}

  /**
   * Checked word by word, not with one regular expression over the whole text: a repeated group
   * recurses per repetition and a long dotted tag would overflow the stack.
   */
  public static boolean isTag(String tag) {
    if (tag == null || tag.length() > MAX_CHARS) {
      return false;
    }
    String[] words = tag.split("\\.", -1);
    if (words.length > MAX_WORDS) {
      return false;
    }
    for (String word : words) {
      if (!WORD.matcher(word).matches()) {
        return false;
      }
    }
    return true;
  }

  public static boolean isFilter(String filter) {
    if (filter == null) {
      return false;
    }
    if (filter.equals("*")) {
      return true;
    }
    return isTag(filter.endsWith(".*") ? filter.substring(0, filter.length() - 2) : filter);
  }

  /** Why {@code tag} is not a tag, in words, for error messages. */
  public static String tagRule() {
    return "dot-separated words of letters, digits and _ (at most "
        + MAX_WORDS
        + " words, "
        + MAX_CHARS
        + " characters)";
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
