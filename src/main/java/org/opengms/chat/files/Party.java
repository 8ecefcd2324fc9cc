package org.opengms.chat.files;

import org.opengms.chat.TranscriptEvent;
import org.opengms.security.User;

/** Who acts on a chat's files: its customer (by its secureKey) or its agent. */
public record Party(User agent) {

  public static final Party CUSTOMER = new Party(null);

  public static Party agent(User user) {
    return new Party(user);
  }

  public boolean isCustomer() {
    return agent == null;
  }

  String userType() {
    return isCustomer() ? TranscriptEvent.CLIENT : TranscriptEvent.AGENT;
  }

  String agentLogin() {
    return isCustomer() ? null : agent.login();
  }
}
