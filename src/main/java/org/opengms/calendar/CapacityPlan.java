package org.opengms.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The callbacks a capacity service ({@code _type = builtin}, {@code _service = capacity}) allows
 * per time slot, in GMS's format:
 *
 * <ul>
 *   <li>{@code _capacity_<d>} for the day of the week {@code d} (1 = Monday ... 7 = Sunday): {@code
 *       {"<d>":{"0900":5,"1000":5,"1130":2}}} (the inner object alone is accepted too). A key is a
 *       local time {@code HHmm}; its number applies to every slot starting from it for an hour or
 *       until the next key, whichever comes first. Times without a key have no capacity.
 *   <li>{@code _capacity_add...}: dated tables that replace the weekly one on their date: {@code
 *       {"2026-12-24":{"1000":2,"1100":2}}}.
 *   <li>{@code _max_capacity} (default 1000): the largest number a table may hold.
 *   <li>{@code _timezone}: the zone of the tables (IANA, default UTC). {@code _capacity = [Mon,
 *       ...]} (GMS's list of days) is accepted and ignored.
 * </ul>
 */
public final class CapacityPlan {

  private static final Pattern ENTRY = Pattern.compile("\"(\\d{2})(\\d{2})\"\\s*:\\s*(\\d+)");
  private static final Pattern TABLE_BODY =
      Pattern.compile(
          "\\{\\s*(?:\"\\d{4}\"\\s*:\\s*\\d+\\s*(?:,\\s*\"\\d{4}\"\\s*:\\s*\\d+\\s*)*)?\\}");
  private static final Pattern DAY_TABLE =
      Pattern.compile("\\s*\\{\\s*\"(\\d)\"\\s*:\\s*(\\{[^{}]*\\})\\s*}\\s*");
  private static final Pattern DATED_TABLE =
      Pattern.compile("\"(\\d{4}-\\d{2}-\\d{2})\"\\s*:\\s*(\\{[^{}]*\\})");
  private static final Pattern DATED_TABLES =
      Pattern.compile(
          "\\s*\\{\\s*(?:\"[^\"]*\"\\s*:\\s*\\{[^{}]*\\}\\s*(?:,\\s*\"[^\"]*\"\\s*:\\s*\\{[^{}]*\\}\\s*)*)?\\}\\s*");

  private static final Pattern ANY_TABLE = Pattern.compile("\"[^\"]*\"\\s*:\\s*\\{");

  private final ZoneId zone;
  private final Map<Integer, NavigableMap<Integer, Integer>> weekly;
  private final Map<LocalDate, NavigableMap<Integer, Integer>> dated;

  private CapacityPlan(
      ZoneId zone,
      Map<Integer, NavigableMap<Integer, Integer>> weekly,
      Map<LocalDate, NavigableMap<Integer, Integer>> dated) {
    this.zone = zone;
    this.weekly = weekly;
    this.dated = dated;
  }

  public ZoneId zone() {
    return zone;
  }

  /**
   * Reads the options of a capacity service.
   *
   * @throws InvalidOptionException naming the option that cannot be read, and why
   */
  public static CapacityPlan from(Map<String, String> options) {
    ZoneId zone = OfficeHours.zone(options, "_timezone");
    int max = positiveInt(options, "_max_capacity", 1000);
    Map<Integer, NavigableMap<Integer, Integer>> weekly = new HashMap<>();
    Map<LocalDate, NavigableMap<Integer, Integer>> dated = new HashMap<>();
    options.forEach(
        (key, value) -> {
          if (key.startsWith("_capacity_add")) {
            dated.putAll(datedTables(key, value, max));
          } else if (key.matches("_capacity_\\d+")) {
            int day = Integer.parseInt(key.substring("_capacity_".length()));
            if (day < 1 || day > 7) {
              throw new InvalidOptionException(key, "days are 1 (Monday) to 7 (Sunday)");
            }
            weekly.put(day, dayTable(key, value, day, max));
          }
        });
    return new CapacityPlan(zone, weekly, dated);
  }

  /** The callbacks allowed in a slot starting at this local time. */
  public int capacityAt(LocalDateTime slotStart) {
    NavigableMap<Integer, Integer> table = dated.get(slotStart.toLocalDate());
    if (table == null) {
      table = weekly.get(slotStart.getDayOfWeek().getValue());
    }
    if (table == null) {
      return 0;
    }
    int minute = slotStart.getHour() * 60 + slotStart.getMinute();
    Map.Entry<Integer, Integer> entry = table.floorEntry(minute);
    return entry != null && minute - entry.getKey() < 60 ? entry.getValue() : 0;
  }

  static int positiveInt(Map<String, String> options, String key, int fallback) {
    String value = options.get(key);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new InvalidOptionException(key, "'" + value + "' is not a whole number >= 0");
    }
  }

  private static NavigableMap<Integer, Integer> dayTable(
      String key, String value, int day, int max) {
    Matcher m = DAY_TABLE.matcher(value);
    String body;
    if (m.matches()) {
      if (Integer.parseInt(m.group(1)) != day) {
        throw new InvalidOptionException(
            key, "the table is for day " + m.group(1) + ", not " + day);
      }
      body = m.group(2);
    } else {
      body = value.trim();
    }
    return table(key, body, max);
  }

  private static Map<LocalDate, NavigableMap<Integer, Integer>> datedTables(
      String key, String value, int max) {
    if (!DATED_TABLES.matcher(value).matches()) {
      throw new InvalidOptionException(
          key, "expected {\"YYYY-MM-dd\":{\"HHmm\":n,...},...}, not '" + value + "'");
    }
    Map<LocalDate, NavigableMap<Integer, Integer>> tables = new HashMap<>();
    Matcher m = DATED_TABLE.matcher(value);
    int found = 0;
    while (m.find()) {
      found++;
      try {
        tables.put(LocalDate.parse(m.group(1)), table(key, m.group(2), max));
      } catch (DateTimeException e) {
        throw new InvalidOptionException(key, "'" + m.group(1) + "' is not a date");
      }
    }
    Matcher all = ANY_TABLE.matcher(value);
    int tablesWritten = 0;
    while (all.find()) {
      tablesWritten++;
    }
    if (found != tablesWritten) {
      throw new InvalidOptionException(key, "every key must be a date YYYY-MM-dd");
    }
    return tables;
  }

  private static NavigableMap<Integer, Integer> table(String key, String body, int max) {
    if (!TABLE_BODY.matcher(body.trim()).matches()) {
      throw new InvalidOptionException(
          key,
          "expected {\"HHmm\":n,...} (for example {\"0900\":5,\"1000\":5}), not '" + body + "'");
    }
    NavigableMap<Integer, Integer> table = new TreeMap<>();
    Matcher m = ENTRY.matcher(body);
    while (m.find()) {
      int h = Integer.parseInt(m.group(1));
      int min = Integer.parseInt(m.group(2));
      if (h > 23 || min > 59) {
        throw new InvalidOptionException(key, "'" + m.group(1) + m.group(2) + "' is not a time");
      }
      long n = Long.parseLong(m.group(3));
      if (n > max) {
        throw new InvalidOptionException(key, "capacity " + n + " is above _max_capacity " + max);
      }
      table.put(h * 60 + min, (int) n);
    }
    return table;
  }
}
