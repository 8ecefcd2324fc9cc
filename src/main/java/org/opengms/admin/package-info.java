/**
 * Operators' views: the running configuration ({@code GET /1/admin/config} and the JMX MXBean
 * {@code org.opengms:type=Configuration}, secrets masked), and what the admin console ({@code
 * /genesys/admin/}) reads besides callbacks: the live figures of queues and agents with a bounded
 * per-minute history ({@code GET /1/admin/live}) and the node list ({@code GET /1/admin/nodes}). It
 * reads the chat and callback engines' statistics; nothing else depends on this package.
 */
package org.opengms.admin;
