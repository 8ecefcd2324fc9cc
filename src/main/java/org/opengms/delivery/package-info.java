/**
 * What became of accepted messages: counters of notifications and CometD messages that reached no
 * client, by reason ({@link org.opengms.delivery.Undelivered}), logged and published as node
 * metrics. Notification and CometD code count into {@link org.opengms.delivery.DeliveryCounters};
 * nothing here depends on them.
 */
package org.opengms.delivery;
