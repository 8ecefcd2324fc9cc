/**
 * Operators' view of the running configuration: {@code GET /1/admin/config} and the JMX MXBean
 * {@code org.opengms:type=Configuration}, both with secrets masked. Nothing else depends on this
 * package.
 */
package org.opengms.admin;
