package org.opengms.service;

/** CDI event: a service was ended by {@code DELETE /1/service/{id}} (its chat ends with it). */
public record ServiceEnded(String serviceId) {}
