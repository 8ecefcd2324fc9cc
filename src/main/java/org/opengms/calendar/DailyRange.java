package org.opengms.calendar;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A range of wall-clock time in minutes of the day, {@code HH:mm-HH:mm} ({@code 24:00} allowed as
 * an end). An end not after the start runs overnight: {@code 19:00-07:00} covers 19:00 to midnight
 * of its day and midnight to 07:00 of the next day.
 */
record DailyRange(int startMinute, int endMinute) {

  private static final Pattern RANGE = Pattern.compile("(\\d{1,2}):(\\d{2})-(\\d{1,2}):(\\d{2})");

  static final int DAY = 24 * 60;

  boolean overnight() {
    return endMinute <= startMinute;
  }

  /** Whether the part of this range that lies on its own day covers {@code minute}. */
  boolean coversSameDay(int minute) {
    return minute >= startMinute && minute < (overnight() ? DAY : endMinute);
  }

  /** Whether the part of this range spilling into the next day covers {@code minute}. */
  boolean coversNextDay(int minute) {
    return overnight() && minute < endMinute;
  }

  /** {@code 09:00-17:00} or several, comma separated: {@code 09:00-12:00,13:00-17:00}. */
  static List<DailyRange> parseList(String text) {
    List<DailyRange> ranges = new ArrayList<>();
    for (String part : text.split(",")) {
      ranges.add(parse(part.trim()));
    }
    return ranges;
  }

  static DailyRange parse(String text) {
    Matcher m = RANGE.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a time range HH:mm-HH:mm");
    }
    int start = minute(m.group(1), m.group(2), false, text);
    int end = minute(m.group(3), m.group(4), true, text);
    if (start == end) {
      throw new IllegalArgumentException(
          "'" + text + "' starts and ends at the same time (a whole day is 00:00-24:00)");
    }
    return new DailyRange(start, end);
  }

  private static int minute(String hours, String minutes, boolean end, String text) {
    int h = Integer.parseInt(hours);
    int m = Integer.parseInt(minutes);
    if (m > 59 || h > 24 || (h == 24 && (m != 0 || !end))) {
      throw new IllegalArgumentException("'" + text + "' has an impossible time of day");
    }
    return h * 60 + m;
  }
}
