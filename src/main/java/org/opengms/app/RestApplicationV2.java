package org.opengms.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;

/**
 * The GMS REST API, version 2 (GMS 8.5.1xx): {@code /genesys/2/...}, e.g. Chat API v2. Its
 * resources are listed here, not discovered: a version-2 resource must be added to {@link
 * #RESOURCES} (and not to {@link RestApplication}).
 */
@ApplicationPath("2")
public class RestApplicationV2 extends Application {

  /** Every version-2 resource. */
  public static final Set<Class<?>> RESOURCES =
      Set.of(
          org.opengms.chat.v2.ChatV2Resource.class,
          org.opengms.callback.AvailabilityV2Resource.class,
          org.opengms.chat.files.ChatFileV2Resource.class,
          org.opengms.chat.files.ChatNtfResource.class);

  @Override
  public Set<Class<?>> getClasses() {
    return ApiProviders.with(RESOURCES);
  }

  @Override
  public Map<String, Object> getProperties() {
    return ApiProviders.PROPERTIES;
  }
}
