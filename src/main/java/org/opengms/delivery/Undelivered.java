package org.opengms.delivery;

/** Why an accepted message reached no client: each reason is a counter of its own. */
public enum Undelivered {
  NOTIFICATION_UNMATCHED(
      "NotificationsUnmatched",
      "Published notifications that matched no live subscription (none, or all expired)"),
  COMET_NO_SESSION(
      "CometNoSession",
      "Comet notifications whose gms_user had no CometD session on this node when delivered"),
  COMET_QUEUE_FULL(
      "CometQueueDropped",
      "Messages dropped, oldest first, from a CometD session queue over [cometd] max_queue");

  private final String metric;
  private final String description;

  Undelivered(String metric, String description) {
    this.metric = metric;
    this.description = description;
  }

  /** The Stat Server API metric name. */
  public String metric() {
    return metric;
  }

  public String description() {
    return description;
  }
}
