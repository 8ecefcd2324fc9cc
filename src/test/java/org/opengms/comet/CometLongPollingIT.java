package org.opengms.comet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.cometd.bayeux.Message;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengms.testing.CometClient;
import org.opengms.testing.CometClient.Transport;
import org.opengms.testing.Deployments;

/** CometD over long-polling (HTTP POSTs to /genesys/cometd), with the official Java client. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CometLongPollingIT extends CometTransportScenarios {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @Override
  Transport transport() {
    return Transport.LONG_POLLING;
  }

  @Test
  void shouldRefuseMessagesWhenSentWithAnotherGmsUser() {
    CometClient client = handshaken("alice");

    client.gmsUser("mallory");
    Message reply = client.subscribe("/_genesys");

    assertFalse(reply.isSuccessful(), reply.toString());
    assertEquals("403::gms_user_mismatch", reply.get(Message.ERROR_FIELD), reply.toString());

    client.gmsUser(null);
    assertEquals("403::gms_user_mismatch", client.subscribe("/_genesys").get(Message.ERROR_FIELD));
  }
}
