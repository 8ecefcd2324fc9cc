package org.opengms.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.opengms.testing.ApiAssertions.assertOkJson;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.opengms.testing.AgentClient;
import org.opengms.testing.Conditions;
import org.opengms.testing.Http;

/**
 * {@code kill -9} of a node in the middle of a chat ({@code .ci/cluster}, run after {@link
 * ClusterIT} and {@link ClusterChatIT}, given node 2's pid file as {@code -Dcluster.kill.pid}): the
 * customer and the agent go on through the balancer on the surviving node, nothing acknowledged is
 * lost, and the agent, made ready on the killed node, is shown not ready once the node's heartbeat
 * is older than {@code [cluster] node_timeout} (6 s in the cluster test's configuration).
 */
class ClusterFailoverIT {

  @Test
  void shouldGoOnWithAChatOnTheSurvivingNodeAfterKillDashNine() throws Exception {
    String lb = System.getProperty("cluster.balancer", "");
    String pidFile = System.getProperty("cluster.kill.pid", "");
    assumeTrue(!lb.isBlank() && !pidFile.isBlank(), "no cluster: run .ci/cluster");
    Http balancer = new Http(URI.create(lb).toURL());
    String[] nodes = System.getProperty("cluster.nodes").split(",");
    Http doomed = new Http(URI.create(nodes[1].strip()).toURL());
    AgentClient onDoomed = new AgentClient(doomed, ClusterChatIT.AGENT, ClusterChatIT.AGENT);
    AgentClient agent = new AgentClient(balancer, ClusterChatIT.AGENT, ClusterChatIT.AGENT);
    assertEquals(true, onDoomed.ready().get("ready"), "ready, as taken by node 2");

    String service =
        (String) assertOkJson(balancer.postNothing("1/service/cluster-chat")).get("_id");
    String chat = "1/service/" + service + "/ixn/chat";
    String chatId =
        (String)
            assertOkJson(balancer.postForm(chat, Map.of("subject", "failover", "firstName", "Lin")))
                .get("chatSessionId");
    Conditions.await("the agent has the chat", Duration.ofSeconds(20), () -> agent.has(chatId));
    assertOkJson(balancer.postForm(chat + "/send", Map.of("message", "before 1")));
    agent.act(chatId, "send", Map.of("message", "before 2"));

    long pid = Long.parseLong(Files.readString(Path.of(pidFile)).strip());
    ProcessHandle node2 = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no " + pid));
    assertTrue(node2.destroyForcibly(), "SIGKILL sent to node 2");
    node2.onExit().get(30, TimeUnit.SECONDS);

    // the balancer sends each request to node 1 now (a refused connection is redispatched)
    assertOkJson(balancer.postForm(chat + "/send", Map.of("message", "after 1")));
    agent.act(chatId, "send", Map.of("message", "after 2"));
    assertTrue(agent.has(chatId), "the agent keeps the chat");

    List<String> expected =
        List.of(
            "Notice.Joined has joined the session",
            "Message.Text before 1",
            "Message.Text before 2",
            "Message.Text after 1",
            "Message.Text after 2");
    @SuppressWarnings("unchecked")
    List<List<String>> shown =
        (List<List<String>>)
            assertOkJson(balancer.postForm(chat + "/refresh", Map.of("transcriptPosition", "1")))
                .get("transcriptToShow");
    assertEquals(expected, shown.stream().map(e -> e.get(0) + " " + e.get(2)).toList());
    assertEquals(
        expected, agent.transcript(chatId).stream().map(e -> e.get(0) + " " + e.get(2)).toList());

    Conditions.await(
        "the killed node's agent shown not ready",
        Duration.ofSeconds(30),
        () -> Boolean.FALSE.equals(assertOkJson(agent.get("me")).get("ready")));
    assertFalse((Boolean) assertOkJson(agent.get("me")).get("ready"));

    assertOkJson(balancer.postNothing(chat + "/disconnect"));
    Conditions.await(
        "the chat ended for the agent", Duration.ofSeconds(10), () -> !agent.has(chatId));
  }
}
