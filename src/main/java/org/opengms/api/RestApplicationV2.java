package org.opengms.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;
import org.opengms.api.error.GmsExceptionMapper;
import org.opengms.api.error.UnexpectedErrorMapper;
import org.opengms.api.error.WebApplicationExceptionMapper;
import org.opengms.chat.files.ChatFileV2Resource;
import org.opengms.chat.files.ChatNtfResource;

/**
 * The Chat API version 2: {@code /genesys/2/...}. Its classes are listed, so none of the version 1
 * resources appear under {@code /2}.
 */
@ApplicationPath("2")
public class RestApplicationV2 extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(
        ChatFileV2Resource.class,
        ChatNtfResource.class,
        SharedJsonb.class,
        MalformedBodyInterceptor.class,
        NoCacheHeadersFilter.class,
        RequestSizeLimitFilter.class,
        GmsExceptionMapper.class,
        WebApplicationExceptionMapper.class,
        UnexpectedErrorMapper.class);
  }

  @Override
  public Map<String, Object> getProperties() {
    // as RestApplication: multipart on Jersey (Payara), no WADL
    return Map.of(
        "jersey.config.server.provider.classnames",
        "org.glassfish.jersey.media.multipart.MultiPartFeature",
        "jersey.config.server.wadl.disableWadl",
        "true");
  }
}
