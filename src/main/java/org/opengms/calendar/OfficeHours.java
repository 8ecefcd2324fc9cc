package org.opengms.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The open hours of an office-hours service ({@code _type = builtin}, {@code _service =
 * office-hours}), with GMS's options:
 *
 * <ul>
 *   <li>{@code _bh_regular<n> = Mon-Fri 09:00-17:00}: weekly hours; a day range may wrap the week
 *       ({@code Sat-Mon}), an hour range may run overnight ({@code 19:00-07:00}), several ranges
 *       may be comma separated;
 *   <li>{@code _bh_add<n> = 2026-12-24 10:00-12:00} or {@code 12-24 10:00-12:00} (every year):
 *       extra open hours on a date; they open even a holiday;
 *   <li>{@code _holiday<n> = 2026-12-25} or {@code 12-25} (every year), optionally with hours
 *       ({@code 2026-12-31 14:00-24:00}) to close only part of the day;
 *   <li>{@code _timezone}: an IANA zone ({@code Europe/Paris}), default UTC.
 * </ul>
 *
 * <p>Rules speak of wall-clock time in the service's zone. On a day the clocks jump forward, a
 * local time that does not exist is never reached: a range ending inside the gap ends when the
 * clocks jump, one starting inside it starts then. On a day they fall back, the repeated hour is
 * open (or closed) both times, as the wall clock reads.
 */
public final class OfficeHours {

  /** What the office is at one instant: the reference's {@code {"status":..,"reason":..}}. */
  public record Status(boolean open, String reason) {

    public static final Status OPEN = new Status(true, null);

    /** No weekly rule for this day of the week at all. */
    public static final String CLOSED_DAY_OF_WEEK = "closed_day_of_week";

    /** The day has hours, but not at this time. */
    public static final String CLOSED_NO_MATCH = "closed_no_match";

    /** A {@code _holiday<n>} closes this date (or this part of it). */
    public static final String CLOSED_HOLIDAY = "closed_holiday";

    static Status closed(String reason) {
      return new Status(false, reason);
    }

    /** {@code {"status":"open"}} or {@code {"status":"closed","reason":"..."}}. */
    public String toJson() {
      return open
          ? "{\"status\":\"open\"}"
          : "{\"status\":\"closed\",\"reason\":\"" + reason + "\"}";
    }
  }

  private static final Pattern REGULAR =
      Pattern.compile("([A-Za-z]{3})(?:\\s*-\\s*([A-Za-z]{3}))?\\s+(\\S.*)");
  private static final Pattern DATED =
      Pattern.compile("(?:(\\d{4})-)?(\\d{2})-(\\d{2})(?:\\s+(\\S.*))?");

  /** Weekly hours: the days a range starts on. */
  private record Weekly(Set<DayOfWeek> days, List<DailyRange> ranges) {}

  /** A date ({@code year} null: every year) with its ranges (empty: the whole day). */
  private record Dated(Integer year, MonthDay day, List<DailyRange> ranges) {
    boolean on(LocalDate date) {
      return (year == null || year == date.getYear()) && day.equals(MonthDay.from(date));
    }
  }

  private final ZoneId zone;
  private final List<Weekly> regular;
  private final List<Dated> additions;
  private final List<Dated> holidays;

  private OfficeHours(
      ZoneId zone, List<Weekly> regular, List<Dated> additions, List<Dated> holidays) {
    this.zone = zone;
    this.regular = List.copyOf(regular);
    this.additions = List.copyOf(additions);
    this.holidays = List.copyOf(holidays);
  }

  public ZoneId zone() {
    return zone;
  }

  /**
   * Reads the options of an office-hours service.
   *
   * @throws InvalidOptionException naming the option that cannot be read, and why
   */
  public static OfficeHours from(Map<String, String> options) {
    ZoneId zone = zone(options, "_timezone");
    List<Weekly> regular = new ArrayList<>();
    List<Dated> additions = new ArrayList<>();
    List<Dated> holidays = new ArrayList<>();
    options.forEach(
        (key, value) -> {
          try {
            if (key.startsWith("_bh_regular")) {
              regular.add(weekly(value.trim()));
            } else if (key.startsWith("_bh_add")) {
              Dated d = dated(value.trim());
              if (d.ranges().isEmpty()) {
                throw new IllegalArgumentException("an addition needs hours: MM-dd HH:mm-HH:mm");
              }
              additions.add(d);
            } else if (key.startsWith("_holiday")) {
              holidays.add(dated(value.trim()));
            }
          } catch (IllegalArgumentException | DateTimeException e) {
            throw new InvalidOptionException(key, e.getMessage());
          }
        });
    return new OfficeHours(zone, regular, additions, holidays);
  }

  /** An IANA zone option, UTC when absent or empty. */
  static ZoneId zone(Map<String, String> options, String key) {
    String value = options.get(key);
    if (value == null || value.isBlank()) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(value.trim());
    } catch (DateTimeException e) {
      throw new InvalidOptionException(
          key, "'" + value + "' is not a time zone (use IANA names such as Europe/Paris)");
    }
  }

  /** Whether the office is open at {@code instant}, and if not why. */
  public Status statusAt(Instant instant) {
    LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
    LocalDate date = local.toLocalDate();
    int minute = local.getHour() * 60 + local.getMinute();
    if (covers(additions, date, minute)) {
      return Status.OPEN;
    }
    for (Dated h : holidays) {
      if (h.on(date)
          && (h.ranges().isEmpty() || h.ranges().stream().anyMatch(r -> r.coversSameDay(minute)))) {
        return Status.closed(Status.CLOSED_HOLIDAY);
      }
    }
    DayOfWeek today = date.getDayOfWeek();
    DayOfWeek yesterday = today.minus(1);
    boolean dayHasHours = false;
    for (Weekly w : regular) {
      for (DailyRange r : w.ranges()) {
        boolean startsToday = w.days().contains(today);
        boolean spillsFromYesterday = w.days().contains(yesterday) && r.overnight();
        dayHasHours |= startsToday || (spillsFromYesterday && r.endMinute() > 0);
        if ((startsToday && r.coversSameDay(minute))
            || (spillsFromYesterday && r.coversNextDay(minute))) {
          return Status.OPEN;
        }
      }
    }
    return Status.closed(dayHasHours ? Status.CLOSED_NO_MATCH : Status.CLOSED_DAY_OF_WEEK);
  }

  /** An open period {@code [start, end)}. */
  public record Period(Instant start, Instant end) {}

  /**
   * The open periods of the local {@code date}, cut at its midnights, in time order. Rules are
   * minutes of wall-clock time, so the day is read minute by minute with {@link #statusAt}: the
   * periods are exactly what the office answers at each instant (DST days included).
   */
  public List<Period> openPeriods(LocalDate date) {
    Instant dayStart = date.atStartOfDay(zone).toInstant();
    Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
    List<Period> periods = new ArrayList<>();
    Instant openedAt = null;
    for (Instant t = dayStart; t.isBefore(dayEnd); t = t.plusSeconds(60)) {
      boolean open = statusAt(t).open();
      if (open && openedAt == null) {
        openedAt = t;
      } else if (!open && openedAt != null) {
        periods.add(new Period(openedAt, t));
        openedAt = null;
      }
    }
    if (openedAt != null) {
      periods.add(new Period(openedAt, dayEnd));
    }
    return periods;
  }

  private static boolean covers(List<Dated> dated, LocalDate date, int minute) {
    LocalDate previous = date.minusDays(1);
    for (Dated d : dated) {
      for (DailyRange r : d.ranges()) {
        if ((d.on(date) && r.coversSameDay(minute))
            || (d.on(previous) && r.coversNextDay(minute))) {
          return true;
        }
      }
    }
    return false;
  }

  private static Weekly weekly(String value) {
    Matcher m = REGULAR.matcher(value);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + value + "' is not DDD-DDD HH:mm-HH:mm (for example Mon-Fri 09:00-17:00)");
    }
    DayOfWeek first = day(m.group(1));
    DayOfWeek last = m.group(2) == null ? first : day(m.group(2));
    Set<DayOfWeek> days = EnumSet.of(first);
    for (DayOfWeek d = first; d != last; ) {
      d = d.plus(1);
      days.add(d);
    }
    return new Weekly(days, DailyRange.parseList(m.group(3).trim()));
  }

  private static DayOfWeek day(String name) {
    for (DayOfWeek d : DayOfWeek.values()) {
      if (d.name().substring(0, 3).equalsIgnoreCase(name)) {
        return d;
      }
    }
    throw new IllegalArgumentException(
        "'" + name + "' is not a day (Mon, Tue, Wed, Thu, Fri, Sat, Sun)");
  }

  private static Dated dated(String value) {
    Matcher m = DATED.matcher(value);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + value + "' is not YYYY-MM-dd or MM-dd, optionally followed by HH:mm-HH:mm");
    }
    Integer year = m.group(1) == null ? null : Integer.valueOf(m.group(1));
    MonthDay day = MonthDay.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    if (year != null) {
      LocalDate.of(year, day.getMonth(), day.getDayOfMonth()); // 2026-02-29 does not exist
    }
    List<DailyRange> ranges = m.group(4) == null ? List.of() : DailyRange.parseList(m.group(4));
    return new Dated(year, day, ranges);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "OfficeHours[%s, %d weekly, %d additions, %d holidays]",
        zone,
        regular.size(),
        additions.size(),
        holidays.size());
  }
}
