package org.opengms.service;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opengms.config.ConfigurationException;
import org.opengms.config.IniDocument;

/**
 * {@code [server] access_code_prefix}: the digits every access code of this node begins with, so an
 * IVR can route a caller to the node that holds the interaction. A digit or digits ({@code 7},
 * {@code 42}) or a range of equally long numbers ({@code 7-9}: each code begins with 7, 8 or 9).
 *
 * @param low first prefix of the range (the prefix itself when it is not a range)
 * @param high last prefix of the range
 * @param digits how many digits the prefix takes (0: none configured)
 * @param text the option as written
 */
public record AccessCodePrefix(long low, long high, int digits, String text) {

  public static final String OPTION = "access_code_prefix";

  private static final AccessCodePrefix NONE = new AccessCodePrefix(0, 0, 0, "");
  private static final Pattern SYNTAX = Pattern.compile("(\\d{1,6})(?:-(\\d{1,6}))?");

  public static AccessCodePrefix from(IniDocument doc) {
    Optional<IniDocument.Option> option = doc.section("server").flatMap(s -> s.option(OPTION));
    if (option.isEmpty() || option.get().value().isBlank()) {
      return NONE;
    }
    String value = option.get().value().strip();
    Matcher m = SYNTAX.matcher(value);
    if (!m.matches() || (m.group(2) != null && m.group(2).length() != m.group(1).length())) {
      throw refused(
          doc, option.get(), "must be a digit, digits or a range such as 7-9, not '" + value + "'");
    }
    long low = Long.parseLong(m.group(1));
    long high = m.group(2) == null ? low : Long.parseLong(m.group(2));
    if (high < low) {
      throw refused(doc, option.get(), "range " + value + " runs backwards");
    }
    return new AccessCodePrefix(low, high, m.group(1).length(), value);
  }

  /** Refuses the file when codes of {@code length} digits leave no digit after the prefix. */
  void requireRoomIn(int length, IniDocument doc, IniDocument.Section service) {
    if (digits >= length) {
      throw new ConfigurationException(
          doc.source(),
          service
              .option("_access_code_length")
              .map(IniDocument.Option::line)
              .orElse(service.line()),
          "["
              + service.name()
              + "] access codes of "
              + length
              + " digits leave no digit after [server] "
              + OPTION
              + " = "
              + text
              + " ("
              + digits
              + " digits): make _access_code_length longer or the prefix shorter");
    }
  }

  /** A random code of {@code length} digits that begins with this prefix. */
  String newCode(int length, SecureRandom random) {
    StringBuilder code = new StringBuilder();
    if (digits > 0) {
      long prefix = low + random.nextLong(high - low + 1);
      code.append(String.format("%0" + digits + "d", prefix));
    }
    while (code.length() < length) {
      code.append(random.nextInt(10));
    }
    return code.toString();
  }

  private static ConfigurationException refused(IniDocument doc, IniDocument.Option o, String why) {
    return new ConfigurationException(doc.source(), o.line(), "[server] " + OPTION + " " + why);
  }
}
