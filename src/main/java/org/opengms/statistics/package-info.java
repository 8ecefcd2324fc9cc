/**
 * Stat Server API ({@code /1/statistic}, {@code /1/internal_statistic}, {@code /1/statistics}) and
 * the OpenMetrics endpoint: metrics come from engines through {@link
 * org.opengms.statistics.MetricSource}, cached per statistic with their age. An engine adds metrics
 * by implementing that SPI; this package knows no engine.
 */
package org.opengms.statistics;
