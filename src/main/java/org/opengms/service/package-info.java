/**
 * Service API: configured services ({@code [service.<name>]}), the service sessions a request
 * creates (with TTL and service storage), and the behaviours of built-in services (app-to-connect,
 * chat, chat-poll, ...). Features plug in a behaviour; clients address a session by its id.
 */
package org.opengms.service;
