package org.opengms.chat;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.opengms.persistence.schema.SchemaMigration;

/** Reloads open chats into memory when the application starts (a restart keeps them). */
@Singleton
@Startup
@DependsOn(SchemaMigration.NAME) // the schema is migrated before this bean reads it
public class ChatRestorer {

  @Inject ChatRouter router;

  @PostConstruct
  void restore() {
    router.restore();
  }
}
