package org.opengms.cors;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One entry of {@code allowedOrigins}: {@code *}, an exact origin ({@code https://app.example.com},
 * {@code http://localhost:8080}) or one whose host starts with {@code *.} ({@code
 * https://*.example.com}: any subdomain, not the bare domain).
 */
final class OriginPattern {

  private static final Pattern SYNTAX =
      Pattern.compile(
          "(?i)(https?)://(\\*\\.)?([a-z0-9-]+(\\.[a-z0-9-]+)*|\\[[0-9a-f:.]+\\])(:\\d{1,5})?");

  private final boolean any;
  private final Pattern pattern;

  private OriginPattern(boolean any, Pattern pattern) {
    this.any = any;
    this.pattern = pattern;
  }

  /** The pattern {@code text} stands for, or empty when it is not one (a path, a typo). */
  static Optional<OriginPattern> parse(String text) {
    if (text.equals("*")) {
      return Optional.of(new OriginPattern(true, null));
    }
    if (!SYNTAX.matcher(text).matches()) {
      return Optional.empty();
    }
    String lower = text.toLowerCase(Locale.ROOT);
    String regex =
        lower.contains("://*.")
            ? Pattern.quote(lower.substring(0, lower.indexOf("*.")))
                + "[a-z0-9-]+(\\.[a-z0-9-]+)*"
                + Pattern.quote(lower.substring(lower.indexOf("*.") + 1))
            : Pattern.quote(lower);
    return Optional.of(new OriginPattern(false, Pattern.compile(regex)));
  }

  boolean isAny() {
    return any;
  }

  boolean matches(String origin) {
    return any || pattern.matcher(origin.toLowerCase(Locale.ROOT)).matches();
  }
}
