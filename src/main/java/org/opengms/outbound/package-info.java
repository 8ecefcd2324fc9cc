/**
 * Outbound HTTP: the allow-list every request leaving the server is checked against (checked on the
 * looked-up address just before connecting) and the shared HTTP client settings. Anything that
 * calls out (HTTP callbacks, ORS, push) goes through here.
 */
package org.opengms.outbound;
