/**
 * The one error contract: exceptions that carry their HTTP status and GMS error body, and the
 * mappers that turn every client mistake into a 4xx and anything else into a 500 with an incident
 * id and no internals. Features throw these (or subclasses of their own); they never build error
 * responses by hand.
 */
package org.opengms.api.error;
