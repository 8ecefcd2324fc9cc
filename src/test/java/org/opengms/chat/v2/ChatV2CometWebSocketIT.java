package org.opengms.chat.v2;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengms.testing.CometClient.Transport;
import org.opengms.testing.Deployments;

/** Chat API v2 over CometD, transport WEBSOCKET. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChatV2CometWebSocketIT extends ChatV2CometScenarios {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @Override
  Transport transport() {
    return Transport.WEBSOCKET;
  }
}
