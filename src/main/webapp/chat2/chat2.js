// A customer chat over Chat API v2 on CometD, as the mobile SDKs speak it: a CometD session
// without gms_user, operations published on /service/chatV2/<service>, and the answers and every
// later event of the chat delivered back on that channel. Events carry an index (from 1); the page
// shows each index once, so an event seen again (after requestNotifications) is not repeated. After
// a re-handshake the page binds its new session with requestNotifications from the next index.
import {CometD} from "../agent/vendor/cometd/cometd.js";
import {watchHandshake} from "../resources/handshake.js";
import {transcriptLine} from "../resources/transcript.js";
import {downloadFile, fileLine, markDeleted, uploadFile} from "./files.js";

const COMETD_URL = new URL("../cometd", location.href).href;
const SERVICE = new URLSearchParams(location.search).get("service") || "request-chat";
const CHANNEL = "/service/chatV2/" + SERVICE;
const TYPING_IDLE_MS = 3000;

const $ = (id) => document.getElementById(id);

let cometd = null;
let secureKey = null;
let nextIndex = 1; // the index of the next event not shown yet
let ended = false;
let typing = false;
let typingTimer = null;
let started = null; // resolves on the answer of requestChat

function publish(operation, fields) {
  cometd.publish(CHANNEL, {operation, secureKey, ...fields});
}

/** Handshakes (no gms_user) and listens on the channel; resolves once the session is open. */
function connect() {
  cometd = new CometD();
  cometd.configure({url: COMETD_URL, logLevel: "warn"});
  cometd.addListener(CHANNEL, (message) => onAnswer(message.data));
  cometd.addListener("/meta/connect", (reply) => {
    if (!ended) {
      $("connection").textContent = reply.successful === true ? "online" : "offline";
      $("connection").dataset.transport = cometd.getTransport().type; // websocket if it can
    }
  });
  return new Promise((resolve, reject) => {
    watchHandshake(cometd, {
      onOpen: () => {
        if (secureKey && !ended) {
          publish("requestNotifications", {transcriptPosition: nextIndex}); // a new session
        } else {
          resolve();
        }
      },
      onRefused: (why) => reject(new Error("Connection refused: " + why)),
    });
    cometd.handshake();
  });
}

async function start(event) {
  event.preventDefault();
  $("startError").textContent = "";
  const fields = {subject: $("subject").value};
  const first = $("firstName").value;
  const last = $("lastName").value;
  if (first || last) {
    fields.firstName = first;
    fields.lastName = last;
  } else {
    fields.nickname = "Guest";
  }
  if ($("email").value) {
    fields.emailAddress = $("email").value;
  }
  try {
    await connect();
    const answer = new Promise((resolve, reject) => {
      started = {resolve, reject};
    });
    publish("requestChat", fields);
    await answer;
  } catch (e) {
    $("startError").textContent = e.message;
    if (cometd) {
      cometd.disconnect();
    }
    return;
  }
  $("startForm").hidden = true;
  $("conversation").hidden = false;
}

/** An answer or event delivery: the v2 answer object, or the v2 error body. */
function onAnswer(data) {
  if (!data) {
    return;
  }
  if (data.statusCode !== 0) {
    const advice = (data.errors || []).map((e) => e.code + " " + e.advice).join("; ");
    if (started) {
      started.reject(new Error(advice || "refused"));
      started = null;
    } else {
      $("chatError").textContent = advice;
    }
    return;
  }
  if (data.secureKey) {
    secureKey = data.secureKey;
  }
  if (started) {
    started.resolve();
    started = null;
    $("status").textContent = "Waiting for an agent…";
  }
  for (const event of data.messages || []) {
    if (event.index >= nextIndex) {
      nextIndex = event.index + 1;
      onEvent(event);
    }
  }
  if (data.chatEnded && !ended) {
    end();
  }
}

function end() {
  ended = true;
  clearTimeout(typingTimer);
  cometd.disconnect();
  $("connection").textContent = "";
  $("agentTyping").textContent = "";
  $("status").textContent = "Chat ended";
  for (const id of ["message", "sendButton", "fileInput", "fileButton", "disconnectButton"]) {
    $(id).disabled = true;
  }
}

/** One v2 event, shown as the v1 pages show theirs. */
function onEvent(event) {
  const agent = event.from && event.from.type === "Agent";
  const nickname = event.from ? event.from.nickname : "";
  const userType = agent ? "AGENT" : "CLIENT";
  let line = null;
  switch (event.type) {
    case "TypingStarted":
    case "TypingStopped":
      if (agent) {
        $("agentTyping").textContent =
            event.type === "TypingStarted" ? nickname + " is typing…" : "";
      }
      return; // our own typing notices are not shown
    case "Message":
      line = ["Message.Text", nickname, event.text];
      break;
    case "ParticipantJoined":
      line = ["Notice.Joined", nickname, "has joined the session"];
      if (agent) {
        $("status").textContent = "Chatting with " + nickname;
      }
      break;
    case "ParticipantLeft":
      line = ["Notice.Left", nickname, "has left the session"];
      if (agent) {
        $("status").textContent = "Waiting for an agent…"; // unless the chat ends too
      }
      break;
    case "PushUrl":
      line = ["Notice.PushUrl", nickname, event.text];
      break;
    case "NicknameUpdated":
      line = ["Notice.Custom", nickname, "changed the nickname"];
      break;
    case "FileUploaded":
      append(fileLine(event, openFile));
      return;
    case "FileDeleted":
      markDeleted($("transcript"), event.userData && event.userData["file-id"]);
      line = ["Notice.FileDeleted", nickname, "deleted a file"];
      break;
    default:
      line = ["Notice.Custom", nickname, event.text || ""];
  }
  if (agent && (event.type === "Message" || event.type === "ParticipantLeft")) {
    $("agentTyping").textContent = "";
  }
  append(transcriptLine([line[0], line[1], line[2], 0, userType], "sent you a page: ", {
    time: event.utcTime ? new Date(Number(event.utcTime)) : null,
    mine: !agent,
  }));
}

function append(div) {
  const transcript = $("transcript");
  transcript.append(div);
  transcript.scrollTop = transcript.scrollHeight;
}

function openFile(fileId, name) {
  $("fileStatus").textContent = "";
  downloadFile(secureKey, fileId, name).then(
      (size) => {
        $("fileStatus").textContent = "Downloaded " + name + " (" + size + " bytes)";
      },
      (e) => {
        $("chatError").textContent = e.message;
      });
}

function send(event) {
  event.preventDefault();
  const text = $("message").value;
  if (!text || ended) {
    return;
  }
  clearTimeout(typingTimer);
  typing = false; // the message itself tells the agent the customer stopped typing
  publish("sendMessage", {message: text});
  $("message").value = "";
}

function onKeystroke() {
  if (ended || !$("message").value) {
    return;
  }
  if (!typing) {
    typing = true;
    publish("startTyping", {});
  }
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => {
    if (typing && !ended) {
      typing = false;
      publish("stopTyping", {});
    }
  }, TYPING_IDLE_MS);
}

async function sendFile(event) {
  event.preventDefault();
  const file = $("fileInput").files[0];
  if (!file || ended) {
    return;
  }
  $("chatError").textContent = "";
  $("fileStatus").textContent = "Sending " + file.name + "…";
  try {
    await uploadFile(secureKey, file);
    $("fileInput").value = "";
    $("fileStatus").textContent = "Sent " + file.name;
  } catch (e) {
    $("fileStatus").textContent = "";
    $("chatError").textContent = e.message;
  }
}

$("startForm").addEventListener("submit", start);
$("sendForm").addEventListener("submit", send);
$("fileForm").addEventListener("submit", sendFile);
$("message").addEventListener("input", onKeystroke);
$("disconnectButton").addEventListener("click", () => {
  if (!ended) {
    clearTimeout(typingTimer);
    publish("disconnect", {});
  }
});
