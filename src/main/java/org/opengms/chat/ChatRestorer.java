package org.opengms.chat;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/** Reloads open chats into memory when the application starts (a restart keeps them). */
@Singleton
@Startup
public class ChatRestorer {

  @Inject ChatRouter router;

  @PostConstruct
  void restore() {
    router.restore();
  }
}
