package org.opengms.config;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Checks the configuration file for changes every {@code [server] config_check_interval} seconds.
 * Polling rather than a file-system watch: it also sees edits on mounted volumes and
 * replaced-by-rename files, and costs one small read.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ConfigurationWatcher {

  @Resource TimerService timers;
  @Inject ConfigurationProvider configuration;

  @PostConstruct
  void schedule() {
    long interval = configuration.current().server().configCheckIntervalSeconds() * 1000L;
    timers.createIntervalTimer(interval, interval, new TimerConfig("config-watch", false));
  }

  /** Timer tick: reload if the file changed. */
  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void onTimer() {
    configuration.reloadIfChanged();
  }
}
