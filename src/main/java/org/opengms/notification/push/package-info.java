/**
 * Native push: APNs over HTTP/2 with ES256 provider tokens and FCM HTTP v1 with an OAuth JWT-bearer
 * grant, providers from {@code [push]}/{@code [push.provider.<name>]}, dead-token deactivation.
 * Used only by the notification channels.
 */
package org.opengms.notification.push;
