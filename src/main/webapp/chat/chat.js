// A customer chat over the GMS Chat API only: create a request-chat service, start the chat
// (ixn/chat), then refresh every second. Every chat request answers with the events this customer
// has not been shown yet, so requests go one at a time, in order, and each answer is shown.
import {transcriptLine} from "../resources/transcript.js";

const API = new URL("../1/", location.href);
const SERVICE = new URLSearchParams(location.search).get("service") || "request-chat";
const POLL_MS = 1000;
const TYPING_IDLE_MS = 3000;

const $ = (id) => document.getElementById(id);

let chatUrl = null;
let ended = false;
let queue = Promise.resolve();
let typing = false;
let typingTimer = null;

async function post(url, form) {
  const response = await fetch(url, {method: "POST", body: form ? new URLSearchParams(form) : null});
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
  try {
    const service = await post(new URL("service/" + encodeURIComponent(SERVICE), API));
    chatUrl = new URL("service/" + encodeURIComponent(service._id) + "/ixn/chat", API).href;
    const answer = await post(chatUrl, form);
    $("startForm").hidden = true;
    $("conversation").hidden = false;
    show(answer);
  } catch (e) {
    $("startError").textContent = e.message;
    return;
  }
  poll();
}

function poll() {
  if (ended) {
    return;
  }
  request("refresh").finally(() => setTimeout(poll, POLL_MS));
}

function show(answer) {
  const waiting = $("transcript").children.length === 0;
  for (const event of answer.transcriptToShow || []) {
    onEvent(event);
  }
  if (answer.chatIxnState === "DISCONNECTED") {
    ended = true;
    $("agentTyping").textContent = "";
    $("status").textContent = "Chat ended";
    for (const id of ["message", "sendButton", "disconnectButton"]) {
      $(id).disabled = true;
    }
  } else if (waiting && $("transcript").children.length === 0) {
    $("status").textContent = "Waiting for an agent…";
  }
}

function onEvent([type, nickname, text, , userType]) {
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
  const div = transcriptLine([type, nickname, text, , userType], "sent you a page: ");
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
