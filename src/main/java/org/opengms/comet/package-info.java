/**
 * CometD for GMS clients: the Bayeux server at {@code /genesys/cometd} (websocket and
 * long-polling), its handshake rules ({@code gms_user}, agents with HTTP Basic, service-only
 * sessions) and bounds. Other features deliver through {@link org.opengms.comet.UserMessenger} (one
 * user's sessions on {@code /_genesys}) and {@link org.opengms.comet.AgentMessenger} (an agent's on
 * {@code /_opengms/agent}), answer on channels of their own by implementing {@link
 * org.opengms.comet.ServiceChannel}, and observe {@link org.opengms.comet.CometUserSession} events;
 * the rest is internal.
 */
package org.opengms.comet;
