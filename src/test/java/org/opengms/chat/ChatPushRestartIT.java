package org.opengms.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengms.testing.AgentClient;
import org.opengms.testing.ApnsStandIn;
import org.opengms.testing.CometClient;
import org.opengms.testing.Conditions;
import org.opengms.testing.Deployments;
import org.opengms.testing.Http2StandIn;
import org.opengms.testing.ItConfigFile;

/**
 * A chat whose client is in the background keeps its device and stays in the background across an
 * undeploy/deploy: the agent's next message reaches the device, and the client comes back as
 * before.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChatPushRestartIT {

  private static final String GMS = "gms";

  @Deployment(name = GMS, managed = false, testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource Deployer deployer;

  @Test
  @SuppressWarnings("unchecked")
  void shouldKeepPushSettingsAndTheBackgroundAcrossARestart() {
    ChatPushClient customer = new ChatPushClient(Deployments.baseUrl());
    AgentClient agent = new AgentClient(customer.http, "chatpushagent", "chatpushagent");
    try (ApnsStandIn apns = new ApnsStandIn();
        ItConfigFile config = new ItConfigFile()) {
      deployer.deploy(GMS);
      try {
        ChatPushIT.apnsInForce(customer.http, config, apns);
        CometClient foreground = customer.connected();
        customer.startComet("chat-push");
        agent.ready();
        Conditions.await(
            "Gina has the chat", Duration.ofSeconds(20), () -> agent.has(customer.chat));
        foreground.next(); // Gina joined, position 1
        foreground.background(2);

        deployer.undeploy(GMS);
        deployer.deploy(GMS);

        agent.act(customer.chat, "send", Map.of("message", "after the restart"));
        Http2StandIn.Received pushed = customer.nextApns(apns.server(), Duration.ofSeconds(20));
        Map<String, Object> message = ChatPushClient.apnsMessage(pushed);
        assertEquals(customer.chat, message.get("chatId"));
        assertEquals("Message", message.get("type"));
        assertEquals("after the restart", message.get("text"));

        CometClient back = customer.connected();
        try {
          Map<String, Object> missed = customer.refresh(Map.of("transcriptPosition", "2"));
          assertEquals(
              List.of(List.of("Message.Text", "Gina", "after the restart")),
              ChatPushClient.events(missed).stream().map(e -> e.subList(0, 3)).toList());
          agent.act(customer.chat, "send", Map.of("message", "welcome back"));
          Map<String, Object> live = (Map<String, Object>) back.next().getData();
          assertEquals(
              customer.chat, ((Map<String, Object>) live.get("message")).get("chatSessionId"));
          assertNull(
              customer.nextApns(apns.server(), Duration.ofSeconds(3)),
              "no push once a session is bound again");
        } finally {
          back.close();
        }
      } finally {
        customer.post(customer.chatPath("disconnect"), Map.of());
        agent.reset();
        deployer.undeploy(GMS);
      }
    }
  }
}
