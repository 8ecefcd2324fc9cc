package org.opengms.comet;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengms.testing.CometClient.Transport;
import org.opengms.testing.DatabaseIndependent;
import org.opengms.testing.Deployments;

/**
 * CometD over websocket (our Jakarta WebSocket transport on the container's server), with the
 * official Java client; {@code gms_user} travels on the upgrade request.
 */
@DatabaseIndependent
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CometWebSocketIT extends CometTransportScenarios {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @Override
  Transport transport() {
    return Transport.WEBSOCKET;
  }
}
