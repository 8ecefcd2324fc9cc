/**
 * Notification API: subscriptions (persisted, indexed in memory by tag for matching), publish with
 * localization and OS attributes, delivery over one channel per type (comet, HTTP callback, ORS,
 * native push), and the durable outbox that retries failed deliveries. Other features notify users
 * through {@link org.opengms.notification.Notifications}.
 */
package org.opengms.notification;
