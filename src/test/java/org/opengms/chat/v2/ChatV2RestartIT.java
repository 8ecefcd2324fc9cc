package org.opengms.chat.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opengms.testing.ChatV2Client.fromNickname;
import static org.opengms.testing.ChatV2Client.indexes;
import static org.opengms.testing.ChatV2Client.messages;
import static org.opengms.testing.ChatV2Client.number;
import static org.opengms.testing.ChatV2Client.types;

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
import org.opengms.testing.ChatV2Client;
import org.opengms.testing.CometClient;
import org.opengms.testing.Conditions;
import org.opengms.testing.Deployments;
import org.opengms.testing.Http;

/**
 * A v2 chat survives an undeploy/deploy: its events keep their indexes and times, the nickname and
 * user data stay, numbering goes on, and a new CometD session replays it from a position.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChatV2RestartIT {

  private static final String GMS = "gms";

  @Deployment(name = GMS, managed = false, testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource Deployer deployer;

  @Test
  void shouldCarryOnV2ChatAfterRestart() {
    Http http = new Http(Deployments.baseUrl());
    AgentClient vera = new AgentClient(http, "v2agent", "v2agent");
    ChatV2Client ana = new ChatV2Client(http, "chat-v2");
    deployer.deploy(GMS);
    try {
      ana.requestChat(Map.of("nickname", "Ana", "userData[account]", "9"));
      vera.ready();
      Conditions.await("assigned to Vera", Duration.ofSeconds(10), () -> vera.has(ana.chatId));
      ana.ok("send", Map.of("message", "before the restart"));
      ana.ok("updateNickname", Map.of("nickname", "Anna"));
      vera.act(ana.chatId, "send", Map.of("message", "me too"));
      Map<String, Object> before = ana.ok("refresh", Map.of("transcriptPosition", "1"));
      assertEquals(List.of(1, 2, 3, 4, 5), indexes(before));

      deployer.undeploy(GMS);
      deployer.deploy(GMS);

      Map<String, Object> after = ana.ok("refresh", Map.of("transcriptPosition", "1"));
      assertEquals(messages(before), messages(after), "events, indexes and times are kept");
      assertEquals(6, number(after.get("nextPosition")));
      assertEquals(ana.secureKey, after.get("secureKey"));
      Map<String, Object> chat = ChatV2CometScenarios.chatOf(vera, ana.chatId);
      assertEquals(Map.of("account", "9"), chat.get("userData"));
      assertEquals("Anna", ((Map<?, ?>) chat.get("customer")).get("nickname"));

      Map<String, Object> sent = ana.ok("send", Map.of("message", "after it"));
      assertEquals(List.of(6), indexes(sent), "numbering goes on");
      assertEquals("Anna", fromNickname(messages(sent).get(0)));

      try (CometClient app =
          CometClient.create(
              Deployments.baseUrl(), CometClient.Transport.LONG_POLLING, null, false)) {
        assertTrue(app.handshake().isSuccessful());
        String channel = "/service/chatV2/chat-v2";
        assertTrue(app.subscribe(channel).isSuccessful());
        assertTrue(
            app.publish(
                    channel,
                    Map.of(
                        "operation",
                        "requestNotifications",
                        "secureKey",
                        ana.secureKey,
                        "transcriptPosition",
                        4))
                .isSuccessful());
        Map<String, Object> replay = app.next().getDataAsMap();
        assertEquals(List.of(4, 5, 6), indexes(replay), replay.toString());
        assertEquals(List.of("NicknameUpdated", "Message", "Message"), types(replay));
        vera.act(ana.chatId, "send", Map.of("message", "live again"));
        assertEquals(List.of(7), indexes(app.next().getDataAsMap()));
      }

      Map<String, Object> gone = ana.ok("disconnect", Map.of());
      assertEquals(true, gone.get("chatEnded"));
    } finally {
      ana.post("disconnect", Map.of());
      vera.reset();
      deployer.undeploy(GMS);
    }
  }
}
