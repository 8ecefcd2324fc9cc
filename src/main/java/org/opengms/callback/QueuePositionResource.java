package org.opengms.callback;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opengms.api.error.ResourceNotFoundException;
import org.opengms.config.ConfigurationProvider;
import org.opengms.config.GmsConfiguration;
import org.opengms.service.ServiceCatalog;

/**
 * {@code GET /1/service/<callback id>/check-queue-position}: where a QUEUED callback stands in its
 * queue ({@code _position} 1 = next; 0 when it is not waiting in the queue), how many wait, and the
 * estimated wait ({@code _eta}, {@code ewt}, seconds, from {@code _request_queue_time_stat}) and
 * whether the agent-ready threshold is passed ({@code _agent_ready_threshold_passed}).
 */
@Path("service/{id}/check-queue-position")
@Produces(MediaType.APPLICATION_JSON)
public class QueuePositionResource {

  @EJB CallbackStore store;
  @Inject CallbackService callbacks;
  @Inject ConfigurationProvider configuration;

  @GET
  public Map<String, Object> position(@PathParam("id") String id) {
    Callback c =
        store
            .find(id)
            .orElseThrow(() -> new ResourceNotFoundException("Service " + id + " not found"));
    GmsConfiguration config = configuration.current();
    long total = store.countInQueue(c.getQueue(), CallbackState.QUEUED);
    long position = c.getState() == CallbackState.QUEUED ? store.positionInQueue(c) : 0;
    CallbackOptions options =
        config
            .get(ServiceCatalog.class)
            .find(c.getServiceName())
            .map(d -> CallbackOptions.of(d, c.properties(), config.get(CallbackSettings.class)))
            .orElse(null);
    long ewt =
        options == null
            ? 0L
            : callbacks.estimatedWait(options, c.properties(), c.getQueue()).toSeconds();
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("_id", id);
    answer.put("_position", position);
    answer.put("_eta", ewt);
    answer.put("_total_waiting", total);
    answer.put("ewt", ewt);
    answer.put("_callback_state", c.getState().name());
    answer.put("_agent_ready_threshold_passed", thresholdPassed(c, options, ewt));
    return answer;
  }

  /**
   * An agent is (about to be) there: one has taken the callback, or it waits in the queue with an
   * estimated wait (from {@code _request_queue_time_stat}) at or below {@code
   * _agent_ready_threshold} seconds (default 30).
   */
  static boolean thresholdPassed(Callback c, CallbackOptions options, long ewt) {
    if (c.getState() == CallbackState.ROUTING || c.getState() == CallbackState.PROCESSING) {
      return true;
    }
    if (c.getState() != CallbackState.QUEUED || options == null) {
      return false;
    }
    boolean measured =
        options.get("_request_queue_time_stat").isPresent()
            || c.properties().containsKey("_request_queue_time_stat");
    return measured && ewt <= options.number("_agent_ready_threshold", 30);
  }
}
