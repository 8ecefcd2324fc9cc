package org.opengms.callback;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JPQL of a {@link CallbackQuery}: service, state(s), desired-time range and properties (the
 * columns GMS names are columns here; any other property is looked up in the indexed ones), joined
 * by AND or OR, by desired time. Values are always parameters, never part of the text.
 */
record CallbackQueryJpql(String text, Map<String, Object> parameters) {

  static CallbackQueryJpql of(CallbackQuery query) {
    CallbackQueryJpql where = where(query);
    return new CallbackQueryJpql(
        "select c from Callback c" + where.text() + " order by c.desiredTime", where.parameters());
  }

  /**
   * One page of the admin console: the callbacks after {@code after} (keyset on desired time, then
   * id, so page 1,000 costs what page 1 costs: an index range scan, never an offset).
   */
  static CallbackQueryJpql page(CallbackQuery query, CallbackCursor after) {
    CallbackQueryJpql where = where(query);
    StringBuilder jpql = new StringBuilder("select c from Callback c").append(where.text());
    Map<String, Object> params = new HashMap<>(where.parameters());
    if (after != null) {
      jpql.append(
          " and (c.desiredTime > :afterTime or (c.desiredTime = :afterTime and c.id > :afterId))");
      params.put("afterTime", after.desiredTime());
      params.put("afterId", after.id());
    }
    // with one service, ordering by it too changes nothing but lets the database walk the index
    // (service_name, desired_time, id) in order instead of sorting every row of the service
    jpql.append(
        query.service() != null
            ? " order by c.serviceName, c.desiredTime, c.id"
            : " order by c.desiredTime, c.id");
    return new CallbackQueryJpql(jpql.toString(), params);
  }

  /** The ids of the callbacks matching {@code query}, unordered (the console's total). */
  static CallbackQueryJpql ids(CallbackQuery query) {
    CallbackQueryJpql where = where(query);
    return new CallbackQueryJpql("select c.id from Callback c" + where.text(), where.parameters());
  }

  /** The {@code where ...} clause (with a leading space) and its parameters. */
  private static CallbackQueryJpql where(CallbackQuery query) {
    StringBuilder jpql = new StringBuilder(" where 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (query.service() != null) {
      jpql.append(" and c.serviceName = :service");
      params.put("service", query.service());
    }
    if (query.state() != null) {
      jpql.append(query.negateState() ? " and c.state <> :state" : " and c.state = :state");
      params.put("state", query.state());
    }
    if (query.states() != null && !query.states().isEmpty()) {
      jpql.append(" and c.state in :states");
      params.put("states", query.states());
    }
    if (query.from() != null) {
      jpql.append(" and c.desiredTime >= :from");
      params.put("from", query.from());
    }
    if (query.to() != null) {
      jpql.append(" and c.desiredTime <= :to");
      params.put("to", query.to());
    }
    if (!query.properties().isEmpty()) {
      List<String> terms = new ArrayList<>();
      int i = 0;
      for (Map.Entry<String, String> p : query.properties().entrySet()) {
        String v = "v" + i;
        switch (p.getKey()) {
          case "_id" -> terms.add("c.id = :" + v);
          case "_customer_number" -> terms.add("c.customerNumber = :" + v);
          case "_service_name" -> terms.add("c.serviceName = :" + v);
          case "_urs_virtual_queue" -> terms.add("c.queue = :" + v);
          default -> {
            String k = "k" + i;
            // uncorrelated: the database reads the matching ids once through the property
            // index; a correlated exists() ran once per candidate row (10 minutes at 12,000)
            terms.add(
                "c.id in (select x.id from Callback x join x.indexed p where key(p) = :"
                    + k
                    + " and value(p) = :"
                    + v
                    + ")");
            params.put(k, p.getKey());
          }
        }
        params.put(v, p.getValue());
        i++;
      }
      jpql.append(" and (").append(String.join(query.or() ? " or " : " and ", terms)).append(")");
    }
    return new CallbackQueryJpql(jpql.toString(), params);
  }
}
