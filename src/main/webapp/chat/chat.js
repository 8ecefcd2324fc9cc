// A customer chat over the GMS Chat API only: create a request-chat service, start the chat
// (ixn/chat), then follow it, one request at a time and in order.
//
// By default the page follows the chat as GMS apps do with notify_by=comet: it first opens a CometD
// session under a gms_user of its own and subscribes to /_genesys (long-polling: a browser cannot
// put headers on a websocket upgrade), then starts the chat; every transcript event, its own
// messages included, then arrives as a push tagged service.chat.refresh.<service id>, and the
// answers of chat requests carry none. CometD's ack extension keeps pushes across a lost
// connection. With ?notify=poll the page polls refresh every second instead, and each answer
// carries the events not shown yet.
import {AckExtension, CometD} from "../agent/vendor/cometd/cometd.js";
import {watchHandshake} from "../resources/handshake.js";
import {eventTime, transcriptLine} from "../resources/transcript.js";

const API = new URL("../1/", location.href);
const COMETD_URL = new URL("../cometd", location.href).href;
const PARAMS = new URLSearchParams(location.search);
const SERVICE = PARAMS.get("service") || "request-chat";
const COMET = PARAMS.get("notify") !== "poll";
const GMS_USER = "chat-demo-" + randomHex(16);
const POLL_MS = 1000;
const TYPING_IDLE_MS = 3000;

const $ = (id) => document.getElementById(id);

/** When the chat started (ISO text, from the answers): event times are counted from it. */
let startedAt = null;
let chatUrl = null;
let ended = false;
let queue = Promise.resolve();
let typing = false;
let typingTimer = null;
let serviceId = null;
let cometd = null;

/** Random hex digits (crypto.randomUUID needs a secure context; plain http may not be one). */
function randomHex(bytes) {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)),
      (b) => b.toString(16).padStart(2, "0")).join("");
}

async function post(url, form) {
  const response = await fetch(url, {
    method: "POST",
    headers: COMET ? {gms_user: GMS_USER} : {},
    body: form ? new URLSearchParams(form) : null,
  });
  const body = await response.text();
  if (!response.ok) {
    let message = body;
    try {
      message = JSON.parse(body).message;
    } catch (e) {
      // not the JSON error shape: show the text
    }
    throw new Error(response.status + " " + message);
  }
  return JSON.parse(body);
}

/** Runs a chat request after the ones before it and shows its answer. */
function request(name, form) {
  const run = queue.then(async () => {
    if (ended && name !== "refresh") {
      return null;
    }
    const answer = await post(new URL(chatUrl + "/" + name), form);
    show(answer);
    return answer;
  });
  queue = run.catch((e) => {
    $("chatError").textContent = e.message;
  });
  return run;
}

async function start(event) {
  event.preventDefault();
  $("startError").textContent = "";
  const form = {subject: $("subject").value};
  for (const field of ["firstName", "lastName", "email"]) {
    if ($(field).value) {
      form[field] = $(field).value;
    }
  }
  if (COMET) {
    form.notify_by = "comet";
  }
  try {
    if (COMET) {
      await connect(); // before the chat starts: its first events are pushed at once
    }
    const service = await post(new URL("service/" + encodeURIComponent(SERVICE), API));
    serviceId = service._id;
    chatUrl = new URL("service/" + encodeURIComponent(serviceId) + "/ixn/chat", API).href;
    const answer = await post(chatUrl, form);
    $("startForm").hidden = true;
    $("conversation").hidden = false;
    show(answer);
  } catch (e) {
    $("startError").textContent = e.message;
    return;
  }
  if (!COMET) {
    $("connection").textContent = "polling";
    poll();
  }
}

/** Opens the CometD session and subscribes to /_genesys; resolves once subscribed. */
function connect() {
  if (cometd) {
    return Promise.resolve();
  }
  cometd = new CometD();
  cometd.unregisterTransport("websocket");
  cometd.unregisterTransport("callback-polling");
  cometd.registerExtension("ack", new AckExtension());
  cometd.configure({url: COMETD_URL, requestHeaders: {gms_user: GMS_USER}, logLevel: "warn"});
  cometd.addListener("/meta/connect", (reply) => {
    if (!ended) {
      $("connection").textContent = reply.successful === true ? "online" : "offline";
    }
  });
  return new Promise((resolve, reject) => {
    // subscribing in the handshake listener subscribes again after every re-handshake
    watchHandshake(cometd, {
      onRefused: (why) => reject(new Error("Push refused: " + why)),
      onOpen: () => cometd.subscribe("/_genesys", onPush, (subscribed) => {
        if (subscribed.successful) {
          resolve();
        } else {
          reject(new Error("Push refused: " + (subscribed.error || "subscribe failed")));
        }
      }),
    });
    cometd.handshake();
  });
}

/** A pushed chat event: the same shape as a refresh answer with one event. */
function onPush(message) {
  const data = message.data;
  if (serviceId && data && data.tag === "service.chat.refresh." + serviceId) {
    show(data.message);
  }
}

function poll() {
  if (ended) {
    return;
  }
  request("refresh").finally(() => setTimeout(poll, POLL_MS));
}

function show(answer) {
  const waiting = $("transcript").children.length === 0;
  startedAt = answer.startedAt || startedAt;
  for (const event of answer.transcriptToShow || []) {
    onEvent(event);
  }
  if (answer.chatIxnState === "DISCONNECTED" && !ended) {
    ended = true;
    if (cometd) {
      cometd.disconnect();
      $("connection").textContent = "";
    }
    $("agentTyping").textContent = "";
    $("status").textContent = "Chat ended";
    for (const id of ["message", "sendButton", "disconnectButton"]) {
      $(id).disabled = true;
    }
  } else if (waiting && $("transcript").children.length === 0) {
    $("status").textContent = "Waiting for an agent…";
  }
}

function onEvent([type, nickname, text, seconds, userType]) {
  if (userType === "AGENT") {
    if (type === "Notice.TypingStarted") {
      $("agentTyping").textContent = nickname + " is typing…";
      return;
    }
    if (type === "Notice.TypingStopped") {
      $("agentTyping").textContent = "";
      return;
    }
    if (type === "Message.Text" || type === "Notice.Left") {
      $("agentTyping").textContent = "";
    }
    if (type === "Notice.Left") {
      $("status").textContent = "Waiting for an agent…"; // unless the answer also ends the chat
    }
    if (type === "Notice.Joined") {
      $("status").textContent = "Chatting with " + nickname;
    }
  } else if (type === "Notice.TypingStarted" || type === "Notice.TypingStopped") {
    return; // our own typing notices, echoed back
  }
  const div = transcriptLine([type, nickname, text, , userType], "sent you a page: ", {
    time: eventTime(startedAt, seconds),
    mine: userType !== "AGENT",
  });
  const transcript = $("transcript");
  transcript.append(div);
  transcript.scrollTop = transcript.scrollHeight;
}

function send(event) {
  event.preventDefault();
  const text = $("message").value;
  if (!text || ended) {
    return;
  }
  clearTimeout(typingTimer);
  typing = false; // the message itself tells the agent the customer stopped typing
  request("send", {message: text}).then(() => {
    $("message").value = "";
  }, () => {});
}

function onKeystroke() {
  if (ended || !$("message").value) {
    return;
  }
  if (!typing) {
    typing = true;
    request("startTyping").catch(() => {});
  }
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => {
    if (typing) {
      typing = false;
      request("stopTyping").catch(() => {});
    }
  }, TYPING_IDLE_MS);
}

$("startForm").addEventListener("submit", start);
$("sendForm").addEventListener("submit", send);
$("message").addEventListener("input", onKeystroke);
$("disconnectButton").addEventListener("click", () => {
  clearTimeout(typingTimer);
  request("disconnect").catch(() => {});
});
