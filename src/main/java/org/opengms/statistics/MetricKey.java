package org.opengms.statistics;

/**
 * One metric of one object type, as the Stat Server API names them: {@code ("Queue",
 * "ExpectedWaitTime")}, {@code ("Agent", "CurrentState")}.
 */
public record MetricKey(String objectType, String metric) {}
