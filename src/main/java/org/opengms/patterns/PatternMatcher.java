package org.opengms.patterns;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Finds, for each parameter, the first pattern (in file order) its whole value matches.
 *
 * <p>A pathological pattern cannot hang a request: each match runs on a character sequence that
 * gives up once the configured time is spent; such a value counts as not matching and a warning
 * names the pattern.
 */
public final class PatternMatcher {

  private static final Logger LOG = Logger.getLogger(PatternMatcher.class.getName());

  private PatternMatcher() {}

  /** {@code {"param": "patternName"}} for every parameter that matches a pattern. */
  public static Map<String, String> match(
      Map<String, String> parameters, Map<String, Pattern> patterns, long timeoutMillis) {
    Map<String, String> result = new LinkedHashMap<>();
    parameters.forEach(
        (param, value) -> {
          for (Map.Entry<String, Pattern> p : patterns.entrySet()) {
            if (matches(p.getKey(), p.getValue(), value, timeoutMillis)) {
              result.put(param, p.getKey());
              return;
            }
          }
        });
    return result;
  }

  static boolean matches(String name, Pattern pattern, String value, long timeoutMillis) {
    try {
      return pattern.matcher(DeadlineCharSequence.withTimeout(value, timeoutMillis)).matches();
    } catch (DeadlineCharSequence.TimeUp e) {
      LOG.warning(
          () ->
              "Pattern '"
                  + name
                  + "' gave up after "
                  + timeoutMillis
                  + " ms on a value of length "
                  + value.length());
      return false;
    }
  }
}
