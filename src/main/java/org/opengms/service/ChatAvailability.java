package org.opengms.service;

/** Whether an agent could take a chat of a service now (the chat engine answers). */
public interface ChatAvailability {

  boolean agentAvailable(ServiceDefinition definition);
}
