package org.opengms.outbound;

import java.util.regex.Pattern;

/**
 * Host names that look like numbers. Tools disagree on {@code 0177.0.0.1} (octal 127.0.0.1 for
 * most, 177.0.0.1 for Java), {@code 0x7f.1}, {@code 2130706433} or {@code 127.1}; rather than
 * guess, only the canonical dotted quad (four decimal parts 0-255, no leading zeros) is accepted.
 * As in the WHATWG URL rules, a host whose last label is a number (decimal or {@code 0x} hex) is
 * numeric. Pure string work: nothing is looked up.
 */
final class NumericHosts {

  private static final Pattern NUMBER_LABEL = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]*");
  private static final Pattern CANONICAL =
      Pattern.compile(
          "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
              + "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

  private NumericHosts() {}

  /** Why {@code host} is refused, or {@code null} when it is a name or a canonical address. */
  static String refusal(String host) {
    if (host == null || host.isEmpty()) {
      return "no host";
    }
    if (host.startsWith("[") || host.contains(":")) {
      return null; // IPv6 literal: one syntax, judged by the address it carries
    }
    String trimmed = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    String last = trimmed.substring(trimmed.lastIndexOf('.') + 1);
    if (!NUMBER_LABEL.matcher(last).matches()) {
      return null;
    }
    if (trimmed.equals(host) && CANONICAL.matcher(host).matches()) {
      return null;
    }
    return "refused: " + host + " is not a canonical IPv4 address (write it as a.b.c.d)";
  }
}
