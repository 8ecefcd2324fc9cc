package org.opengms.notification;

/**
 * One message on its way to one target.
 *
 * @param eventId the same on every retry, so receivers can drop duplicates
 */
public record Delivery(String eventId, Target target, String tag, String message) {}
