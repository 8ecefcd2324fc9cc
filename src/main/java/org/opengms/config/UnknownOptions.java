package org.opengms.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The options of a configuration file that the server does not read, where the set of options is
 * known ({@link KnownOptions}): warned about at load, with the closest known name (a misspelling is
 * otherwise silently ignored).
 */
final class UnknownOptions {

  private UnknownOptions() {}

  /**
   * One {@code file:line: ...} warning for each option of a closed section that the server does not
   * read, naming the closest known option.
   */
  static List<String> of(IniDocument doc) {
    List<String> warnings = new ArrayList<>();
    for (IniDocument.Section s : doc.sections().values()) {
      Optional<Set<String>> known = KnownOptions.of(s.name());
      if (known.isEmpty()) {
        continue;
      }
      boolean push = s.name().equals("push") || s.name().startsWith("push.provider.");
      for (IniDocument.Option o : s.options().values()) {
        if (known.get().contains(o.name()) || (push && osAttribute(o.name()))) {
          continue;
        }
        warnings.add(
            doc.source()
                + ":"
                + o.line()
                + ": unknown option '"
                + o.name()
                + "' in ["
                + s.name()
                + "] is ignored; did you mean '"
                + closest(o.name(), known.get())
                + "'?");
      }
    }
    return warnings;
  }

  /** APNs/FCM attributes of notifications, which may sit in push sections (Notification API). */
  private static boolean osAttribute(String name) {
    return (name.startsWith("apple.") || name.startsWith("fcm.") || name.startsWith("gcm."))
        && !KnownOptions.PROVIDER.contains(name);
  }

  /** The known name with the smallest edit distance (ties: the first in name order). */
  static String closest(String name, Set<String> known) {
    return known.stream().sorted().min(Comparator.comparingInt(k -> distance(name, k))).orElse("");
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
