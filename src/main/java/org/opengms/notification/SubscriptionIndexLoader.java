package org.opengms.notification;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.opengms.persistence.schema.SchemaMigration;

/** Fills the subscription index from the database when the application starts. */
@Singleton
@Startup
@DependsOn(SchemaMigration.NAME) // the schema is migrated before this bean reads it
public class SubscriptionIndexLoader {

  private static final Logger LOG = Logger.getLogger(SubscriptionIndexLoader.class.getName());

  @EJB SubscriptionManager subscriptions;
  @Inject SubscriptionIndex index;

  @PostConstruct
  void load() {
    subscriptions.live().forEach(index::add);
    LOG.info(() -> "Subscription index loaded: " + index.size() + " live subscriptions");
  }
}
