package org.opengms.chat;

/**
 * What the customer said about themselves when starting a chat ({@link ChatRequests#customer}),
 * from which the {@link ChatSession} is made.
 */
record ChatCustomer(
    String subject,
    String nickname,
    String firstName,
    String lastName,
    String email,
    String clientTimeZoneOffset,
    String gmsUser,
    String notifyBy,
    String subscriptionId,
    String queue,
    ChatDevice device) {}
