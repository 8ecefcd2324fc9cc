package org.opengms.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;

/**
 * The GMS REST API, version 1: {@code /genesys/1/...}. Its resources are listed here (not
 * discovered), so none of them also appears under {@code /genesys/2} ({@link RestApplicationV2}).
 */
@ApplicationPath("1")
public class RestApplication extends Application {

  /** Every version-1 resource; a new one must be added here. */
  public static final Set<Class<?>> RESOURCES =
      Set.of(
          org.opengms.admin.ConfigurationResource.class,
          org.opengms.admin.LiveResource.class,
          org.opengms.admin.NodesResource.class,
          org.opengms.chat.AgentResource.class,
          org.opengms.callback.AvailabilityResource.class,
          org.opengms.callback.AgentCallbackResource.class,
          org.opengms.callback.CallbackAdminResource.class,
          org.opengms.callback.CallbackConsoleResource.class,
          org.opengms.callback.CallbackDialogResource.class,
          org.opengms.callback.CallbackResource.class,
          org.opengms.callback.QueuePositionResource.class,
          org.opengms.chat.ChatResource.class,
          org.opengms.chat.files.AgentChatFileResource.class,
          org.opengms.node.NodeStatusResource.class,
          org.opengms.notification.NotificationResource.class,
          org.opengms.patterns.PatternResource.class,
          org.opengms.phonenumber.PhoneNumberResource.class,
          org.opengms.service.ServiceResource.class,
          org.opengms.service.ServiceStorageResource.class,
          org.opengms.statistics.InternalStatisticResource.class,
          org.opengms.statistics.MetricsResource.class,
          org.opengms.statistics.StatisticResource.class,
          org.opengms.statistics.StatisticsResource.class,
          org.opengms.storage.StorageResource.class,
          org.opengms.admin.ClockResource.class);

  @Override
  public Set<Class<?>> getClasses() {
    return ApiProviders.with(RESOURCES);
  }

  @Override
  public Map<String, Object> getProperties() {
    return ApiProviders.PROPERTIES;
  }
}
