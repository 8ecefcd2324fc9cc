package org.opengms.callback;

import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CSV of COMPLETED callbacks with given reasons, written while it is read: the store is read a page
 * at a time (keyset, {@link CallbackStore#page}), so 100,000 rows never sit in memory at once and
 * the first bytes leave before the last row is read.
 */
final class CallbackCsv {

  /** Rows read per store query. */
  static final int BATCH = 500;

  private CallbackCsv() {}

  /**
   * {@code _id,_service_name,_desired_time,_callback_reason} then one column per property, for the
   * completed callbacks matching {@code query} (its state is replaced by COMPLETED) whose reason is
   * one of {@code reasons}.
   */
  static StreamingOutput completed(
      CallbackStore store, CallbackQuery query, Set<String> reasons, List<String> properties) {
    CallbackQuery completed =
        new CallbackQuery(
            query.service(),
            CallbackState.COMPLETED,
            false,
            null,
            query.from(),
            query.to(),
            query.properties(),
            false);
    return out -> {
      Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      csv.write("_id,_service_name,_desired_time,_callback_reason");
      for (String p : properties) {
        csv.write(',');
        csv.write(cell(p));
      }
      csv.write('\n');
      CallbackCursor after = null;
      while (true) {
        List<Callback> batch = store.page(completed, after, BATCH);
        for (Callback c : batch) {
          if (reasons.contains(c.getReason())) {
            row(csv, c, properties);
          }
        }
        if (batch.size() < BATCH) {
          break;
        }
        after = CallbackCursor.after(batch.get(batch.size() - 1));
      }
      csv.flush();
    };
  }

  private static void row(Writer csv, Callback c, List<String> properties)
      throws java.io.IOException {
    Map<String, String> values = c.properties();
    csv.write(cell(c.getId()));
    csv.write(',');
    csv.write(cell(c.getServiceName()));
    csv.write(',');
    csv.write(CallbackViews.time(c.getDesiredTime()));
    csv.write(',');
    csv.write(cell(c.getReason()));
    for (String p : properties) {
      csv.write(',');
      csv.write(cell(values.getOrDefault(p, "")));
    }
    csv.write('\n');
  }

  /**
   * One quoted-when-needed cell; a value a spreadsheet would run as a formula (=, +, -, @) gets a
   * leading quote.
   */
  static String cell(String v) {
    if (v == null) {
      return "";
    }
    String safe =
        v.startsWith("=") || v.startsWith("+") || v.startsWith("-") || v.startsWith("@")
            ? "'" + v
            : v;
    return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
        ? "\"" + safe.replace("\"", "\"\"") + "\""
        : safe;
  }
}
