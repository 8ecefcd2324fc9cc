/**
 * Node API: {@code GET /1/admin/node/status} and the readiness check the container's health
 * endpoint uses. Depends on nothing but the JAX-RS basics.
 */
package org.opengms.node;
