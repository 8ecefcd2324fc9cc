package org.opengms.statistics;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opengms.security.Secured;

/**
 * Every built-in statistic of every configured object for Prometheus, in the OpenMetrics text
 * format (also valid Prometheus text 0.0.4), computed at the scrape. Our own endpoint because the
 * same WAR runs on WildFly (Micrometer, no MicroProfile Metrics) and Payara (MicroProfile Metrics):
 * a container facility would exist on one server only. HTTP Basic with role {@code statistic} or
 * {@code admin}, so a scraper needs no admin powers.
 *
 * <pre>
 * curl -u stats:stats http://localhost:8080/genesys/1/metrics
 *   # TYPE gms_queue_current_number_waiting_chats gauge
 *   # HELP gms_queue_current_number_waiting_chats Chats of the queue waiting for an agent.
 *   gms_queue_current_number_waiting_chats{queue="default"} 2
 *   ...
 *   # EOF
 * </pre>
 */
@Path("metrics")
@Secured({"statistic", "admin"})
public class MetricsResource {

  static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  @Inject StatisticsProvider provider;

  @GET
  @Produces({OPENMETRICS, PROMETHEUS_TEXT})
  public String scrape() {
    StringBuilder out = new StringBuilder(4096);
    for (Map.Entry<MetricKey, String> d : provider.definitions().entrySet()) {
      MetricKey key = d.getKey();
      String name = "gms_" + snake(key.objectType()) + "_" + snake(key.metric());
      String label = snake(key.objectType());
      out.append("# TYPE ").append(name).append(" gauge\n");
      out.append("# HELP ").append(name).append(' ').append(escapeHelp(d.getValue())).append('\n');
      for (String object : provider.objects(key.objectType())) {
        Optional<Object> value = provider.current(key.objectType(), object, key.metric());
        if (value.isEmpty()) {
          continue;
        }
        out.append(name).append('{').append(label).append("=\"").append(escape(object));
        if (value.get() instanceof Number number) {
          out.append("\"} ").append(number).append('\n');
        } else {
          // a state: one sample per current state, value 1 (the OpenMetrics StateSet idea)
          out.append("\",state=\"").append(escape(value.get().toString())).append("\"} 1\n");
        }
      }
    }
    return out.append("# EOF\n").toString();
  }

  /** {@code CurrentNumberWaitingChats} → {@code current_number_waiting_chats}. */
  static String snake(String name) {
    String snake =
        name.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
            .replaceAll("[^A-Za-z0-9_]", "_")
            .toLowerCase(Locale.ROOT);
    return snake.isEmpty() || Character.isDigit(snake.charAt(0)) ? "_" + snake : snake;
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  private static String escapeHelp(String value) {
    return value.replace("\\", "\\\\").replace("\n", "\\n");
  }
}
