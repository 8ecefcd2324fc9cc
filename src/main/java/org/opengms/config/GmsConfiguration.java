package org.opengms.config;

import java.time.Instant;
import org.opengms.callback.CallbackSettings;
import org.opengms.chat.ChatSettings;
import org.opengms.chat.files.ChatFileSettings;
import org.opengms.comet.CometSettings;
import org.opengms.cors.CorsSettings;
import org.opengms.notification.PushSettings;
import org.opengms.outbound.HttpSettings;
import org.opengms.patterns.PatternCatalog;
import org.opengms.security.SecuritySettings;
import org.opengms.security.UserSettings;
import org.opengms.service.ServiceCatalog;
import org.opengms.statistics.StatisticsSettings;
import org.opengms.storage.StorageSettings;

/**
 * One immutable, validated version of the configuration file. Each feature's typed settings are
 * built here once, so a bad value refuses the whole file (at start-up or on reload) instead of
 * failing a request later. A request takes one version and keeps it to its end.
 */
public final class GmsConfiguration {

  private final IniDocument document;
  private final Instant loadedAt;
  private final ServerSettings server;
  private final StorageSettings storage;
  private final UserSettings users;
  private final SecuritySettings security;
  private final PatternCatalog patterns;
  private final ServiceCatalog services;
  private final PushSettings push;
  private final HttpSettings http;
  private final ChatSettings chat;
  private final ChatFileSettings chatFiles;
  private final CometSettings comet;
  private final CallbackSettings callback;
  private final StatisticsSettings statistics;
  private final CorsSettings cors;

  public GmsConfiguration(IniDocument document) {
    this.document = document;
    this.loadedAt = Instant.now();
    this.server = ServerSettings.from(document);
    this.storage = StorageSettings.from(document);
    this.users = UserSettings.from(document);
    this.security = SecuritySettings.from(document);
    this.patterns = PatternCatalog.from(document);
    this.services = ServiceCatalog.from(document);
    this.push = PushSettings.from(document);
    this.http = HttpSettings.from(document);
    this.chat = ChatSettings.from(document);
    this.chatFiles = ChatFileSettings.from(document);
    this.comet = CometSettings.from(document);
    this.callback = CallbackSettings.from(document);
    this.statistics = StatisticsSettings.from(document);
    this.cors = CorsSettings.from(document);
  }

  public IniDocument document() {
    return document;
  }

  public Instant loadedAt() {
    return loadedAt;
  }

  public ServerSettings server() {
    return server;
  }

  public StorageSettings storage() {
    return storage;
  }

  public UserSettings users() {
    return users;
  }

  public SecuritySettings security() {
    return security;
  }

  public PatternCatalog patterns() {
    return patterns;
  }

  public ServiceCatalog services() {
    return services;
  }

  public PushSettings push() {
    return push;
  }

  public HttpSettings http() {
    return http;
  }

  public ChatSettings chat() {
    return chat;
  }

  public ChatFileSettings chatFiles() {
    return chatFiles;
  }

  public CometSettings comet() {
    return comet;
  }

  public CallbackSettings callback() {
    return callback;
  }

  public StatisticsSettings statistics() {
    return statistics;
  }

  public CorsSettings cors() {
    return cors;
  }
}
