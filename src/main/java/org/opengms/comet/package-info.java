/**
 * CometD for GMS clients: the Bayeux server at {@code /genesys/cometd} (websocket and
 * long-polling), its {@code gms_user} rules and bounds, and {@link
 * org.opengms.comet.UserMessenger}, through which the other features deliver to one user's sessions
 * on {@code /_genesys}.
 */
package org.opengms.comet;
