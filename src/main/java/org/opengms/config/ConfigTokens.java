package org.opengms.config;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GMS "Overwriting Configuration in Queries": an option value may contain {@code $name$} tokens; a
 * request parameter {@code name=value} replaces every occurrence in that request. Tokens the
 * request does not name stay as written.
 */
public final class ConfigTokens {

  private static final Pattern TOKEN = Pattern.compile("\\$([A-Za-z0-9_.\\-]+)\\$");

  private ConfigTokens() {}

  public static String substitute(String value, Map<String, String> parameters) {
    if (value == null || value.indexOf('$') < 0 || parameters.isEmpty()) {
      return value;
    }
    Matcher m = TOKEN.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement = parameters.get(m.group(1));
      m.appendReplacement(
          out, Matcher.quoteReplacement(replacement == null ? m.group() : replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
