package org.opengms.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.opengms.testing.ApiAssertions.assertOkJson;

import java.util.ArrayList;
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
import org.opengms.testing.Deployments;
import org.opengms.testing.Http;

/**
 * Chats in the middle of a conversation survive an undeploy/deploy: the transcript is whole,
 * positions go on, the customer and the agent carry on where they were, and a re-queued chat keeps
 * its place at the head of the queue, away from the agent who left it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChatRestartIT {

  private static final String GMS = "gms";

  @Deployment(name = GMS, managed = false, testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource Deployer deployer;

  private final List<String> services = new ArrayList<>();

  @Test
  void shouldCarryOnChatsAfterRestart() {
    Http http = new Http(Deployments.baseUrl());
    AgentClient dave = new AgentClient(http, "agent3", "agent3");
    AgentClient erin = new AgentClient(http, "agent4", "agent4");
    deployer.deploy(GMS);
    try {
      // a chat of Erin's second queue waits (Erin is not ready)
      String older = service(http, "chat-lifecycle-b");
      start(http, older, "older");
      // Dave takes a chat of a requeue service and leaves it: it waits at the head, not for him
      dave.ready();
      String requeueService = service(http, "chat-requeue");
      String requeued = start(http, requeueService, "requeued");
      dave.act(requeued, "leave", Map.of());
      // the chat the conversation is in
      String service = service(http, "chat-lifecycle");
      String chat = start(http, service, "restart");
      assertEquals(List.of("Notice.Joined"), types(refresh(http, service, Map.of())));
      refresh(http, service, Map.of("message", "before the restart"));
      dave.act(chat, "send", Map.of("message", "me too"));
      assertEquals(List.of("me too"), texts(refresh(http, service, Map.of())));
      List<List<String>> before = dave.transcript(chat);
      assertEquals(3, before.size());

      deployer.undeploy(GMS);
      deployer.deploy(GMS);

      assertEquals(false, assertOkJson(dave.get("me")).get("ready"), "presence is not kept");
      List<Map<String, Object>> chats = dave.chats();
      assertEquals(List.of(chat), chats.stream().map(c -> c.get("chatSessionId")).toList());
      assertEquals("ASSIGNED", chats.get(0).get("state"));
      assertEquals(before, dave.transcript(chat), "the transcript is whole");

      Map<String, Object> all = refresh(http, service, Map.of("transcriptPosition", "1"));
      assertEquals("TRANSCRIPT", all.get("chatIxnState"));
      assertEquals("4", all.get("transcriptPosition"));
      assertEquals(List.of("has joined the session", "before the restart", "me too"), texts(all));
      Map<String, Object> sent =
          assertOkJson(
              http.postForm(
                  "1/service/" + service + "/ixn/chat/send", Map.of("message", "after it")));
      assertEquals("5", sent.get("transcriptPosition"), "positions go on");
      assertEquals(List.of("after it"), texts(sent));

      dave.act(chat, "send", Map.of("message", "still here"));
      Map<String, Object> answered = refresh(http, service, Map.of());
      assertEquals("6", answered.get("transcriptPosition"));
      assertEquals(List.of(List.of("Message.Text", "Dave", "AGENT")), who(answered));
      assertEquals(List.of("still here"), texts(answered));

      Map<String, Object> gone =
          assertOkJson(http.postForm("1/service/" + service + "/ixn/chat/disconnect", Map.of()));
      assertEquals("DISCONNECTED", gone.get("chatIxnState"));
      assertFalse(dave.has(chat));
      assertEquals(6, dave.transcript(chat).size());

      dave.ready();
      assertEquals(List.of(), dave.chats(), "the re-queued chat stays away from Dave, who left it");
      erin.ready();
      assertEquals(
          List.of(requeued),
          erin.chats().stream().map(c -> c.get("chatSessionId")).toList(),
          "the re-queued chat is still ahead of the older one");
      assertEquals(
          List.of("Notice.Joined", "Notice.Left", "Notice.Joined"),
          types(refresh(http, requeueService, Map.of("transcriptPosition", "1"))));
    } finally {
      for (String id : services) {
        http.postForm("1/service/" + id + "/ixn/chat/disconnect", Map.of());
      }
      dave.reset();
      erin.reset();
      deployer.undeploy(GMS);
    }
  }

  private String service(Http http, String name) {
    String id = (String) assertOkJson(http.postForm("1/service/" + name, Map.of())).get("_id");
    services.add(id);
    return id;
  }

  private static String start(Http http, String service, String subject) {
    return (String)
        assertOkJson(
                http.postForm(
                    "1/service/" + service + "/ixn/chat",
                    Map.of("subject", subject, "userDisplayName", "Zoe")))
            .get("chatSessionId");
  }

  private static Map<String, Object> refresh(Http http, String service, Map<String, String> form) {
    return assertOkJson(http.postForm("1/service/" + service + "/ixn/chat/refresh", form));
  }

  @SuppressWarnings("unchecked")
  private static List<List<String>> events(Map<String, Object> answer) {
    return (List<List<String>>) answer.get("transcriptToShow");
  }

  private static List<String> types(Map<String, Object> answer) {
    return events(answer).stream().map(e -> e.get(0)).toList();
  }

  private static List<String> texts(Map<String, Object> answer) {
    return events(answer).stream().map(e -> e.get(2)).toList();
  }

  /** Type, nickname and user type of each event shown. */
  private static List<List<String>> who(Map<String, Object> answer) {
    return events(answer).stream().map(e -> List.of(e.get(0), e.get(1), e.get(4))).toList();
  }
}
