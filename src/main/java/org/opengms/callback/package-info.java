/**
 * Callback Services: the callback entity and its store, immediate and scheduled start (an indexed
 * database scan on a timer), admission against office hours and capacity and the availability APIs
 * (v1, v2), execution built-in or ORS-style, dialogs and device notifications, limits and
 * throttles, agents' and admins' resources, and callback metrics for statistics. Others use it only
 * through its resources and {@code MetricSource}.
 */
package org.opengms.callback;
